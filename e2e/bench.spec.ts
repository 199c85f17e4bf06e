/**
 * UI benchmark (issue 3 §9), skipped unless BENCH=1: `BENCH=1 npx playwright test e2e/bench.spec.ts`.
 * Plays each scenario at 1,000× for 10 s and prints median / p95 frame times, time to interactive
 * and the initial JS size (gzip).
 */
import { test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import sqlFci from '../src/scenarios/sql-fci-three-nodes.json' with { type: 'json' };
import { shareHash } from './helpers';

test.skip(!process.env.BENCH, 'benchmark: set BENCH=1');
test.setTimeout(180_000);

/** 32 nodes × 200 groups × 5 resources, with faults spread over the run so it has work to do. */
function bigScenario() {
  const nodes = Array.from({ length: 32 }, (_, i) => ({ name: `N${i + 1}` }));
  const groups = Array.from({ length: 200 }, (_, g) => ({
    name: `G${g + 1}`,
    preferredOwners: [`N${(g % 32) + 1}`, `N${((g + 1) % 32) + 1}`],
    resources: Array.from({ length: 5 }, (_, r) => ({
      name: `G${g + 1}-R${r + 1}`, type: 'Generic Service',
      ...(r > 0 ? { dependsOn: [`G${g + 1}-R${r}`] } : {}),
    })),
  }));
  const script = [
    ...Array.from({ length: 8 }, (_, i) => ({ at: 60_000 * (i + 1), action: 'crashNode', node: `N${i + 1}` })),
    ...Array.from({ length: 20 }, (_, i) => ({ at: 30_000 * (i + 1), action: 'failResource', resource: `G${i * 7 + 1}-R3` })),
  ];
  return { format: 'failover-scenario@1', name: 'Big: 32 nodes × 200 groups × 5 resources', until: 3_600_000, nodes, groups, script };
}

function initialJsGzip(): number {
  const html = readFileSync('dist/index.html', 'utf8');
  const scripts = [...html.matchAll(/src="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const files = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  void files;
  return scripts.reduce((n, s) => n + gzipSync(readFileSync(`dist/${s}`)).length, 0);
}

for (const [label, scenario] of [['default', sqlFci], ['big', bigScenario()]] as const) {
  test(`bench ${label}`, async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.goto('about:blank');
    const t0 = Date.now();
    await page.goto(`/${shareHash(scenario)}`);
    await page.getByRole('button', { name: /Play/ }).waitFor();
    const tti = Date.now() - t0;
    await page.getByRole('slider', { name: 'Speed' }).fill('3');
    const frames = await page.evaluate(async () => {
      const deltas: number[] = [];
      (document.querySelector('button.primary') as HTMLButtonElement).click();
      let last = performance.now();
      const end = last + 10_000;
      await new Promise<void>((resolve) => {
        const f = (ts: number) => {
          deltas.push(ts - last);
          last = ts;
          if (ts < end) requestAnimationFrame(f);
          else resolve();
        };
        requestAnimationFrame(f);
      });
      return deltas.slice(1);
    });
    frames.sort((a, b) => a - b);
    const q = (p: number) => frames[Math.min(frames.length - 1, Math.floor(p * frames.length))].toFixed(1);
    console.log(`${label}: frames=${frames.length} median=${q(0.5)} ms p95=${q(0.95)} ms; time to interactive ${tti} ms; initial JS ${(initialJsGzip() / 1024).toFixed(0)} KB gzip`);
  });
}
