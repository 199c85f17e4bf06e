import { expect, test } from '@playwright/test';
import { openFresh, shareHash } from './helpers';
import sqlFci from '../src/scenarios/sql-fci-three-nodes.json' with { type: 'json' };

/** A cluster big enough that a sweep takes a while: 8 nodes, 40 groups of 5 chained resources. */
function bigCluster() {
  const nodes = Array.from({ length: 8 }, (_, i) => ({ name: `N${i + 1}` }));
  const groups = Array.from({ length: 40 }, (_, g) => {
    const names = ['Disk', 'IP', 'Name', 'Service', 'Agent'].map((k) => `G${g} ${k}`);
    return {
      name: `Group ${g}`,
      preferredOwners: [nodes[g % 8]!.name, nodes[(g + 1) % 8]!.name],
      resources: names.map((name, i) => ({ name, ...(i > 0 ? { dependsOn: [names[i - 1]] } : {}) })),
    };
  });
  return {
    format: 'failover-scenario@1',
    name: 'Forty groups',
    until: 6 * 3_600_000,
    nodes,
    groups,
    script: [{ at: 600_000, action: 'crashNode', node: 'N1' }],
  };
}

test.describe('What-if lab', () => {
  test('runs a sweep with progress, summarises it, and the worst cell opens that run in Simulate at the fault', async ({
    page,
  }) => {
    await openFresh(page);
    await page.getByRole('button', { name: 'What-if ⚡' }).click();
    await expect(page.getByRole('tab', { name: 'Sweep' })).toHaveAttribute('aria-selected', 'true');
    // The shipped example: 3 nodes, 5 resources; crash, resource failure and IsAlive hang at 60 s.
    await expect(page.getByText('13 runs: each fault alone')).toBeVisible();
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Swept 13 runs in .* on \d workers?\.$/ })).toBeVisible();
    await expect(page.getByTestId('sweep-summary')).toContainText('Worst single failure: ');
    await expect(page.getByTestId('sweep-summary')).toContainText(
      '7 of 13 runs cost downtime beyond the scenario without an added fault',
    );
    await expect(
      page.getByText(
        "Without an added fault (the scenario's own script): SQL Server (MSSQLSERVER) down 12 s from 1 min.",
      ),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Downtime by fault and group' }).getByRole('row')).toHaveCount(14);
    await page.screenshot({ path: '/tmp/whatif-1440.png' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: '/tmp/whatif-1024.png' });

    // Sorting puts the worst first; filtering narrows the rows.
    await page.getByLabel('Sort').selectOption('worst');
    const first = page.getByRole('region', { name: 'Downtime by fault and group' }).getByRole('row').nth(1);
    await expect(first.getByTestId('worst-cell')).toBeVisible();
    await page.getByLabel('Filter faults').fill('crash');
    await expect(page.getByText('3 of 13 runs', { exact: true })).toBeVisible();
    await page.getByLabel('Filter faults').fill('');

    const worst = page.getByTestId('worst-cell');
    const label = (await worst.getAttribute('aria-label'))!;
    const fault = label.slice(0, label.indexOf(' at '));
    await worst.click();
    // Simulate, standing at the fault instant with the fault applied, paused, ready to play.
    await expect(page.getByTestId('sim-time')).toHaveText('t = 1 min 0.000 s');
    await expect(page.getByRole('button', { name: /Play/ })).toBeEnabled();
    // The worst run of this example is the crash of SQL-B at the instant the script crashes SQL-A:
    // both nodes lost, quorum gone. The log shows the fault applied at 60 s, after the script's own crash.
    expect(fault).toBe('crash of SQL-B');
    const log = page.getByRole('list', { name: 'Trace events' });
    await expect(log.getByRole('listitem').filter({ hasText: 'node "SQL-B" crashes' })).toHaveCount(1);
    await expect(log.getByRole('listitem').filter({ hasText: 'node "SQL-A" crashes' })).toHaveCount(1);
    await page.screenshot({ path: '/tmp/whatif-opened.png' });
    await page.getByRole('button', { name: /Run to end/ }).click();
    await expect(log.getByRole('listitem').filter({ hasText: 'QuorumLost' }).first()).toBeVisible();
  });

  test('a long sweep shows progress and time left, and Cancel stops it', async ({ page }) => {
    await openFresh(page, shareHash(bigCluster()));
    await page.getByRole('button', { name: 'What-if ⚡' }).click();
    // Long enough to cancel mid-way now that runs fork from an engine snapshot: 12 instants.
    const instants = Array.from({ length: 12 }, (_, i) => (i + 1) * 1800).join(',');
    await page.getByLabel('Inject at (seconds, comma-separated)').fill(instants);
    await expect(page.getByText('4896 runs: each fault alone')).toBeVisible();
    await page.getByRole('button', { name: 'Run sweep' }).click();
    const progress = page.getByRole('progressbar', { name: 'Sweep progress' });
    await expect(progress).toBeVisible();
    await expect(page.getByTestId('Sweep-progress')).toContainText(/[1-9]\d* \/ 4896 runs · about .* left/, {
      timeout: 30_000,
    });
    await page.screenshot({ path: '/tmp/whatif-progress.png' });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(progress).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Cancelled after' })).toContainText('of 4896 runs');
    await expect(page.getByTestId('sweep-summary')).toHaveCount(0);
    // The lab is usable again at once.
    await expect(page.getByRole('button', { name: 'Run sweep' })).toBeEnabled();
  });

  test('the availability estimate shows progress and can be cancelled, then runs to a table', async ({ page }) => {
    await openFresh(page, shareHash(bigCluster()));
    await page.getByRole('button', { name: 'What-if ⚡' }).click();
    await page.getByRole('tab', { name: 'Availability' }).click();
    await page.getByLabel('Years').fill('400');
    await page.getByRole('button', { name: 'Estimate availability' }).click();
    await expect(page.getByRole('progressbar', { name: 'Availability progress' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Cancelled after' })).toContainText('of 400 years');
    await page.getByLabel('Years').fill('4');
    await page.getByRole('button', { name: 'Estimate availability' }).click();
    const table = page.getByRole('table', { name: /4 simulated years, seed 1/ });
    await expect(table).toBeVisible({ timeout: 30_000 });
    await expect(table.getByRole('row')).toHaveCount(41);
  });

  test('A/B: a variant file compared, one run played side by side on two canvases with one clock', async ({ page }) => {
    await openFresh(page);
    await page.getByRole('button', { name: 'What-if ⚡' }).click();
    await page.getByRole('tab', { name: 'Compare A/B' }).click();
    // B: the shipped example with a SQL Server that starts in 2 s instead of 8 s.
    const b = JSON.parse(JSON.stringify(sqlFci)) as typeof sqlFci;
    b.groups[0]!.resources[3]!.behavior.onlineMs = 2000;
    await page.getByLabel('Scenario B file').setInputFiles({
      name: 'fast-sql.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(b)),
    });
    await page.getByRole('button', { name: 'Compare A and B' }).click();
    await expect(page.getByTestId('ab-verdict')).toHaveText(/^B is better for \d+ faults, worse for 0/);
    await page.getByRole('button', { name: 'Play side by side' }).first().click();
    const player = page.getByRole('region', { name: 'A and B side by side' });
    await expect(player.locator('.react-flow')).toHaveCount(2);
    await expect(page.getByTestId('sim-time')).toHaveText('t = 1 min 0.000 s');
    await page.screenshot({ path: '/tmp/whatif-ab-player.png' });
    // One clock: running A to the end moves B there too.
    await player.getByRole('button', { name: /Run to end/ }).click();
    await expect(page.getByTestId('sim-time')).toHaveText('t = 10 min 0.000 s');
    const a = page.getByRole('list', { name: 'A group states' });
    const bList = page.getByRole('list', { name: 'B group states' });
    await expect(a).toContainText('SQL Server (MSSQLSERVER): Online');
    await expect(bList).toContainText('SQL Server (MSSQLSERVER): Online');
    // Back to 78 s (SQL-A's crash was detected at 70 s): A's group is still starting (12 s), B's is up (6 s).
    await page.getByRole('slider', { name: 'Timeline position' }).fill('78000');
    await expect(a).toContainText('SQL Server (MSSQLSERVER): Pending');
    await expect(bList).toContainText('SQL Server (MSSQLSERVER): Online');
    await player.screenshot({ path: '/tmp/whatif-ab-player-75.png' });
  });
});
