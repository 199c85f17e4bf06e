/**
 * Simulate for a room (issue 11): presentation mode and focus readable on a projector, context
 * menus inside the window, dependency edges with arrowheads that never run under a card, quorum
 * loss drawn as such. At 1024×768 and 1440×900.
 */
import { expect, test, type Page } from '@playwright/test';
import { GROUP, openAt, seek, settleCanvas, shareHash, SIZES, withOrGroup } from './helpers';
import sqlFci from '../src/scenarios/sql-fci-three-nodes.json' with { type: 'json' };

/** Presentation (key P) with focus on the SQL group (selected by clicking its head). */
async function presentSqlGroup(page: Page) {
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
  await page.locator(`.react-flow__node[data-id="group:${GROUP}"] .group-head`).click();
  await page.getByRole('button', { name: 'Focus', exact: true }).click();
  await expect(page.getByRole('button', { name: `Focus: ${GROUP} ✕` })).toBeVisible();
  await settleCanvas(page, 800); // the 500 ms zoom to the group
}

/** Rendered height and effective font size (CSS size × canvas zoom) of the group's names and states. */
function measureTexts(page: Page) {
  const names = sqlFci.groups[0]!.resources.map((r) => r.name);
  return page.evaluate(
    ({ group, names }) => {
      const box = document.querySelector(`.react-flow__node[data-id="group:${group}"]`)!;
      const zoom = box.getBoundingClientRect().width / (box as HTMLElement).offsetWidth;
      const out: { text: string; height: number; px: number }[] = [];
      for (const card of document.querySelectorAll<HTMLElement>('.react-flow__node-resource')) {
        if (!names.includes(card.dataset.id!.slice('res:'.length))) continue;
        for (const el of card.querySelectorAll<HTMLElement>('.entity-name, .badge')) {
          out.push({
            text: el.textContent.trim(),
            height: el.getBoundingClientRect().height,
            px: parseFloat(getComputedStyle(el).fontSize) * zoom,
          });
        }
      }
      return out;
    },
    { group: GROUP, names },
  );
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test('presentation mode gives the canvas the screen and the focused group reads at 14 px or more', async ({
      page,
    }) => {
      await openAt(page, size);
      await seek(page, 30_000);
      await presentSqlGroup(page);
      await expect(page.locator('.app-header')).toBeHidden();
      await expect(page.getByRole('table', { name: 'Cluster state' })).toBeHidden();
      await expect(page.getByRole('region', { name: 'Timeline' })).toBeHidden();
      await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
      const canvas = (await page.getByRole('region', { name: 'Cluster diagram' }).boundingBox())!;
      expect(canvas.height).toBeGreaterThan(size.height * 0.8);
      expect(canvas.width).toBe(size.width);

      const texts = await measureTexts(page);
      // Five resources, a name and a state each.
      expect(texts).toHaveLength(10);
      expect(texts.map((t) => t.text)).toContain('SQL Server Agent');
      for (const t of texts) {
        expect(t.height, `${t.text} height`).toBeGreaterThanOrEqual(14);
        expect(t.px, `${t.text} font size on screen`).toBeGreaterThanOrEqual(14);
      }
      // And every card of the group is on screen.
      for (const card of await page.locator('.react-flow__node-resource').all()) {
        const b = (await card.boundingBox())!;
        expect(b.y + b.height).toBeLessThanOrEqual(size.height);
        expect(b.x + b.width).toBeLessThanOrEqual(size.width);
      }
      await page.screenshot({ path: `/tmp/roomA-e2e-presentation-${size.width}.png` });

      // Focus follows the group on failover: SQL-A crashes at 60 s (the scenario's script).
      await page.getByRole('button', { name: /Run to end/ }).click();
      await settleCanvas(page, 900);
      // The quorum banner names the vote the dynamic quorum took away, with the engine's reason.
      await expect(page.getByTestId('quorum-banner')).toContainText(
        'vote of "SQL-C" removed to keep the voting count odd',
      );
      const after = await measureTexts(page);
      for (const t of after) expect(t.px, `${t.text} after failover`).toBeGreaterThanOrEqual(14);
      const group = (await page.locator(`.react-flow__node[data-id="group:${GROUP}"]`).boundingBox())!;
      expect(group.x).toBeGreaterThanOrEqual(0);
      expect(group.x + group.width).toBeLessThanOrEqual(size.width);
      await page.screenshot({ path: `/tmp/roomA-e2e-presentation-after-${size.width}.png` });

      // F toggles focus off (and on) like the button.
      await page.keyboard.press('f');
      await expect(page.getByRole('button', { name: 'Focus', exact: true })).toHaveAttribute('aria-pressed', 'false');
      await page.keyboard.press('f');
      await expect(page.getByRole('button', { name: `Focus: ${GROUP} ✕` })).toHaveAttribute('aria-pressed', 'true');

      // P again leaves; the choice is remembered across a reload.
      await page.keyboard.press('p');
      await expect(page.locator('.app-header')).toBeVisible();
      await page.getByRole('button', { name: 'Hide timeline' }).click();
      await page.reload();
      await expect(page.getByRole('button', { name: 'Show timeline' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Timeline' })).toBeHidden();
    });

    test('every context menu item is inside the window and clickable, also on a card at the bottom edge', async ({
      page,
    }) => {
      await openAt(page, size);
      await seek(page, 30_000);
      await presentSqlGroup(page);
      // The lowest card of the group, right-clicked at its lowest visible point.
      const cards = await page.locator('.react-flow__node-resource').all();
      let lowest = cards[0]!;
      let lowestY = -1;
      for (const c of cards) {
        const b = (await c.boundingBox())!;
        if (b.y > lowestY) [lowest, lowestY] = [c, b.y];
      }
      const b = (await lowest.boundingBox())!;
      const y = Math.min(b.y + b.height, size.height) - 4;
      expect(y).toBeGreaterThan(size.height * 0.8);
      await page.mouse.click(b.x + b.width / 2, y, { button: 'right' });
      const menu = page.getByRole('menu');
      await expect(menu).toBeVisible();
      for (const heading of ['Administration', 'Faults', 'Health checks', 'Online/Offline calls'])
        await expect(menu.getByRole('group', { name: heading })).toBeVisible();
      const items = await menu.getByRole('menuitem').all();
      expect(items.length).toBe(19);
      for (const item of items) {
        await item.scrollIntoViewIfNeeded();
        const r = (await item.boundingBox())!;
        expect(r.y).toBeGreaterThanOrEqual(0);
        expect(r.y + r.height).toBeLessThanOrEqual(size.height);
        expect(r.x).toBeGreaterThanOrEqual(0);
        expect(r.x + r.width).toBeLessThanOrEqual(size.width);
        // Nothing covers it: the element under its centre is the item itself.
        const hit = await page.evaluate(
          ({ x, y, label }) => {
            const el = document.elementFromPoint(x, y)?.closest('[role="menuitem"]');
            return el?.getAttribute('aria-label') ?? el?.textContent === label;
          },
          { x: r.x + r.width / 2, y: r.y + r.height / 2, label: await item.textContent() },
        );
        expect(hit).toBeTruthy();
      }
      // The last item really works: the menu closes and the action is in the log.
      const label = (await items.at(-1)!.getAttribute('aria-label'))!;
      expect(label).toBe('Offline calls hang');
      await items.at(-1)!.click();
      await expect(menu).toBeHidden();
      await page.keyboard.press('p');
      await expect(page.getByRole('list', { name: 'Trace events' })).toContainText('set Offline calls to hang on');
      await page.keyboard.press('p');

      // Keyboard as before: Shift+F10 on a focused card, arrows, Escape.
      await lowest.focus();
      await page.keyboard.press('Shift+F10');
      await expect(menu).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await expect(menu.getByRole('menuitem', { name: 'Take offline' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
    });

    test('dependency edges have arrowheads from dependent to provider and never run under another card', async ({
      page,
    }) => {
      const scenario = withOrGroup();
      await openAt(page, size, shareHash(scenario));
      await page.getByRole('button', { name: 'Hide event log and table' }).click();
      await page.getByRole('button', { name: 'Hide timeline' }).click();
      await page.getByRole('button', { name: 'Hide inspector' }).click();
      await settleCanvas(page, 500);
      const report = await page.evaluate(() => {
        const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node-resource')].map((n) => ({
          id: n.dataset.id!,
          r: n.getBoundingClientRect(),
        }));
        return [...document.querySelectorAll<SVGGElement>('.react-flow__edge.dep')].map((g) => {
          const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path')!;
          const id = g.getAttribute('data-id') ?? g.getAttribute('data-testid') ?? '';
          const m = /dep:(.*)->(.*)$/.exec(id.replace(/^rf__edge-/, ''))!;
          const [dependent, provider] = [`res:${m[1]}`, `res:${m[2]}`];
          const ctm = path.getScreenCTM()!;
          const len = path.getTotalLength();
          const pts: { x: number; y: number }[] = [];
          for (let d = 0; d <= len; d += 2) {
            const p = path.getPointAtLength(d).matrixTransform(ctm);
            pts.push({ x: p.x, y: p.y });
          }
          const inside = (p: { x: number; y: number }, r: DOMRect) =>
            p.x > r.left + 1 && p.x < r.right - 1 && p.y > r.top + 1 && p.y < r.bottom - 1;
          const crossed = cards.filter((c) => pts.some((p) => inside(p, c.r))).map((c) => c.id);
          const dep = cards.find((c) => c.id === dependent)!.r;
          const prov = cards.find((c) => c.id === provider)!.r;
          const first = pts[0]!;
          const last = pts.at(-1)!;
          return {
            id,
            marker: path.getAttribute('marker-end'),
            markerFound: !!document.getElementById(
              path.getAttribute('marker-end')!.replace(/^url\(['"]?#?(.*?)['"]?\)$/, '$1'),
            ),
            crossed,
            startsAtDependentBottom: Math.abs(first.y - dep.bottom) < 6 && first.x > dep.left && first.x < dep.right,
            endsAtProviderTop: Math.abs(last.y - prov.top) < 6 && last.x > prov.left && last.x < prov.right,
            or: g.classList.contains('dep-or'),
            dash: getComputedStyle(path).strokeDasharray,
            label: g.querySelector('.react-flow__edge-text')?.textContent ?? '',
          };
        });
      });
      // SQL: 4 edges; File: FS Name→IP 1, →IP 2 (OR), Share→FS Name, →Disk A, Agent→Share, →IP 1 (skips two layers).
      expect(report).toHaveLength(10);
      for (const e of report) {
        expect(e.marker, e.id).toMatch(/^url\(['"]?#/);
        expect(e.markerFound, e.id).toBe(true);
        expect(e.crossed, `${e.id} runs under ${e.crossed.join(', ')}`).toEqual([]);
        expect(e.startsAtDependentBottom, e.id).toBe(true);
        expect(e.endsAtProviderTop, e.id).toBe(true);
      }
      const or = report.filter((e) => e.or);
      expect(or.map((e) => e.id).sort()).toEqual(['dep:FS Name->IP 1', 'dep:FS Name->IP 2']);
      for (const e of or) {
        expect(e.dash).not.toBe('none');
        expect(e.label).toBe('OR');
      }
      for (const e of report.filter((x) => !x.or)) {
        expect(e.dash).toBe('none');
        expect(e.label).toBe('');
      }
      await page.screenshot({ path: `/tmp/roomA-e2e-edges-${size.width}.png` });
    });

    test('after QuorumLost the stopped nodes look stopped, not crashed, and the banner says why', async ({ page }) => {
      const scenario = {
        ...sqlFci,
        until: 120_000,
        script: [
          { at: 40_000, action: 'crashNode', node: 'SQL-A' },
          { at: 40_000, action: 'crashNode', node: 'SQL-B' },
        ],
      };
      await openAt(page, size, shareHash(scenario));
      await seek(page, 41_000);
      // Crashed, not yet detected: the missed heartbeats count toward detection.
      await expect(page.getByTestId('region-SQL-A')).toHaveAttribute('data-look', 'Crashed');
      const beats = page.getByTestId('region-SQL-A').getByTestId('missed-heartbeats');
      await expect(beats).toHaveText(/missed heartbeats\s*1 of 10/);
      await expect(beats).toBeInViewport();
      await seek(page, 45_500);
      await expect(beats).toHaveText(/missed heartbeats\s*5 of 10/);
      await expect(beats.locator('.hb-missed')).toHaveCount(5);
      await expect(page.getByTestId('quorum-banner')).toContainText('3 of 3 votes held, 2 needed');
      await page.getByRole('button', { name: /Run to end/ }).click();
      await expect(page.getByTestId('region-SQL-C')).toHaveAttribute('data-look', 'QuorumStopped');
      await expect(page.getByTestId('region-SQL-C')).toContainText('stopped: quorum lost');
      await expect(page.getByTestId('region-SQL-A')).toHaveAttribute('data-look', 'Down');
      await expect(page.getByTestId('region-SQL-B')).toHaveAttribute('data-look', 'Down');
      const banner = page.getByTestId('quorum-banner');
      await expect(banner).toContainText('Quorum LOST');
      await expect(banner).toContainText('the cluster service is stopped on 1 node');
      await expect(banner).toHaveClass(/quorum-lost/);
      // Drawn differently: a crashed (Down) node and a quorum-stopped one do not share a look.
      const looks = await page.evaluate(() =>
        ['SQL-B', 'SQL-C'].map((n) => {
          const s = getComputedStyle(document.querySelector(`[data-testid="region-${n}"]`)!);
          return `${s.borderColor} ${s.borderStyle} ${s.backgroundImage}`;
        }),
      );
      expect(looks[0]).not.toBe(looks[1]);
      await page.screenshot({ path: `/tmp/roomA-e2e-quorum-${size.width}.png` });
    });
  });
}
