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
