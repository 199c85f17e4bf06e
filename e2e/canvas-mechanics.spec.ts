/**
 * The mechanics on the canvas (issue 10 item 5, issue 11 item 9) and the panels: poll pulses,
 * floating notices, resizable and remembered panels, groups and their cards moving together, and
 * the overview of a very big cluster.
 */
import { expect, test } from '@playwright/test';
import { GROUP, openAt, seek, settleCanvas, shareHash, SIZES } from './helpers';
import sqlFci from '../src/scenarios/sql-fci-three-nodes.json' with { type: 'json' };

test.describe('mechanics and panels', () => {
  test('each health-check poll pulses on its resource as it runs, healthy ones too', async ({ page }) => {
    await openAt(page, SIZES[1]!);
    await seek(page, 30_000);
    const card = page.locator('.react-flow__node[data-id="res:SQL IP Address"]');
    const la = card.locator('.poll-pulse[data-poll="LooksAlive"]');
    const ia = card.locator('.poll-pulse[data-poll="IsAlive"]');
    // Online since 0.5 s, LooksAlive every 5 s, IsAlive every 60 s (defaults): the last polls were at 25.5 s and 0.5 s.
    await expect(la).toHaveAttribute('data-at', '25500');
    await expect(ia).toHaveAttribute('data-at', '500');
    await seek(page, 31_000);
    await expect(la).toHaveAttribute('data-at', '30500');
    // A pulse fades out: the animation runs on the new element.
    const anim = await la.evaluate((el) => getComputedStyle(el).animationName);
    expect(anim).toBe('poll-pulse');
    // The trace is unchanged: healthy polls are not events.
    await expect(page.getByRole('list', { name: 'Trace events' })).not.toContainText('LooksAlive(SQL IP Address)');
  });

  test('notices float over the page: the canvas does not move when one appears', async ({ page }) => {
    await openAt(page, SIZES[0]!);
    await seek(page, 30_000);
    const canvas = page.getByRole('region', { name: 'Cluster diagram' });
    const before = await canvas.boundingBox();
    // A file that does not validate: the error notice lists where and why, and the scenario stays.
    await page.getByLabel('Scenario file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "nope"}'),
    });
    await expect(page.getByRole('alert', { name: 'Scenario not loaded' })).toBeVisible();
    expect(await canvas.boundingBox()).toEqual(before);
  });

  test('panels resize with the keyboard, collapse, and are remembered', async ({ page }) => {
    await openAt(page, SIZES[1]!);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const w0 = (await inspector.boundingBox())!.width;
    await page.getByRole('separator', { name: 'Resize the inspector' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await inspector.boundingBox())!.width).toBe(w0 + 48);
    await page.getByRole('button', { name: 'Hide event log', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Trace events' })).toBeHidden();
    const table = (await page.locator('.table-wrap').boundingBox())!;
    expect(table.width).toBeGreaterThan(SIZES[1]!.width * 0.9);
    await page.reload();
    await expect(page.getByRole('list', { name: 'Trace events' })).toBeHidden();
    await expect.poll(async () => (await inspector.boundingBox())!.width).toBe(w0 + 48);
    await page.getByRole('button', { name: 'Show event log', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Trace events' })).toBeVisible();
  });
});

test('a group that slides up in its node after another group leaves keeps its resources with it, frame by frame', async ({
  page,
}) => {
  const scenario = {
    ...sqlFci,
    script: [],
    groups: [
      ...sqlFci.groups,
      {
        name: 'Web',
        preferredOwners: ['SQL-A'],
        resources: [
          { name: 'Web IP', type: 'IP Address' },
          { name: 'Web App', type: 'Generic Application', dependsOn: ['Web IP'] },
        ],
      },
    ],
  };
  await openAt(page, SIZES[1]!, shareHash(scenario));
  await seek(page, 30_000);
  await page.locator(`.react-flow__node[data-id="group:${GROUP}"] .group-head`).click({ button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: 'Move to SQL-B' }).click();
  await page.getByRole('slider', { name: 'Speed' }).fill('1'); // 10×
  await page.getByRole('button', { name: /Play/ }).click();
  // Web sits under the SQL group on SQL-A; moving SQL to SQL-B slides Web up.
  const samples = page.evaluate(
    () =>
      new Promise<{ gy: number; dx: number; dy: number }[]>((resolve) => {
        const out: { gy: number; dx: number; dy: number }[] = [];
        const end = performance.now() + 3000;
        const tick = () => {
          const g = document.querySelector('.react-flow__node[data-id="group:Web"]')!.getBoundingClientRect();
          const c = document.querySelector('.react-flow__node[data-id="res:Web App"]')!.getBoundingClientRect();
          // In the group's own units (the view may zoom when the canvas changes size).
          out.push({ gy: g.y, dx: (c.x - g.x) / g.width, dy: (c.y - g.y) / g.width });
          if (performance.now() < end) requestAnimationFrame(tick);
          else resolve(out);
        };
        requestAnimationFrame(tick);
      }),
  );
  const frames = await samples;
  const ys = [...new Set(frames.map((f) => Math.round(f.gy)))];
  expect(ys.length).toBeGreaterThan(3); // it glides (several positions on the way up)…
  expect(frames.at(-1)!.gy).toBeLessThan(frames[0]!.gy - 50);
  const { dx, dy } = frames[0]!;
  for (const f of frames) {
    // …and its cards glide with it, never left behind.
    expect(Math.abs(f.dx - dx)).toBeLessThan(0.01);
    expect(Math.abs(f.dy - dy)).toBeLessThan(0.01);
  }
});

test('a very big cluster opens as an overview: groups are chips in their node, selectable, with their menu', async ({
  page,
}) => {
  const nodes = Array.from({ length: 8 }, (_, i) => ({ name: `HV${i + 1}` }));
  const groups = Array.from({ length: 2100 }, (_, g) => ({
    name: `VM${g}`,
    preferredOwners: [nodes[g % 8]!.name, nodes[(g + 1) % 8]!.name],
    resources: [
      { name: `Virtual Machine Configuration VM${g}`, type: 'Virtual Machine Configuration' },
      {
        name: `Virtual Machine VM${g}`,
        type: 'Virtual Machine',
        dependsOn: [`Virtual Machine Configuration VM${g}`],
      },
    ],
  }));
  const scenario = { format: 'failover-scenario@1', name: 'Big', until: 600_000, nodes, groups };
  await openAt(page, SIZES[1]!, shareHash(scenario));
  await seek(page, 30_000);
  // No resource cards or edges; regions hold chips.
  await expect(page.locator('.react-flow__node-resource')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  // Select VM0 in the table, then F: the canvas brings its node's region into view.
  await page.getByRole('table', { name: 'Cluster state' }).getByRole('button', { name: 'VM0', exact: true }).click();
  await page.keyboard.press('f');
  const chip = page.locator('[data-entity="group:VM0"]');
  await expect(chip).toBeInViewport();
  await settleCanvas(page, 600); // the zoom to it
  // Readable once focused: the chip's name renders at 12 px or more.
  expect((await chip.locator('.entity-name').boundingBox())!.height).toBeGreaterThanOrEqual(12);
  await expect(chip).toContainText('Online');
  expect(await chip.evaluate((el) => el.closest('.react-flow__node')!.getAttribute('data-id'))).toBe('node:HV1');
  await chip.click();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('VM0');
  await chip.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for group VM0' });
  await menu.getByRole('menuitem', { name: 'Move to HV2' }).click();
  await seek(page, 120_000);
  await expect(page.locator('[data-entity="group:VM0"]')).toHaveCount(1);
  expect(
    await page
      .locator('[data-entity="group:VM0"]')
      .evaluate((el) => el.closest('.react-flow__node')!.getAttribute('data-id')),
  ).toBe('node:HV2');
  await page.screenshot({ path: '/tmp/roomA-e2e-overview-1440.png' });
});
