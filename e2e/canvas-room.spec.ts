/**
 * The canvas gets room on a 1024×768 projector (issue 13): it re-fits when a partition rearranges
 * the cards, it keeps a floor of the window's height in Simulate and in a lesson, and a lesson in
 * presentation mode shows every side. The window has its size before the app starts, as a
 * projector's does. Screenshots go to /tmp/canvas-room-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { seek, settleCanvas } from './helpers';

const THREE = 'Networks: three nodes, two networks';
const PROJECTOR = { width: 1024, height: 768 };

/** A fresh page (nothing remembered) whose window already has `size` when the app starts. */
async function openSized(page: Page, size: { width: number; height: number }, hash = '') {
  await page.setViewportSize(size);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await expect(page.getByRole('table', { name: 'Cluster state' })).toBeVisible();
}

async function loadBuiltin(page: Page, title: string) {
  await page.getByRole('combobox', { name: 'Built-in scenario' }).selectOption({ label: title });
  await expect(page.getByTestId('scenario-name')).toHaveText(title);
}

async function split(page: Page, sides: string[][]) {
  await page.getByRole('button', { name: 'Split cluster…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Split the cluster' });
  for (const [i, side] of sides.entries())
    for (const n of side) await dialog.getByRole('radio', { name: `${n} on side ${'AB'[i]}` }).check();
  await dialog.getByRole('button', { name: 'Split' }).click();
  await expect(dialog).toBeHidden();
}

/** The node cards (regions) that are not wholly inside the canvas pane, by name. */
async function cardsOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('.canvas-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node-region')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < pane.left - 1 || r.top < pane.top - 1 || r.right > pane.right + 1 || r.bottom > pane.bottom + 1;
      })
      .map((el) => el.dataset.id ?? '?');
  });
}

test('splitting N1+N3 | N2 at 1024×768 re-fits the canvas: every node card in view', async ({ page }) => {
  await openSized(page, PROJECTOR);
  await loadBuiltin(page, THREE);
  await seek(page, 30_000);
  await settleCanvas(page, 600);
  await split(page, [['N1', 'N3'], ['N2']]);
  await settleCanvas(page, 900); // the cards glide to their side (0.6 s), then the fit animates
  await expect(page.locator('.react-flow__node-region')).toHaveCount(3);
  expect(await cardsOutside(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/canvas-room-split-1024.png' });
});

test('a view zoomed by hand is kept when the partition rearranges the cards', async ({ page }) => {
  await openSized(page, PROJECTOR);
  await loadBuiltin(page, THREE);
  await seek(page, 30_000);
  await settleCanvas(page, 600);
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await settleCanvas(page, 400);
  const before = await page
    .locator('.react-flow__viewport')
    .evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a);
  await split(page, [['N1', 'N3'], ['N2']]);
  await settleCanvas(page, 900);
  const after = await page
    .locator('.react-flow__viewport')
    .evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a);
  expect(after).toBeCloseTo(before, 3);
});

/** The canvas band: the React Flow pane, below the toolbar, the quorum banner and the network rows. */
const canvasHeight = (page: Page) =>
  page.locator('.canvas-flow').evaluate((el) => Math.round(el.getBoundingClientRect().height));

test('lesson L13 opened fresh at 1024×768: the canvas band keeps 300 px or more, the log and table shrunk, not hidden', async ({
  page,
}) => {
  await openSized(page, PROJECTOR, '#lesson=L13');
  await expect(page.getByRole('region', { name: 'Lesson' })).toBeVisible();
  await settleCanvas(page, 600);
  const h = await canvasHeight(page);
  console.log(`canvas band, L13 at 1024×768: ${h} px`);
  await page.screenshot({ path: '/tmp/canvas-room-L13-1024.png' });
  expect(h).toBeGreaterThanOrEqual(300);
  await expect(page.getByRole('table', { name: 'Cluster state' })).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Event log' })).toBeInViewport();
});

test('Simulate with the three-node network at 1024×768: the canvas band keeps 300 px or more', async ({ page }) => {
  await openSized(page, PROJECTOR);
  await loadBuiltin(page, THREE);
  await settleCanvas(page, 600);
  const h = await canvasHeight(page);
  console.log(`canvas band, three nodes at 1024×768: ${h} px`);
  await page.screenshot({ path: '/tmp/canvas-room-three-1024.png' });
  expect(h).toBeGreaterThanOrEqual(300);
  await expect(page.getByRole('table', { name: 'Cluster state' })).toBeInViewport();
});

test('a tall window (1440×900) keeps the usual band sizes', async ({ page }) => {
  await openSized(page, { width: 1440, height: 900 }, '#lesson=L13');
  await expect(page.getByRole('region', { name: 'Lesson' })).toBeVisible();
  console.log(`canvas band, L13 at 1440×900: ${await canvasHeight(page)} px`);
  await expect(page.locator('.bottom-band')).toHaveCSS('height', '240px');
});

test('lesson L13 at 1024×768 after the split: every node card in view, also in presentation mode', async ({ page }) => {
  await openSized(page, PROJECTOR, '#lesson=L13');
  const cont = page.getByRole('button', { name: 'Continue', exact: true });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await cont.click(); // 2 / 8: the witness fails
  await expect(lesson).toContainText('2 / 8');
  await expect(cont).toBeEnabled();
  await cont.click(); // 3 / 8: the link is cut at 60 s, a question
  await expect(lesson).toContainText('3 / 8');
  await expect(page.getByRole('group', { name: 'Choices' })).toBeVisible();
  await expect(page.locator('.side-label')).toHaveCount(2);
  await settleCanvas(page, 900);
  await expect(page.locator('.react-flow__node-region')).toHaveCount(4);
  expect(await cardsOutside(page)).toEqual([]);
  console.log(`canvas band, L13 question at 1024×768: ${await canvasHeight(page)} px`);
  await page.screenshot({ path: '/tmp/canvas-room-L13-split-1024.png' });
  await page.getByRole('button', { name: 'Presentation' }).click();
  await settleCanvas(page, 900);
  expect(await cardsOutside(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/canvas-room-L13-split-pres-1024.png' });
});
