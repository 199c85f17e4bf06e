import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { designCanvas, openDesignFresh } from './designHelpers';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Design inspector' });
const section = (page: Page) => inspector(page).getByRole('region', { name: 'Networks and sites' });
const matrix = (page: Page) =>
  section(page).getByRole('table', { name: 'Which node is on which network, and its site' });

async function setSite(page: Page, node: string, site: string) {
  const input = matrix(page).getByLabel(`Site of ${node}`);
  await input.fill(site);
  await input.press('Enter');
  await expect(input).toHaveValue(site);
}

test('Design mode: add networks, give nodes interfaces and sites, see the lint warnings, export PowerShell', async ({
  page,
}) => {
  await openDesignFresh(page);
  await page.getByRole('button', { name: 'New design' }).click();
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Add node' }).click();
  await designCanvas(page)
    .locator('.react-flow__pane')
    .click({ position: { x: 5, y: 300 } });
  await expect(inspector(page).getByRole('heading', { name: 'Scenario' })).toBeVisible();

  // Level 2016 (sites need it), then two networks; rename one by keyboard; the other heartbeat-only.
  await section(page).getByLabel('Cluster functional level').selectOption('2016');
  await section(page).getByRole('button', { name: 'Add network' }).click();
  await section(page).getByRole('button', { name: 'Add network' }).click();
  const first = section(page).getByRole('group', { name: 'Network Cluster Network 1' });
  await first.getByLabel('Name', { exact: true }).fill('Public');
  await first.getByLabel('Name', { exact: true }).press('Enter');
  await expect(section(page).getByRole('group', { name: 'Network Public' })).toBeVisible();
  await section(page)
    .getByRole('group', { name: 'Network Cluster Network 2' })
    .getByLabel('Role')
    .selectOption('cluster');

  // The legend over the canvas lists both networks and who is on them.
  const legend = designCanvas(page).locator('.d-net-legend');
  await expect(legend).toContainText('Public (cluster and client): NODE1, NODE2, NODE3, NODE4');
  await expect(legend).toContainText('Cluster Network 2 (cluster only): NODE1, NODE2, NODE3, NODE4');

  // NODE1 leaves the heartbeat network: a single cluster network, which the lint flags.
  await matrix(page).getByLabel('NODE1 on Cluster Network 2').uncheck();
  await expect(
    page.getByText('Node "NODE1" has only one network the cluster uses for heartbeats ("Public")'),
  ).toBeVisible();
  // Taking its last one away is refused, with the reason; nothing changes.
  await matrix(page).getByLabel('NODE1 on Public').click();
  await expect(page.getByRole('alert')).toContainText('"NODE1" would have no interface on a network the cluster uses');
  await expect(matrix(page).getByLabel('NODE1 on Public')).toBeChecked();

  // Sites: two and two, no witness → the even-split warning; regions drawn on the canvas.
  await setSite(page, 'NODE1', 'NYC');
  await setSite(page, 'NODE2', 'NYC');
  await setSite(page, 'NODE3', 'SEA');
  await setSite(page, 'NODE4', 'SEA');
  await expect(page.getByText('Sites "NYC" and "SEA" hold 2 votes each and there is no witness')).toBeVisible();
  await expect(designCanvas(page).locator('.react-flow__node[data-id="s:NYC"]')).toContainText('site NYC');
  await expect(designCanvas(page).locator('.react-flow__node[data-id="s:SEA"]')).toBeVisible();
  await section(page).getByLabel('Cluster PreferredSite').selectOption('NYC');

  // One undo step per edit: Ctrl+Z takes back the PreferredSite only.
  await designCanvas(page)
    .locator('.react-flow__pane')
    .click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(section(page).getByLabel('Cluster PreferredSite')).toHaveValue('');
  await expect(matrix(page).getByLabel('Site of NODE4')).toHaveValue('SEA');

  for (const [w, h] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/nd/design-networks-${w}.png` });
  }
  await page.setViewportSize({ width: 1600, height: 1000 });

  // Export: the script carries networks and sites, and the dialog says what is not exportable.
  await page.getByRole('button', { name: 'Export PowerShell…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export as a PowerShell script' });
  const notes = dialog.getByRole('list', { name: 'Export notes' });
  await expect(notes).toContainText("each node's interfaces: they are physical");
  await expect(notes).toContainText('the functional level 2016');
  await expect(dialog).toContainText('It works on Windows Server 2016 and later (the design has sites)');
  await page.screenshot({ path: '/tmp/nd/design-networks-export.png' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: /^Download / }).click(),
  ]);
  const script = readFileSync(await download.path(), 'utf8');
  expect(script).toContain("if ($fl_n.Name -ne 'Public') { $fl_n.Name = 'Public' }");
  expect(script).toContain('$fl_n.Role = 1   # Cluster');
  expect(script).toContain("New-ClusterFaultDomain -Name 'NYC' -Type Site");
  expect(script).toContain("Set-ClusterFaultDomain -Name 'NODE4' -Parent 'SEA'");
});

test('import a two-site cluster dump: sites drawn as regions, networks in the legend, an IP on its network', async ({
  page,
}) => {
  await openDesignFresh(page);
  await page.getByRole('button', { name: 'Import from a real cluster…' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import from a real cluster' });
  await expect(importDialog).toContainText('Get-ClusterNetworkInterface');
  await importDialog.getByLabel('Open dump file').setInputFiles({
    name: 'failoverlab-dump.json',
    mimeType: 'application/json',
    buffer: readFileSync('src/design/__fixtures__/dump-two-sites-ps51.json'),
  });
  const notesDialog = page.getByRole('dialog', { name: 'Imported as a new design' });
  await expect(notesDialog.getByRole('list', { name: 'Import notes' })).toContainText('"Cluster Group"');
  await notesDialog.getByRole('button', { name: 'Done' }).click();

  await expect(designCanvas(page).locator('.react-flow__node[data-id="s:NYC"]')).toContainText('site NYC');
  await expect(designCanvas(page).locator('.react-flow__node[data-id="s:SEA"]')).toBeVisible();
  const legend = designCanvas(page).locator('.d-net-legend');
  await expect(legend).toContainText('Storage (none (not used by the cluster), 192.168.50.0/24): NYC1, NYC2');
  await designCanvas(page).locator('.react-flow__node[data-id="r:SQL IP SEA"]').click();
  await expect(inspector(page).getByLabel('Network')).toHaveValue('Cluster Network 2');
  await expect(inspector(page).getByLabel('Address (shown and exported)')).toHaveValue('10.2.0.50');
  for (const [w, h] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await designCanvas(page)
      .getByRole('button', { name: /fit view/i })
      .click();
    await page.screenshot({ path: `/tmp/nd/design-networks-import-${w}.png` });
  }
  // The group's preferred sites, in order, with keyboard-reachable buttons.
  await designCanvas(page).locator('.react-flow__node[data-id="g:SQL Server (MSSQLSERVER)"] .d-group-head').click();
  const sites = inspector(page).getByRole('list', { name: 'Preferred sites' });
  await expect(sites.getByRole('listitem')).toHaveText([/NYC/, /SEA/]);
  await inspector(page).getByRole('button', { name: 'Move site SEA up' }).focus();
  await page.keyboard.press('Enter');
  await expect(sites.getByRole('listitem')).toHaveText([/SEA/, /NYC/]);
  await inspector(page).getByRole('group', { name: 'Preferred sites (in order)' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/nd/design-group-sites-1440.png' });
  // The engine accepts the imported design: Simulate opens it.
  await page.getByRole('button', { name: 'Simulate ▶' }).click();
  await expect(page.getByRole('table', { name: 'Cluster state' })).toBeVisible();
  await page.screenshot({ path: '/tmp/nd/simulate-imported-1440.png' });
});
