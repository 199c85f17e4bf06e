/** Shared steps for the Design mode end-to-end tests. */
import { expect, type Page } from '@playwright/test';

/** A fresh page with no saved session and no saved designs, in Design mode on an empty design. */
export async function openDesignFresh(page: Page) {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise((resolve) => {
      const r = indexedDB.deleteDatabase('failover-lab-designs');
      r.onsuccess = r.onerror = r.onblocked = resolve;
    });
  });
  await page.goto('about:blank');
  await page.goto('/');
  await page.getByRole('button', { name: 'Design ✎' }).click();
  await expect(page.getByRole('region', { name: 'Design canvas' })).toBeVisible();
}

/** Design mode's canvas. */
export const designCanvas = (page: Page) => page.getByRole('region', { name: 'Design canvas' });
