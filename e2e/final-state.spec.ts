import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { runScenario, validateScenario } from '../src/engine';
import { openFresh, shareHash } from './helpers';

// The shared examples, run to the end in the app, must leave the table exactly where the CLI's
// `final` block says (both come from the same engine; this checks the app's projection of it).
const dir = 'src/scenarios';
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  test(`table agrees with the CLI final state: ${file}`, async ({ page }) => {
    const json: unknown = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
    const v = validateScenario(json);
    if (!v.ok) throw new Error(`${file} is invalid`);
    const final = runScenario(v.scenario).final;
    await openFresh(page, shareHash(json));
    await page.getByRole('button', { name: /Run to end/ }).click();
    const table = page.getByRole('table', { name: 'Cluster state' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    const rows = await table
      .getByRole('row')
      .evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const actual = Object.fromEntries(rows.map(([name, kind, state, owner]) => [`${kind}:${name}`, [state, owner]]));
    const expected: Record<string, [string, string]> = {};
    for (const [n, s] of Object.entries(final.nodes)) expected[`node:${n}`] = [s.state, ''];
    for (const [g, s] of Object.entries(final.groups)) expected[`group:${g}`] = [s.state, s.owner ?? ''];
    for (const [r, s] of Object.entries(final.resources)) expected[`resource:${r}`] = [s.state, s.node ?? ''];
    expect(actual).toEqual(expected);
  });
}

// Determinism across runtimes: the trace the browser's engine produced, run to the end, is
// byte-for-byte the one Node produces for the same scenario (contract §3, "in Node and in the browser").
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  test(`the browser's trace is byte-identical to Node's: ${file}`, async ({ page }) => {
    const json: unknown = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
    const v = validateScenario(json);
    if (!v.ok) throw new Error(`${file} is invalid`);
    const nodeTrace = JSON.stringify(runScenario(v.scenario).events);
    await openFresh(page, shareHash(json));
    await page.getByRole('button', { name: /Run to end/ }).click();
    await expect(page.getByTestId('sim-time')).not.toHaveText('t = 0.000 s');
    const browserTrace = await page.evaluate(() =>
      JSON.stringify(
        (window as unknown as { failoverLab: { getState(): { events: unknown[] } } }).failoverLab.getState().events,
      ),
    );
    expect(browserTrace.length).toBeGreaterThan(100);
    expect(browserTrace).toBe(nodeTrace);
  });
}
