/**
 * Network mode on the canvas (issue 12 point 2): split a three-node cluster 2–1 from a node's menu
 * and watch the minority stop and its group fail over; a 2–2 split where one side reaches the
 * witness; cut a network and stop a node gracefully from the menus. Screenshots go to /tmp.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectRow, openFresh, row, seek } from './helpers';

async function loadBuiltin(page: Page, title: string) {
  await page.getByRole('combobox', { name: 'Built-in scenario' }).selectOption({ label: title });
  await expect(page.getByTestId('scenario-name')).toHaveText(title);
}

const region = (page: Page, node: string) => page.getByTestId(`region-${node}`);

/** Screenshots at both sizes, the diagram fitted, plain and in presentation mode (read by eye, not asserted). */
async function shots(page: Page, name: string) {
  for (const [w, h] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.getByRole('button', { name: 'Fit View' }).click();
    await page.screenshot({ path: `/tmp/netui-${name}-${w}.png` });
    await page.getByRole('button', { name: 'Presentation' }).click();
    await page.getByRole('button', { name: 'Fit View' }).click();
    await page.screenshot({ path: `/tmp/netui-${name}-${w}-presentation.png` });
    await page.getByRole('button', { name: 'Leave presentation' }).click();
  }
}

async function openNodeMenu(page: Page, node: string) {
  await region(page, node).locator('.region-head').click({ button: 'right' });
  return page.getByRole('menu', { name: `Actions for node ${node}` });
}

test('split three nodes 2–1 from the canvas: the minority stops and its group fails over', async ({ page }) => {
  await openFresh(page);
  await loadBuiltin(page, 'Networks: three nodes, two networks');
  await seek(page, 30_000);
  await expectRow(page, 'FS', 'Online', 'N3');
  // Each node shows its interfaces, state in words.
  await expect(page.getByTestId('if-N1-Heartbeat')).toHaveText('Heartbeat: Up');
  await expect(page.getByTestId('net-Public')).toContainText('cluster and client');

  const menu = await openNodeMenu(page, 'N3');
  await menu.getByRole('menuitem', { name: 'Split the cluster…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Split the cluster' });
  await expect(dialog).toBeVisible();
  // The node the menu was opened on starts alone on side B; keyboard: Tab reaches Split.
  await expect(dialog.getByRole('radio', { name: 'N3 on side B' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'N1 on side A' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Split' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('net-sides')).toContainText('Side A (N1, N2): 2 votes, no witness');
  await expect(page.getByTestId('net-sides')).toContainText('Side B (N3): 1 vote, no witness');
  await expect(region(page, 'N3')).toContainText('Side B');

  await seek(page, 120_000);
  await expect(page.getByTestId('net-regroup')).toContainText('N1, N2 keep the cluster; removed: N3');
  await expect(page.getByTestId('service-N3')).toHaveText('service waiting to rejoin');
  await expect(page.getByTestId('if-N3-Public')).toHaveText('Public: Unavailable');
  const fs = page.getByRole('table', { name: 'Cluster state' });
  await expect(fs).toBeVisible();
  await expectRow(page, 'FS', 'Online', 'N2');
  // The regroup reads well in the log.
  await expect(page.getByRole('region', { name: 'Event log' })).toContainText(
    'regroup: N1, N2 keep the cluster; removed N3 (no witness vote)',
  );

  // Routes on request: N1–N3 is declared down, N1–N2 connected.
  await page.getByRole('button', { name: 'Routes' }).click();
  await expect(page.getByTestId('route-N1-N2')).toContainText('connected');

  await shots(page, 'split21');

  // Heal: the minority rejoins by itself.
  await page.getByRole('group', { name: 'Network actions' }).getByRole('button', { name: 'Heal partition' }).click();
  await seek(page, 200_000);
  await expect(page.getByTestId('service-N3')).toHaveCount(0);
  await expect(page.getByTestId('net-sides')).toHaveCount(0);
});

test('a 2–2 split with a witness: the side that reaches it keeps the cluster', async ({ page }) => {
  await openFresh(page);
  await loadBuiltin(page, 'Networks: two sites, four nodes, a cloud witness');
  await seek(page, 30_000);
  await expectRow(page, 'SQL', 'Online', 'SEA1');
  await expect(page.getByTestId('witness-box')).toContainText('reached by SEA1, SEA2, NYC1, NYC2');

  await page.getByRole('button', { name: 'Split cluster…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Split the cluster' });
  for (const n of ['SEA1', 'SEA2']) await dialog.getByRole('radio', { name: `${n} on side A` }).check();
  for (const n of ['NYC1', 'NYC2']) await dialog.getByRole('radio', { name: `${n} on side B` }).check();
  await dialog.getByRole('checkbox', { name: 'Side A reaches the witness' }).uncheck();
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: '/tmp/netui-dialog-1024.png' });
  await dialog.getByRole('button', { name: 'Split' }).click();

  await expect(page.getByTestId('net-sides')).toContainText('Side A (SEA1, SEA2): 2 votes, no witness');
  await expect(page.getByTestId('net-sides')).toContainText('reaches the witness');
  await seek(page, 150_000);
  await expect(page.getByTestId('net-regroup')).toContainText('NYC1, NYC2 keep the cluster; removed: SEA1, SEA2');
  await expect(page.getByTestId('quorum-banner')).not.toContainText('LOST');
  await expect(page.getByRole('region', { name: 'Event log' })).toContainText(
    'regroup: NYC1, NYC2 keep the cluster; removed SEA1, SEA2 (the witness voted with them)',
  );
  await expectRow(page, 'SQL', 'Online', 'NYC1');
  for (const n of ['SEA1', 'SEA2'])
    await expect(page.getByTestId(`service-${n}`)).toHaveText('service waiting to rejoin');

  await page.getByRole('button', { name: 'Routes' }).click();
  await shots(page, 'split22');
});

test('cut a network, fail an interface, stop a node gracefully; refusals carry the reason', async ({ page }) => {
  await openFresh(page);
  await loadBuiltin(page, 'Networks: three nodes, two networks');
  await seek(page, 30_000);
  // Nothing to heal yet: refused with the engine's reason.
  await expect(
    page.getByRole('group', { name: 'Network actions' }).getByRole('button', { name: 'Heal partition' }),
  ).toHaveAttribute('title', 'there is no partition to heal');
  await page.getByTestId('net-Heartbeat').getByRole('button', { name: 'Cut network Heartbeat' }).click();
  await expect(page.getByTestId('net-Heartbeat')).toContainText('(cut)');
  await expect(
    page.getByTestId('net-Heartbeat').getByRole('button', { name: 'Restore network Heartbeat' }),
  ).toBeEnabled();

  let menu = await openNodeMenu(page, 'N1');
  await menu.getByRole('menuitem', { name: 'Fail interface on Public' }).click();
  menu = await openNodeMenu(page, 'N1');
  await expect(menu.getByRole('menuitem', { name: 'Fail interface on Public' })).toHaveAttribute(
    'title',
    'the interface of node "N1" on network "Public" has already failed',
  );
  await page.keyboard.press('Escape');

  // N3 owns FS: it stays "stopping" while FS goes offline, then leaves (Down, FS on another node).
  menu = await openNodeMenu(page, 'N3');
  await menu.getByRole('menuitem', { name: 'Stop node (graceful)' }).click();
  await expect(page.getByTestId('service-N3')).toHaveText('stopping (graceful)');
  await expect(region(page, 'N3')).toHaveAttribute('data-look', 'Up');
  await seek(page, 32_000);
  await expect(page.getByTestId('service-N3')).toHaveCount(0);
  await expect(region(page, 'N3')).toHaveAttribute('data-look', 'Down');
  await expect(row(page, 'FS').getByRole('cell').nth(3)).not.toHaveText('N3');
});
