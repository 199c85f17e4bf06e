/**
 * The network drawing on the Simulate canvas (issue 12 point 2, the lead's review): sites as
 * regions around their cards, the witness in view, side labels that never overlap, a cut that
 * separates the sides' cards, routes listed beside the diagram, network rows that collapse.
 * Screenshots of every case go to /tmp/netcanvas-*.png.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openFresh, seek, settleCanvas } from './helpers';

const THREE = 'Networks: three nodes, two networks';
const SITES = 'Networks: two sites, four nodes, a cloud witness';
const SIZES = [
  [1024, 768],
  [1440, 900],
] as const;

type Box = { x: number; y: number; width: number; height: number };

async function loadBuiltin(page: Page, title: string) {
  await page.getByRole('combobox', { name: 'Built-in scenario' }).selectOption({ label: title });
  await expect(page.getByTestId('scenario-name')).toHaveText(title);
}

async function split(page: Page, sides: string[][], witnessSides?: number[]) {
  await page.getByRole('button', { name: 'Split cluster…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Split the cluster' });
  for (const [i, side] of sides.entries())
    for (const n of side) await dialog.getByRole('radio', { name: `${n} on side ${'AB'[i]}` }).check();
  if (witnessSides)
    for (const i of [0, 1])
      await dialog
        .getByRole('checkbox', { name: `Side ${'AB'[i]} reaches the witness` })
        .setChecked(witnessSides.includes(i));
  await dialog.getByRole('button', { name: 'Split' }).click();
  await expect(dialog).toBeHidden();
}

const box = async (l: Locator): Promise<Box> => {
  const b = await l.boundingBox();
  if (!b) throw new Error('no box');
  return b;
};
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
const inside = (outer: Box, i: Box, slack = 1) =>
  i.x >= outer.x - slack &&
  i.y >= outer.y - slack &&
  i.x + i.width <= outer.x + outer.width + slack &&
  i.y + i.height <= outer.y + outer.height + slack;

/** Let the cards finish gliding to their side (0.6 s) and the fit finish animating. */
const settle = (page: Page) => settleCanvas(page, 700);

async function fit(page: Page) {
  await page.getByRole('button', { name: 'Fit View' }).click();
  await settle(page);
}

async function presentation(page: Page, on: boolean) {
  await page.getByRole('button', { name: on ? 'Presentation' : 'Leave presentation' }).click();
  await settle(page);
}

/** Side labels: readable, apart from each other and from every card's head; the cut between the sides' cards. */
async function checkSides(page: Page, sides: string[][], minPx: number) {
  const labels = page.locator('.side-label');
  await expect(labels).toHaveCount(sides.length);
  const pane = await box(page.locator('.canvas-flow'));
  const boxes: Box[] = [];
  for (let i = 0; i < sides.length; i++) {
    const l = page.getByTestId(`side-label-${i}`);
    const b = await box(l);
    boxes.push(b);
    const px = await l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(px).toBeGreaterThanOrEqual(minPx);
    expect(inside(pane, b), `side label ${i} inside the canvas`).toBe(true);
  }
  for (let i = 1; i < boxes.length; i++) expect(overlap(boxes[i - 1]!, boxes[i]!)).toBe(false);
  for (const head of await page.locator('.region-head').all()) {
    const h = await box(head);
    for (const b of boxes) expect(overlap(b, h), 'a side label covers a card head').toBe(false);
  }
  // The cut: every card of a side lies on its side of the line.
  const cuts = page.getByTestId('cut-line');
  await expect(cuts).toHaveCount(sides.length - 1);
  for (let c = 0; c < sides.length - 1; c++) {
    const x = (await box(cuts.nth(c))).x + (await box(cuts.nth(c))).width / 2;
    for (const n of sides[c]!) {
      const r = await box(page.getByTestId(`region-${n}`));
      expect(r.x + r.width, `${n} left of the cut`).toBeLessThan(x);
    }
    for (const n of sides[c + 1]!)
      expect((await box(page.getByTestId(`region-${n}`))).x, `${n} right of the cut`).toBeGreaterThan(x);
  }
}

async function checkSitesAndWitness(page: Page) {
  const pane = await box(page.locator('.canvas-flow'));
  for (const site of ['SEA', 'NYC']) {
    const region = page.getByTestId(`site-${site}`);
    const r = await box(region);
    for (const n of [`${site}1`, `${site}2`])
      expect(inside(r, await box(page.getByTestId(`region-${n}`))), `${n} in site ${site}`).toBe(true);
  }
  const w = await box(page.getByTestId('witness-box'));
  expect(inside(pane, w), 'the witness inside the canvas').toBe(true);
  for (const site of ['SEA', 'NYC']) expect(overlap(w, await box(page.getByTestId(`site-${site}`)))).toBe(false);
}

/**
 * At each size, after Fit View, plain and in presentation: the labels and the cut checked, a
 * screenshot of each. At 1024×768 the plain canvas first gets its height back the way a trainer
 * would: the network rows collapsed and the log and table hidden.
 */
async function everySize(page: Page, name: string, sides: string[][], more?: () => Promise<void>) {
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await settle(page);
    const small = w < 1440;
    if (small) await setRows(page, false);
    if (small) await page.getByRole('button', { name: 'Hide event log and table' }).click();
    await fit(page);
    await page.screenshot({ path: `/tmp/netcanvas-${name}-${w}.png` });
    await checkSides(page, sides, 12);
    await more?.();
    await presentation(page, true);
    await fit(page);
    await page.screenshot({ path: `/tmp/netcanvas-${name}-${w}-presentation.png` });
    await checkSides(page, sides, 14);
    await more?.();
    await presentation(page, false);
    if (small) await page.getByRole('button', { name: 'Show event log and table' }).click();
    if (small) await setRows(page, true);
  }
}

async function setRows(page: Page, open: boolean) {
  const toggle = page.getByRole('button', { name: /Networks/ });
  if ((await toggle.getAttribute('aria-expanded')) !== String(open)) await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', String(open));
}

test('three nodes split N1+N3 against N2: the cards regroup by side, one cut, labels apart', async ({ page }) => {
  await openFresh(page);
  await loadBuiltin(page, THREE);
  await seek(page, 30_000);
  await split(page, [['N1', 'N3'], ['N2']]);
  await seek(page, 120_000);
  await everySize(page, 'three-13v2', [['N1', 'N3'], ['N2']]);
});

test('two sites split 2–2 by site and 2–2 across the sites: regions hold their cards, the witness in view', async ({
  page,
}) => {
  await openFresh(page);
  await loadBuiltin(page, SITES);
  await seek(page, 30_000);
  // Before any split: each site a region around its two cards, the witness outside both.
  await page.setViewportSize({ width: 1440, height: 900 });
  await fit(page);
  await page.screenshot({ path: '/tmp/netcanvas-sites-plain-1440.png' });
  await checkSitesAndWitness(page);

  await split(
    page,
    [
      ['SEA1', 'SEA2'],
      ['NYC1', 'NYC2'],
    ],
    [1],
  );
  await seek(page, 150_000);
  // The regroup's decision on the canvas, at the line: which side keeps the cluster.
  await expect(page.getByTestId('side-label-1')).toHaveText('Side B: 2 votes, reaches the witness · keeps the cluster');
  await expect(page.getByTestId('side-label-0')).toHaveText('Side A: 0 votes, no witness · removed, waits to rejoin');
  await everySize(
    page,
    'sites-22',
    [
      ['SEA1', 'SEA2'],
      ['NYC1', 'NYC2'],
    ],
    () => checkSitesAndWitness(page),
  );

  // Across the sites: each side keeps its site order; a site cut in two is drawn as two regions.
  await split(
    page,
    [
      ['SEA1', 'NYC1'],
      ['SEA2', 'NYC2'],
    ],
    [0],
  );
  await seek(page, 250_000);
  await settle(page);
  await expect(page.locator('[data-testid="site-SEA"]')).toHaveCount(2);
  // SEA1 was waiting to rejoin during that regroup: the side holding its survivor (NYC1) keeps the cluster.
  await expect(page.getByTestId('side-label-0')).toHaveText('Side A: 2 votes, reaches the witness · keeps the cluster');
  await expect(page.getByTestId('side-label-1')).toHaveText('Side B: 0 votes, no witness · removed, waits to rejoin');
  await everySize(page, 'sites-cross', [
    ['SEA1', 'NYC1'],
    ['SEA2', 'NYC2'],
  ]);
});

test('routes: listed beside the diagram, inside the canvas, apart, each a focusable row named with its state', async ({
  page,
}) => {
  await openFresh(page);
  await loadBuiltin(page, SITES);
  await seek(page, 30_000);
  await split(
    page,
    [
      ['SEA1', 'SEA2'],
      ['NYC1', 'NYC2'],
    ],
    [1],
  );
  await seek(page, 40_000);
  await page.getByRole('button', { name: 'Routes' }).click();
  // Heartbeats lost, not yet declared down: when it will be, and a countdown.
  const lost = page.getByTestId('route-SEA1-NYC1');
  await expect(lost).toContainText(/SEA1–NYC1 lost: down in \d/);
  await expect(lost).toHaveAccessibleName(
    /^SEA1–NYC1: heartbeats lost: declared down at t=0:50\.000 \(in .+\) \(cross-site route\)$/,
  );
  await seek(page, 150_000);
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await settle(page);
    // At 1024×768 the canvas first gets its height back (as in everySize).
    if (w < 1440) await setRows(page, false);
    if (w < 1440) await page.getByRole('button', { name: 'Hide event log and table' }).click();
    for (const on of [false, true]) {
      if (on) await presentation(page, true);
      await fit(page);
      await page.screenshot({ path: `/tmp/netcanvas-routes-${w}${on ? '-presentation' : ''}.png` });
      const canvas = await box(page.getByRole('region', { name: 'Cluster diagram' }));
      const flow = await box(page.locator('.canvas-flow'));
      const rows = await page.getByRole('complementary', { name: 'Heartbeat routes' }).getByRole('listitem').all();
      expect(rows).toHaveLength(6);
      const boxes: Box[] = [];
      for (const r of rows) {
        const b = await box(r);
        expect(inside(canvas, b), 'a route row inside the canvas').toBe(true);
        // Beside the diagram, never over it.
        expect(b.x).toBeGreaterThanOrEqual(flow.x + flow.width - 1);
        for (const o of boxes) expect(overlap(o, b)).toBe(false);
        boxes.push(b);
      }
      // The lanes between the cards: one per pair, inside the fitted view, under every card.
      const lanes = await page.locator('.route-lane').all();
      expect(lanes).toHaveLength(6);
      const cardsBottom = Math.max(
        ...(await Promise.all(['SEA1', 'NYC2'].map(async (n) => box(page.getByTestId(`region-${n}`))))).map(
          (r) => r.y + r.height,
        ),
      );
      for (const l of lanes) {
        const b = await box(l);
        expect(inside(flow, b), 'a route lane inside the canvas').toBe(true);
        expect(b.y + b.height).toBeGreaterThan(cardsBottom);
      }
      expect(inside(flow, await box(page.getByTestId('witness-box'))), 'the witness under the lanes, in view').toBe(
        true,
      );
      if (on) await presentation(page, false);
    }
    if (w < 1440) await page.getByRole('button', { name: 'Show event log and table' }).click();
    if (w < 1440) await setRows(page, true);
  }
  // Keyboard: Tab reaches the first row, arrows move between rows; each is named with its state and when.
  const first = page.getByTestId('route-SEA1-SEA2');
  await first.focus();
  await expect(first).toBeFocused();
  await expect(first).toHaveAccessibleName('SEA1–SEA2: connected (same subnet route)');
  await page.keyboard.press('ArrowDown');
  const down = page.getByTestId('route-SEA1-NYC1');
  await expect(down).toBeFocused();
  await expect(down).toHaveAccessibleName(/^SEA1–NYC1: declared down at t=0:\d\d\.\d{3} \(cross-site route\)$/);
  // The focused pair's lane and cards are outlined.
  await expect(page.getByTestId('lane-SEA1-NYC1')).toHaveClass(/lane-hot/);
  await expect(page.getByTestId('lane-SEA1-NYC1')).toHaveClass(/lane-down/);
  await expect(page.getByTestId('region-NYC1')).toHaveCSS('outline-style', 'solid');
  await expect(page.getByTestId('region-NYC2')).not.toHaveCSS('outline-style', 'solid');
});

test('the network rows collapse into the network actions, the canvas grows, and the choice is remembered', async ({
  page,
}) => {
  await openFresh(page);
  await loadBuiltin(page, THREE);
  await page.setViewportSize({ width: 1024, height: 768 });
  await seek(page, 30_000);
  await split(page, [['N1', 'N2'], ['N3']]);
  await seek(page, 120_000);
  const flow = page.locator('.canvas-flow');
  const open = await box(flow);
  await setRows(page, false);
  await expect(page.getByTestId('net-Public')).toHaveCount(0);
  const shut = await box(flow);
  expect(shut.height).toBeGreaterThan(open.height + 20);
  // The decision stays on one line; "Why?" shows all of it, wrapped, over the canvas top.
  await page.getByRole('group', { name: 'Network actions' }).getByRole('button', { name: 'Why?' }).click();
  const details = page.getByRole('region', { name: 'Partition and regroup' });
  await expect(details).toContainText('N1, N2 keep the cluster; removed: N3.');
  await expect(details).toContainText('hold more than half of the votes');
  const d = await box(details);
  const scroll = await details.evaluate((e) => [e.scrollWidth, e.clientWidth]);
  expect(scroll[0]).toBeLessThanOrEqual(scroll[1]!);
  expect(d.y).toBeGreaterThanOrEqual(shut.y - 40);
  await page.screenshot({ path: '/tmp/netcanvas-why-1024.png' });
  expect((await box(flow)).height).toBe(shut.height);
  // Keyboard: Escape inside the details closes them.
  await details.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await page.reload();
  await expect(page.getByRole('button', { name: /Networks/ })).toHaveAttribute('aria-expanded', 'false');
  await setRows(page, true);
  await expect(page.getByTestId('net-Public')).toBeVisible();
});
