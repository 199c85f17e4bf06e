import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { designCanvas, openDesignFresh } from './designHelpers';
import { expectRow } from './helpers';

const resNode = (page: Page, name: string) => designCanvas(page).locator(`.react-flow__node[data-id="r:${name}"]`);
const edges = (page: Page) => designCanvas(page).locator('.react-flow__edge');

/** Drag from `from`'s bottom handle ("depends on") to `to`'s top handle. */
async function connect(page: Page, from: string, to: string) {
  const a = await resNode(page, from).locator('.react-flow__handle.source').boundingBox();
  const b = await resNode(page, to).locator('.react-flow__handle.target').boundingBox();
  if (!a || !b) throw new Error('handles not found');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2 + 20, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

async function buildDesign(page: Page) {
  await page.getByRole('button', { name: 'New design' }).click();
  await expect(designCanvas(page)).toContainText('Empty design');
  // Mouse for the nodes, keyboard for the group and one resource.
  await page.getByRole('button', { name: 'Add node' }).click();
  await page.getByRole('button', { name: 'Add node' }).click();
  await page.getByRole('button', { name: 'Add group' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Add Physical Disk' }).click();
  await page.getByRole('button', { name: 'Add IP Address' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Add Network Name' }).click();
  await expect(resNode(page, 'Network Name')).toBeVisible();
  // Rename the group in the inspector, by keyboard.
  await designCanvas(page).locator('.react-flow__node[data-id="g:Group 1"] .d-group-head').click();
  const name = page.getByRole('complementary', { name: 'Design inspector' }).getByLabel('Name', { exact: true });
  await name.fill('File Share');
  await name.press('Enter');
  await expect(designCanvas(page).locator('.react-flow__node[data-id="g:File Share"]')).toBeVisible();
  // Dependencies by dragging: Network Name → IP Address → Physical Disk.
  await connect(page, 'IP Address', 'Physical Disk');
  await expect(edges(page)).toHaveCount(1);
  await connect(page, 'Network Name', 'IP Address');
  await expect(edges(page)).toHaveCount(2);
}

test.describe('Design mode', () => {
  test('build a two-node, one-group, three-resource design; a cycle is refused; undo and redo; reload keeps it', async ({
    page,
  }) => {
    await openDesignFresh(page);
    await buildDesign(page);
    await page.screenshot({ path: '/tmp/design-built.png' });

    // A cycle: Physical Disk → Network Name would close Network Name → IP Address → Physical Disk.
    await connect(page, 'Physical Disk', 'Network Name');
    await expect(page.getByRole('alert')).toContainText('cycle');
    await expect(edges(page)).toHaveCount(2);
    await page.screenshot({ path: '/tmp/design-cycle.png' });

    // Undo (Ctrl+Z) removes the last dependency; Redo (button) and Ctrl+Shift+Z bring things back.
    await designCanvas(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 30, y: 400 } });
    await page.keyboard.press('Control+z');
    await expect(edges(page)).toHaveCount(1);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(edges(page)).toHaveCount(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(edges(page)).toHaveCount(1);
    await page.keyboard.press('Control+Shift+z');
    await expect(edges(page)).toHaveCount(2);
    await expect(page.getByRole('region', { name: 'Problems' })).toContainText('0 errors');

    // Autosave, then reload: the design is back.
    await expect(page.getByText('Saved in this browser')).toBeVisible();
    await page.reload();
    await page.getByRole('button', { name: 'Design ✎' }).click();
    await expect(resNode(page, 'Network Name')).toBeVisible();
    await expect(edges(page)).toHaveCount(2);
    await expect(designCanvas(page).locator('.react-flow__node[data-id="g:File Share"]')).toBeVisible();
    await page.screenshot({ path: '/tmp/design-reloaded.png' });
  });

  test('an invalid value is refused inline with the engine message and not applied', async ({ page }) => {
    await openDesignFresh(page);
    await buildDesign(page);
    await resNode(page, 'IP Address').click();
    const inspector = page.getByRole('complementary', { name: 'Design inspector' });
    const field = inspector.getByLabel('PendingTimeout (ms)');
    await field.fill('5');
    await field.press('Enter');
    await expect(inspector.getByRole('alert')).toHaveText(
      'PendingTimeout must be an integer from 10 to 4294967294 ms, got 5 (out of range)',
    );
    await field.fill('60000');
    await field.press('Enter');
    await expect(inspector.getByText('= 1 min', { exact: true })).toBeVisible();
    await expect(inspector.getByRole('alert')).toHaveCount(0);
    await page.screenshot({ path: '/tmp/design-inspector.png' });
  });

  test('export JSON, open it in a fresh page: the same design; then simulate it and crash a node', async ({
    page,
    browser,
  }) => {
    await openDesignFresh(page);
    await buildDesign(page);
    // Two votes and no witness: the lint says so and offers a fix, applied in one click.
    const problems = page.getByRole('region', { name: 'Problems' });
    await expect(problems).toContainText('1 warning');
    await problems.getByRole('button', { name: 'Add a file share witness' }).click();
    await expect(problems).toContainText('0 warnings');
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await expect(page.getByRole('status')).toContainText('Laid out with elkjs');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    const exported = JSON.parse(text);
    expect(exported.ui.positionsByKind.resource['Network Name']).toBeDefined();

    const fresh = await (await browser.newContext()).newPage();
    await openDesignFresh(fresh);
    await fresh
      .getByLabel('Open a scenario JSON file')
      .setInputFiles({ name: 'design.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(resNode(fresh, 'Network Name')).toBeVisible();
    await expect(edges(fresh)).toHaveCount(2);
    const [again] = await Promise.all([
      fresh.waitForEvent('download'),
      fresh.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    expect(readFileSync(await again.path(), 'utf8')).toBe(text);
    await fresh.screenshot({ path: '/tmp/design-reopened.png' });

    // Simulate from t=0, crash the owner: the group fails over to NODE2.
    await fresh.getByRole('button', { name: 'Simulate ▶' }).click();
    const table = fresh.getByRole('table', { name: 'Cluster state' });
    await expect(table).toBeVisible();
    await expect(fresh.getByLabel('Simulated time')).toHaveText('t = 0.000 s');
    await table.getByRole('button', { name: 'NODE1', exact: true }).click();
    await fresh.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Crash node' }).click();
    await fresh.getByRole('button', { name: /Run to end/ }).click();
    await expectRow(fresh, 'File Share', 'Online', 'NODE2');
    await expectRow(fresh, 'NODE1', 'Down', '');
    await fresh.screenshot({ path: '/tmp/design-simulated.png' });

    // Back to Design: the design is kept.
    await fresh.getByRole('button', { name: 'Design ✎' }).click();
    await expect(resNode(fresh, 'Network Name')).toBeVisible();
  });

  test('drag a resource into another group: its cross-group dependencies are dropped, and undo restores them; PNG and SVG export', async ({
    page,
  }) => {
    await openDesignFresh(page);
    await buildDesign(page);
    await page.getByRole('button', { name: 'Add group' }).click();
    const target = designCanvas(page).locator('.react-flow__node[data-id="g:Group 2"]');
    await expect(target).toBeVisible();
    const from = (await resNode(page, 'IP Address').boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect(page.getByRole('status')).toContainText(
      'Moved "IP Address" to "Group 2"; dropped 2 cross-group dependencies',
    );
    await expect(edges(page)).toHaveCount(0);
    await page.screenshot({ path: '/tmp/design-moved.png' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(edges(page)).toHaveCount(2);

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('New design.png');
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
    expect(readFileSync(await svg.path(), 'utf8')).toContain('<svg');
  });

  test('import a real Hyper-V cluster dump, then export it: the dialog says the VMs are not created by the script', async ({
    page,
  }) => {
    await openDesignFresh(page);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: 'Import from a real cluster…' }).click();
    const importDialog = page.getByRole('dialog', { name: 'Import from a real cluster' });
    await expect(importDialog).toContainText('Windows PowerShell 5.1');
    await page.screenshot({ path: '/tmp/pwsh-import-1024.png' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: '/tmp/pwsh-import-1440.png' });
    await importDialog.getByLabel('Open dump file').setInputFiles({
      name: 'failoverlab-dump.json',
      mimeType: 'application/json',
      buffer: readFileSync('src/design/__fixtures__/powershell/case04-hyperv-antiaffinity.json'),
    });
    await expect(designCanvas(page).locator('.react-flow__node[data-id="g:DC01"]')).toBeVisible();
    await expect(resNode(page, 'Virtual Machine DC02')).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Imported the cluster as a new design (3 notes');
    const notesDialog = page.getByRole('dialog', { name: 'Imported as a new design' });
    await expect(notesDialog.getByRole('list', { name: 'Import notes' })).toContainText(
      'Resources[1].OwnerGroup: resource "Cluster Disk 2" belongs to "Cluster Shared Volume"',
    );
    await page.screenshot({ path: '/tmp/pwsh-import-notes-1440.png' });
    await notesDialog.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Export PowerShell…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export as a PowerShell script' });
    const notes = exportDialog.getByRole('list', { name: 'Export notes' });
    await expect(notes.getByRole('listitem')).toHaveCount(4);
    await expect(notes).toContainText('"Virtual Machine DC01" (Virtual Machine) is not created by the script');
    await page.screenshot({ path: '/tmp/pwsh-export-1440.png' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: '/tmp/pwsh-export-1024.png' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exportDialog.getByRole('button', { name: /^Download .*\.ps1$/ }).click(),
    ]);
    const script = readFileSync(await download.path(), 'utf8');
    expect(script).toContain("Assert-VmRes 'Virtual Machine DC01' 'Virtual Machine' 'DC01'\r\n");
    expect(script).not.toMatch(/Use-Res '[^']*' 'Virtual Machine/);
    await exportDialog.getByRole('button', { name: 'Close' }).click();
    await expect(exportDialog).toHaveCount(0);
  });

  test('a real file server role and its network name share a name: imported, edited independently, exported', async ({
    page,
  }) => {
    await openDesignFresh(page);
    await page.getByRole('button', { name: 'Import from a real cluster…' }).click();
    await page.getByLabel('Open dump file').setInputFiles({
      name: 'failoverlab-dump.json',
      mimeType: 'application/json',
      buffer: readFileSync('src/design/__fixtures__/powershell/case05-localized-de.json'),
    });
    await page.getByRole('dialog', { name: 'Imported as a new design' }).getByRole('button', { name: 'Done' }).click();
    const problems = page.getByRole('region', { name: 'Problems' });
    await expect(problems).toContainText('0 errors');
    const groupNode = designCanvas(page).locator('.react-flow__node[data-id="g:Dateiserver Süd"]');
    await expect(groupNode).toBeVisible();
    await expect(resNode(page, 'Dateiserver Süd')).toBeVisible();

    // Rename the resource: the group keeps its name.
    await resNode(page, 'Dateiserver Süd').click();
    const inspector = page.getByRole('complementary', { name: 'Design inspector' });
    await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Resource Dateiserver Süd');
    const name = inspector.getByLabel('Name', { exact: true });
    await name.fill('Dateiserver Süd (Name)');
    await name.press('Enter');
    await expect(resNode(page, 'Dateiserver Süd (Name)')).toBeVisible();
    await expect(groupNode).toBeVisible();
    await expect(problems).toContainText('0 errors');

    // And back: a resource may again take its group's name.
    await name.fill('Dateiserver Süd');
    await name.press('Enter');
    await expect(resNode(page, 'Dateiserver Süd')).toBeVisible();
    await expect(groupNode).toBeVisible();

    await page.getByRole('button', { name: 'Export PowerShell…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export as a PowerShell script' });
    const script = await exportDialog.getByRole('textbox', { name: 'PowerShell script' }).inputValue();
    expect(script).toContain(
      "if (-not (Find-Group 'Dateiserver Süd')) { Add-ClusterGroup -Name 'Dateiserver Süd' | Out-Null }",
    );
    expect(script).toContain("$fl_r = Use-Res 'Dateiserver Süd' 'Network Name' 'Dateiserver Süd'");
    expect(script).toContain('Set-ClusterQuorum -NodeAndFileShareMajority $WitnessShare');
    await expect(exportDialog.getByRole('list', { name: 'Export notes' })).toHaveCount(0);
  });
});
