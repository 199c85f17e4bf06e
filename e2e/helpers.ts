/** Shared steps for the app's end-to-end tests. */
import { expect, type Page } from '@playwright/test';
import LZString from 'lz-string';
import sqlFci from '../src/scenarios/sql-fci-three-nodes.json' with { type: 'json' };

export const GROUP = 'SQL Server (MSSQLSERVER)';

/** A fresh page: no saved session from an earlier test. */
export async function openFresh(page: Page, hash = '') {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  // Through about:blank: going from / to /#... would be a same-document hash change.
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await expect(page.getByRole('table', { name: 'Cluster state' })).toBeVisible();
}

export function shareHash(scenario: unknown): string {
  return `#scenario=${LZString.compressToEncodedURIComponent(JSON.stringify(scenario))}`;
}

/** The State and Owner cells of the table row named `name`. */
export function row(page: Page, name: string) {
  return page
    .getByRole('table', { name: 'Cluster state' })
    .getByRole('row')
    .filter({
      has: page.getByRole('button', { name, exact: true }),
    });
}

export async function expectRow(page: Page, name: string, state: string, owner: string) {
  const cells = row(page, name).getByRole('cell');
  await expect(cells.nth(2)).toHaveText(state);
  await expect(cells.nth(3)).toHaveText(owner);
}

export async function seek(page: Page, ms: number) {
  await page.getByRole('slider', { name: 'Timeline position' }).fill(String(ms));
}

export async function simTime(page: Page) {
  return page.getByLabel('Simulated time').textContent();
}

/** The two window sizes the canvas tests check: a projector's 1024×768 and a laptop's 1440×900. */
export const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
];

/** A fresh page (see openFresh) at `size`. */
export async function openAt(page: Page, size: { width: number; height: number }, hash = '') {
  await openFresh(page, hash);
  await page.setViewportSize(size);
}

/** The SQL group plus a group with an OR set and an edge that skips a layer (the edge-routing tests). */
export function withOrGroup() {
  const s = structuredClone(sqlFci) as Record<string, unknown> & { groups: unknown[] };
  s.groups.push({
    name: 'File',
    resources: [
      { name: 'Disk A', type: 'Physical Disk' },
      { name: 'IP 1', type: 'IP Address' },
      { name: 'IP 2', type: 'IP Address' },
      { name: 'FS Name', type: 'Network Name', dependsOn: '[IP 1] or [IP 2]' },
      { name: 'Share', type: 'File Server', dependsOn: '[FS Name] and [Disk A]' },
      { name: 'Agent', type: 'Generic Service', dependsOn: '[Share] and [IP 1]' },
    ],
  });
  return s;
}

/**
 * Wait out a canvas animation (fit, focus zoom): at least `ms`, then until the React Flow viewport's
 * transform stops changing, so that a loaded machine that runs the animation late does not flake.
 */
export async function settleCanvas(page: Page, ms: number) {
  await page.waitForTimeout(ms);
  let last: string | null = null;
  await expect
    .poll(
      async () => {
        const now = await page
          .locator('.react-flow__viewport')
          .evaluateAll((vs) => vs.map((v) => (v as HTMLElement).style.transform).join('|'));
        const still = now === last;
        last = now;
        return still;
      },
      { intervals: [200] },
    )
    .toBe(true);
}
