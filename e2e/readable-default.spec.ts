/**
 * Simulate's first view on a projector (issue 11): without any zooming by hand, the names and
 * states on the canvas render at 12 px or more, at 1024×768 and 1440×900 (the window has its size
 * before the app starts, as a projector's does).
 */
import { expect, test } from '@playwright/test';
import { settleCanvas } from './helpers';

for (const size of [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`at ${size.width}×${size.height} the default view is readable`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.goto('about:blank');
    await page.goto('/');
    await expect(page.getByRole('table', { name: 'Cluster state' })).toBeVisible();
    await settleCanvas(page, 600); // the first fit
    const cardText = page.locator('.react-flow__node-resource .entity-name');
    await expect(cardText.first()).toBeVisible();
    const sizes = await page.evaluate(() => {
      const vp = document.querySelector<HTMLElement>('.react-flow__viewport')!;
      const zoom = new DOMMatrix(getComputedStyle(vp).transform).a;
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.react-flow__node-resource .entity-name')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > pane.top && r.top < pane.bottom && r.right > pane.left && r.left < pane.right;
        })
        .map((el) => ({ name: el.textContent, px: parseFloat(getComputedStyle(el).fontSize) * zoom }));
    });
    expect(sizes.length).toBeGreaterThan(0);
    for (const s of sizes) expect(s.px, s.name ?? '').toBeGreaterThanOrEqual(12);
    // The group's head is on screen: the room sees which group it is looking at.
    await expect(page.locator('.react-flow__node-group-box .group-head').first()).toBeInViewport();
    await page.screenshot({ path: `/tmp/readable-default-${size.width}.png` });
  });
}
