import { expect, test } from '@playwright/test';
import { GROUP, expectRow, openFresh, seek, shareHash } from './helpers';
import restartThenFailover from '../src/scenarios/restart-then-failover.json' with { type: 'json' };

test.describe('Failover Lab', () => {
  test('opens on the default scenario, which comes Online on SQL-A', async ({ page }) => {
    await openFresh(page);
    await expect(page.getByTestId('scenario-name')).toHaveText('SQL Server failover cluster instance on three nodes');
    await expect(page.getByLabel('Simulated time')).toHaveText('t = 0.000 s');
    await seek(page, 30_000);
    await expectRow(page, GROUP, 'Online', 'SQL-A');
    await expectRow(page, 'SQL Server', 'Online', 'SQL-A');
    await expectRow(page, 'SQL-A', 'Up', '');
    await page.screenshot({ path: '/tmp/e2e-online.png' });
  });

  test('crashing the owner from the canvas context menu fails the group over to SQL-B, with the reason logged', async ({
    page,
  }) => {
    await openFresh(page);
    await seek(page, 30_000);
    await page.locator('.react-flow__node[data-id="node:SQL-A"] .region-head').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Actions for node SQL-A' });
    await menu.getByRole('menuitem', { name: 'Crash node' }).click();
    await expect(menu).toBeHidden();
    await seek(page, 35_000);
    await expect(page.getByTestId('region-SQL-A')).toContainText('crashed — detected in');
    await page.screenshot({ path: '/tmp/e2e-crashed.png' });
    await page.getByRole('button', { name: /Run to end/ }).click();
    await expectRow(page, GROUP, 'Online', 'SQL-B');
    await expectRow(page, 'SQL-A', 'Down', '');
    const ownerRow = page
      .getByRole('list', { name: 'Trace events' })
      .getByRole('listitem')
      .filter({ hasText: 'group.owner' });
    await expect(ownerRow).toHaveCount(1);
    await expect(ownerRow).toContainText(`${GROUP}: SQL-A → SQL-B (failover) — `);
    await page.screenshot({ path: '/tmp/e2e-failover.png' });

    // Rewind to before the crash: the state from then, by re-simulation.
    await seek(page, 20_000);
    await expectRow(page, GROUP, 'Online', 'SQL-A');
    await expectRow(page, 'SQL-A', 'Up', '');
    await expect(
      page.getByRole('list', { name: 'Trace events' }).getByRole('listitem').filter({ hasText: '(ahead)' }).first(),
    ).toBeVisible();
  });

  test('the canvas context menu opens from the keyboard (Shift+F10)', async ({ page }) => {
    await openFresh(page);
    await page.locator('.react-flow__node[data-id="node:SQL-B"]').focus();
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'Actions for node SQL-B' });
    await expect(menu.getByRole('menuitem', { name: 'Crash node' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
  });

  test('a hung IsAlive ends in a monitor recycle', async ({ page }) => {
    await openFresh(page);
    await seek(page, 20_000);
    await page
      .getByRole('table', { name: 'Cluster state' })
      .getByRole('button', { name: 'SQL Server', exact: true })
      .click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('button', { name: 'IsAlive hang' }).click();
    await expect(inspector.getByText('Faults', { exact: true }).locator('+ dd')).toHaveText('isAlive: hang');
    await page.getByRole('button', { name: /Run to end/ }).click();
    const recycle = page
      .getByRole('list', { name: 'Trace events' })
      .getByRole('listitem')
      .filter({ hasText: 'rhs.recycle' });
    await expect(recycle.first()).toContainText('SQL Server');
    await recycle.first().click();
    await page.screenshot({ path: '/tmp/e2e-recycle.png' });
  });

  test('a share link opens its scenario paused at t=0', async ({ page }) => {
    await openFresh(page, shareHash(restartThenFailover));
    await expect(page.getByTestId('scenario-name')).toHaveText(restartThenFailover.name);
    await expect(page.getByLabel('Simulated time')).toHaveText('t = 0.000 s');
    await expect(page.getByRole('button', { name: /Play/ })).toHaveAttribute('aria-pressed', 'false');
    await page.getByRole('button', { name: /Run to end/ }).click();
    await expectRow(page, 'App', 'Failed', 'N3');
  });

  test('Copy link carries the applied actions', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openFresh(page);
    await seek(page, 20_000);
    await page
      .getByRole('table', { name: 'Cluster state' })
      .getByRole('button', { name: 'SQL-B', exact: true })
      .click();
    await page
      .getByRole('complementary', { name: 'Inspector' })
      .getByRole('button', { name: 'Pause', exact: true })
      .click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    const url = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(url).toMatch(/#scenario=.+&actions=/);
    await page.evaluate(() => localStorage.clear());
    await page.goto('about:blank');
    await page.goto(url);
    await expect(page.getByLabel('Simulated time')).toHaveText('t = 0.000 s');
    await seek(page, 25_000);
    await expectRow(page, 'SQL-B', 'Paused', '');
  });

  test('an invalid file shows the validation messages and keeps the current scenario', async ({ page }) => {
    await openFresh(page);
    const bad = {
      format: 'failover-scenario@1',
      nodes: [{ name: 'A' }],
      groups: [{ name: 'G', ownerNode: 'B', resources: [] }],
    };
    await page
      .getByLabel('Scenario file')
      .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load "broken.json"; the current scenario is kept.');
    await expect(alert).toContainText('groups[0].ownerNode');
    await expect(page.getByTestId('scenario-name')).toHaveText('SQL Server failover cluster instance on three nodes');
    await page.screenshot({ path: '/tmp/e2e-invalid.png' });
  });

  test('a reload restores the scenario, the actions and the time', async ({ page }) => {
    await openFresh(page, shareHash(restartThenFailover));
    await seek(page, 10_000);
    await page.getByRole('table', { name: 'Cluster state' }).getByRole('button', { name: 'N2', exact: true }).click();
    await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Crash node' }).click();
    await seek(page, 123_456);
    const before = await page.getByRole('table', { name: 'Cluster state' }).innerText();
    await page.reload();
    await expect(page.getByTestId('scenario-name')).toHaveText(restartThenFailover.name);
    await expect(page.getByLabel('Simulated time')).toHaveText('t = 2 min 3.456 s');
    expect(await page.getByRole('table', { name: 'Cluster state' }).innerText()).toBe(before);
    await expect(page.getByRole('list', { name: 'Trace events' })).toContainText('crash node N2');
  });
});
