/**
 * Where a frame's time goes (an aid for `npm run bench:ui`): opens a case, plays it at 1,000× for a
 * few seconds under a Chrome trace, and prints per-frame main-thread CPU (median to max), CPU time
 * by kind (script, layerize, paint, layout, ...) and React commits and components rendered per frame.
 * CPU time, not wall clock: it holds on a shared machine. Needs a server over the build to trace:
 *   npx vite build --minify false --outDir /tmp/dist && npx vite preview --outDir /tmp/dist --port $BENCH_PORT
 *   BENCH_PORT=... CASE=max|big|default [SECONDS=5] [START_MS=3000000] [PROFILE=1] [TOP=30]
 *     [EXTRA_CSS='.timeline{display:none}'] [TRACE_OUT=/tmp/t.json] npx tsx scripts/trace-ui.ts
 * START_MS starts from that instant (3,000,000: after the Hyper-V case's scripted faults); PROFILE
 * adds a sampled JS profile (it costs every frame); EXTRA_CSS tries what hiding or restyling a part saves.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import lz from 'lz-string';
import { bigScenario } from './bigScenario';
import { hyperVMaxScenario } from './hyperVMax';

const PORT = Number(process.env.BENCH_PORT ?? 4391);
const BASE = `http://127.0.0.1:${PORT}/`;
const CASE = process.env.CASE ?? 'max';
const SECONDS = Number(process.env.SECONDS ?? 5);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what the work cost, whatever else the machine was doing. */
  tdur?: number;
  tid: number;
  pid: number;
  cat: string;
  args?: Record<string, unknown>;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(REACT_HOOK);
  const src = CASE === 'max' ? hyperVMaxScenario(24 * 3_600_000) : CASE === 'big' ? bigScenario(24 * 3_600_000) : null;
  const url = src ? `${BASE}#scenario=${lz.compressToEncodedURIComponent(JSON.stringify(src))}` : BASE;
  await page.goto(url);
  await page.getByRole('button', { name: /Play/ }).waitFor();
  await page.getByRole('slider', { name: 'Speed' }).fill('3');
  // START_MS: trace from that instant on (e.g. after the scripted faults: the quiet steady state).
  if (process.env.START_MS) await page.getByRole('slider', { name: 'Timeline position' }).fill(process.env.START_MS);
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => void events.push(...(d.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await page.getByRole('button', { name: /Play/ }).click();
  // EXTRA_CSS: an experiment (e.g. hide a panel) applied once playing, before the trace starts.
  if (process.env.EXTRA_CSS) await page.addStyleTag({ content: process.env.EXTRA_CSS });
  await page.waitForTimeout(300);
  await cdp.send('Tracing.start', {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-devtools.timeline.frame',
      'v8.execute',
      'blink.user_timing',
      ...(process.env.INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
      ...(process.env.EXTRA_CATEGORIES ? process.env.EXTRA_CATEGORIES.split(',') : []),
    ].join(','),
    transferMode: 'ReportEvents',
  });
  await page.evaluate('window.__renders.reset()');
  // PROFILE=1: also a sampled CPU profile (it adds its own cost to every frame).
  const profiling = !!process.env.PROFILE;
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.waitForTimeout(SECONDS * 1000);
  const profile = profiling ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile : null;
  await cdp.send('Tracing.end');
  const renders = await page.evaluate<{ commits: number; byName: Record<string, number> }>('window.__renders.read()');
  await done;
  const simTime = await page.getByTestId('sim-time').textContent();
  if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }));
  await browser.close();
  const frames = summarize(events, simTime ?? '');
  if (profile) printProfile(profile, frames);
  const total = Object.values(renders.byName).reduce((a, b) => a + b, 0);
  console.log(
    `  React: ${renders.commits} commits (${(renders.commits / frames).toFixed(2)}/frame), ${total} component renders (${(total / frames).toFixed(1)}/frame)`,
  );
  for (const [k, n] of Object.entries(renders.byName)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25))
    console.log(`    ${String(n).padStart(6)}  ${(n / frames).toFixed(2).padStart(7)}/frame  ${k}`);
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and total (inclusive) time per function from a CDP CPU profile, per frame. */
function printProfile(p: CpuProfile, frames: number): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(key(id), (self.get(key(id)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const k = key(x);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  const top = Number(process.env.TOP ?? 30);
  const show = (title: string, m: Map<string, number>) => {
    console.log(`  ${title} (ms/frame):`);
    for (const [k, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`    ${(ms / frames).toFixed(3).padStart(7)}  ${k}`);
  };
  show('JS self time', self);
  show('JS total time', total);
}

/**
 * A stand-in for the React DevTools hook: counts commits and the components that rendered in each
 * (React DevTools' own test: PerformedWork on a fiber whose parent's children changed).
 */
const REACT_HOOK = `(() => {
  let commits = 0; let byName = {};
  const name = (f) => { const t = f.type; if (!t || typeof t === 'string') return null; return t.displayName || t.name || (t.render && (t.render.displayName || t.render.name)) || (t.type && (t.type.displayName || t.type.name)) || null; };
  const count = (f) => { const n = name(f); if (n && (f.flags & 1)) byName[n] = (byName[n] || 0) + 1; };
  const mount = (f) => { for (let c = f; c; c = c.sibling) { const n = name(c); if (n) byName[n] = (byName[n] || 0) + 1; mount(c.child); } };
  const update = (next, prev) => {
    count(next);
    if (next.child === prev.child) return;
    for (let c = next.child; c; c = c.sibling) {
      if (c.alternate) update(c, c.alternate); else { const n = name(c); if (n) byName[n] = (byName[n] || 0) + 1; mount(c.child); }
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), inject() { return 1; }, checkDCE() {}, onScheduleFiberRoot() {},
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot(id, root) { commits++; const cur = root.current; if (cur.alternate) update(cur, cur.alternate); else mount(cur); },
  };
  window.__renders = { reset() { commits = 0; byName = {}; }, read() { return { commits, byName }; } };
})();`;

function summarize(events: TraceEvent[], simTime: string): number {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = events.filter((e) => e.tid === main.tid && e.pid === main.pid);
  const frames = onMain.filter((e) => e.name === 'FireAnimationFrame').length;
  // Self time per trace event name (nested events subtract from their parent), main thread only.
  const kinds = new Map<string, number>();
  const add = (k: string, ms: number) => kinds.set(k, (kinds.get(k) ?? 0) + ms);
  const complete = onMain
    .filter((e) => e.ph === 'X' && e.dur !== undefined)
    .sort((x, y) => x.ts - y.ts || y.dur! - x.dur!);
  const tasks = complete.filter((e) => e.name === 'RunTask');
  const cpu = (e: TraceEvent) => e.tdur ?? e.dur!;
  const busy = tasks.reduce((n, e) => n + cpu(e) / 1000, 0);
  const wall = tasks.reduce((n, e) => n + e.dur! / 1000, 0);
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack.at(-1)!.end <= upTo) {
      const top = stack.pop()!;
      add(top.e.name, (cpu(top.e) - top.child) / 1000);
      if (stack.length) stack.at(-1)!.child += cpu(top.e);
    }
  };
  for (const e of complete) {
    close(e.ts);
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  close(Infinity);
  // Per frame: the CPU of the task that ran its animation frame (script, style, layout, paint).
  const fires = onMain.filter((e) => e.name === 'FireAnimationFrame');
  const frameCpu = tasks
    .filter((t) => fires.some((f) => f.ts >= t.ts && f.ts < t.ts + t.dur!))
    .map((t) => cpu(t) / 1000)
    .sort((a, b) => a - b);
  const at = (p: number) => (frameCpu[Math.min(frameCpu.length - 1, Math.floor(p * frameCpu.length))] ?? 0).toFixed(1);
  console.log(
    `  frame task CPU: median ${at(0.5)} ms, p90 ${at(0.9)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms over ${frameCpu.length} frames`,
  );
  const count = (name: string) => complete.filter((e) => e.name === name).length;
  console.log(
    `${CASE}: ${SECONDS} s traced (${simTime.trim()}), ${frames} animation frames, main thread CPU ${busy.toFixed(0)} ms = ${(busy / Math.max(1, frames)).toFixed(1)} ms/frame (wall ${(wall / Math.max(1, frames)).toFixed(1)} ms/frame)`,
  );
  for (const [k, ms] of [...kinds].sort((a, b) => b[1] - a[1]))
    if (ms / Math.max(1, frames) >= 0.05)
      console.log(
        `  ${k.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / Math.max(1, frames)).toFixed(2).padStart(6)} ms/frame  (${count(k)}×)`,
      );
  return frames;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
