/**
 * Design mode's dependency edges (issue 11 item 5): arrowheads from dependent to provider, AND and
 * OR distinct, and no edge path under a card that is not its end: as laid out, and after a card is
 * dragged into the way. Checked on the SVG geometry at 1024×768 and 1440×900.
 */
import { expect, test, type Page } from '@playwright/test';
import { designCanvas } from './designHelpers';
import { openFresh, shareHash, SIZES, withOrGroup } from './helpers';

/** Every edge's sampled path in screen pixels against every resource card's box. */
async function report(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('[aria-label="Design canvas"]')!;
    const cards = [...root.querySelectorAll<HTMLElement>('.react-flow__node[data-id^="r:"]')].map((n) => ({
      id: n.dataset.id!.slice(2),
      r: n.getBoundingClientRect(),
    }));
    return [...root.querySelectorAll<SVGGElement>('.react-flow__edge')].map((g) => {
      const id = g.getAttribute('data-id') ?? '';
      const [dependent, provider] = JSON.parse(id.replace(/^e:/, '')) as [string, string];
      const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path')!;
      const ctm = path.getScreenCTM()!;
      const len = path.getTotalLength();
      const pts: { x: number; y: number }[] = [];
      for (let d = 0; d <= len; d += 2) {
        const p = path.getPointAtLength(d).matrixTransform(ctm);
        pts.push({ x: p.x, y: p.y });
      }
      pts.push(path.getPointAtLength(len).matrixTransform(ctm));
      const inside = (p: { x: number; y: number }, r: DOMRect) =>
        p.x > r.left + 1 && p.x < r.right - 1 && p.y > r.top + 1 && p.y < r.bottom - 1;
      const crossed = cards.filter((c) => pts.some((p) => inside(p, c.r))).map((c) => c.id);
      const dep = cards.find((c) => c.id === dependent)!.r;
      const prov = cards.find((c) => c.id === provider)!.r;
      const first = pts[0]!;
      const last = pts.at(-1)!;
      const beforeLast = path.getPointAtLength(Math.max(0, len - 6)).matrixTransform(ctm);
      const marker = path.getAttribute('marker-end') ?? '';
      return {
        id: `${dependent} -> ${provider}`,
        markerFound: !!marker && !!document.getElementById(marker.replace(/^url\(['"]?#?(.*?)['"]?\)$/, '$1')),
        crossed,
        startsAtDependentBottom: Math.abs(first.y - dep.bottom) < 3 && first.x > dep.left && first.x < dep.right,
        endsAtProviderTop: Math.abs(last.y - prov.top) < 3 && last.x > prov.left && last.x < prov.right,
        arrivesDownwards: beforeLast.y < last.y && Math.abs(beforeLast.x - last.x) < 0.5,
        or: g.classList.contains('dep-or'),
        dash: getComputedStyle(path).strokeDasharray,
        label: g.querySelector('.react-flow__edge-text')?.textContent ?? '',
      };
    });
  });
}

function expectClean(edges: Awaited<ReturnType<typeof report>>) {
  // SQL: 4 edges; File: FS Name→IP 1, →IP 2 (OR), Share→FS Name, →Disk A, Agent→Share, →IP 1.
  expect(edges).toHaveLength(10);
  for (const e of edges) {
    expect(e.markerFound, e.id).toBe(true);
    expect(e.crossed, `${e.id} runs under ${e.crossed.join(', ')}`).toEqual([]);
    expect(e.startsAtDependentBottom, e.id).toBe(true);
    expect(e.endsAtProviderTop, e.id).toBe(true);
    expect(e.arrivesDownwards, e.id).toBe(true);
  }
  const or = edges.filter((e) => e.or);
  expect(or.map((e) => e.id).sort()).toEqual(['FS Name -> IP 1', 'FS Name -> IP 2']);
  for (const e of or) {
    expect(e.dash).not.toBe('none');
    expect(e.label).toBe('OR');
  }
  for (const e of edges.filter((x) => !x.or)) expect(e.label).toBe('');
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test('Design edges run around the cards, as laid out and after a card is dragged into the way', async ({
      page,
    }) => {
      await openFresh(page, shareHash(withOrGroup()));
      await page.setViewportSize(size);
      await page.getByRole('button', { name: 'Design ✎' }).click();
      await expect(designCanvas(page)).toBeVisible();
      await designCanvas(page)
        .getByRole('button', { name: /fit view/i })
        .click();
      await page.waitForTimeout(400);
      expectClean(await report(page));

      // Make room below "FS Name" (move "IP 2" down), then drag "Disk A" into that room, across
      // the straight drop from FS Name to IP 2: the edge must now go around it.
      const card = (name: string) => designCanvas(page).locator(`.react-flow__node[data-id="r:${name}"]`);
      const drag = async (name: string, dx: number, dy: number) => {
        const box = (await card(name).boundingBox())!;
        await page.mouse.move(box.x + 24, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + 24 + dx, box.y + box.height / 2 + dy, { steps: 12 });
        await page.mouse.up();
        // Under load the drop lands late: wait until the card has moved most of the way (the grid
        // snaps it) and stays put.
        let last = '';
        await expect
          .poll(async () => {
            const now = (await card(name).boundingBox())!;
            const moved = Math.abs(now.x - box.x - dx) < 24 && Math.abs(now.y - box.y - dy) < 24;
            const key = `${now.x},${now.y}`;
            const still = key === last;
            last = key;
            return moved && still;
          })
          .toBe(true);
      };
      const ip2Before = (await card('IP 2').boundingBox())!;
      await drag('IP 2', 0, ip2Before.height * 3);
      const fs = (await card('FS Name').boundingBox())!;
      const ip2 = (await card('IP 2').boundingBox())!;
      const disk = (await card('Disk A').boundingBox())!;
      const room = ip2.y - (fs.y + fs.height);
      await drag('Disk A', ip2.x - disk.x, fs.y + fs.height + (room - disk.height) / 2 - disk.y);
      const moved = (await card('Disk A').boundingBox())!;
      // It really is in the way: below FS Name, above IP 2, across their column.
      expect(moved.y).toBeGreaterThan(fs.y + fs.height);
      expect(moved.y + moved.height).toBeLessThan(ip2.y);
      expect(moved.x).toBeLessThan(ip2.x + ip2.width / 2);
      expect(moved.x + moved.width).toBeGreaterThan(ip2.x + ip2.width / 2);
      await page.screenshot({ path: `/tmp/design-edges-${size.width}.png` });
      expectClean(await report(page));
    });
  });
}
