/** The what-if lab sweeps network faults of a two-site design (issue 12 point 5). */
import { expect, test } from '@playwright/test';
import { openFresh, shareHash } from './helpers';
import { twoSites } from '../src/sweep/fixtures.testutil';

test.describe('What-if lab, network faults', () => {
  test('a designer sweeps every network failure and every isolated node of a two-site design', async ({ page }) => {
    await openFresh(page, shareHash(twoSites()));
    await page.getByRole('button', { name: 'What-if ⚡' }).click();
    // 4 crashes, 5 resource failures, 5 hangs by default.
    await expect(page.getByText('14 runs: each fault alone')).toBeVisible();
    for (const name of ['Network failure', 'Node cut off by a partition', 'Interface failure'])
      await page.getByRole('checkbox', { name }).check();
    // + 3 networks, 4 isolated nodes, 8 interfaces.
    await expect(page.getByText('29 runs: each fault alone')).toBeVisible();
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Swept 29 runs in / })).toBeVisible();
    const matrix = page.getByRole('region', { name: 'Downtime by fault and group' });
    await expect(matrix.getByRole('row')).toHaveCount(30);
    await expect(matrix.getByRole('rowheader', { name: /^failure of network HB/ })).toBeVisible();
    await expect(matrix.getByRole('rowheader', { name: /^N1 cut off by a partition/ })).toBeVisible();
    await page.getByLabel('Filter faults').fill('network');
    // Losing Seattle's subnet is the worst single failure: SQL ends Failed (its failover budget spent
    // inside Seattle, same site first); the heartbeat network splits the sites and App moves.
    await expect(page.getByTestId('sweep-summary')).toContainText('Worst single failure: failure of network SEA-LAN');
    await page.screenshot({ path: '/tmp/whatif-net-1440.png', fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: '/tmp/whatif-net-1024.png' });
    // A cell opens its run in Simulate at the fault, the network fault applied.
    await page.getByRole('button', { name: /^failure of network HB at 1 min: App down 1 s/ }).click();
    await expect(page.getByTestId('sim-time')).toHaveText('t = 1 min 0.000 s');
    const log = page.getByRole('list', { name: 'Trace events' });
    await expect(log.getByRole('listitem').filter({ hasText: 'network "HB" fails' })).toHaveCount(1);
    await page.getByRole('button', { name: /Run to end/ }).click();
    await expect(log.getByRole('listitem').filter({ hasText: 'regroup' }).first()).toBeVisible();
  });

  test('without networks the network families are offered disabled, with the reason', async ({ page }) => {
    await openFresh(page);
    await page.getByRole('button', { name: 'What-if ⚡' }).click();
    const box = page.getByRole('checkbox', { name: /Network failure/ });
    await expect(box).toBeDisabled();
    await expect(page.locator('label', { has: box })).toContainText('(needs networks)');
    await expect(page.getByRole('checkbox', { name: 'Graceful stop' })).toBeEnabled();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: '/tmp/whatif-plain-families-1024.png' });
  });
});
