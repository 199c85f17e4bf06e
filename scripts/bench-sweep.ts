/**
 * The sweep's speed (what-if issue §2), printed, not asserted: the default sweep (crashNode,
 * failResource, IsAlive hang over every entity) of the 32-node × 200-group × 5-resource benchmark
 * cluster over 24 simulated hours, faults at 1 h: 32 + 1,000 + 1,000 = 2,032 runs.
 * Run alone with `npm run bench:sweep`; `npm run bench` runs it after the engine benchmark.
 */
import { performance } from 'node:perf_hooks';
import { availableParallelism } from 'node:os';
import { validateScenario } from '../src/engine/index';
import { createForkSource } from '../src/sweep/fork';
import { DEFAULT_TEMPLATES, planRuns } from '../src/sweep/templates';
import { runSlice, type SweepPlan } from '../src/sweep/sweep';
import { runBaseline } from '../src/sweep/run';
import { runInWorkers } from '../src/cli/sweepPool';
import { bigScenario } from './bigScenario';

const HOUR = 3_600_000;
const v = validateScenario(bigScenario(24 * HOUR));
if (!v.ok) throw new Error(v.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
const plan: SweepPlan = { scenario: v.scenario, ats: [HOUR], templates: DEFAULT_TEMPLATES.map((t) => ({ ...t })) };
const runs = planRuns(plan.scenario, plan.templates, plan.ats);
const workers = Number(process.env.SWEEP_WORKERS ?? availableParallelism());
const kind = createForkSource(plan.scenario, plan.ats).kind;

// Peak memory: RSS of the whole process (the worker threads live in it), sampled every 100 ms.
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

console.log(
  `Sweep benchmark: 32 nodes × 200 groups × 5 resources, 24 h, faults at 1 h, ${runs.length} runs, ` +
    `${workers} worker thread(s), forks by ${kind === 'snapshot' ? 'engine snapshot' : 're-simulating the 1 h prefix per run (no snapshot API yet)'}`,
);
{
  // One prefix, for scale: what each run pays before its fault when there is no snapshot.
  const t0 = performance.now();
  runSlice(plan, runs.slice(0, 1));
  console.log(`one run (warm-up, includes the prefix): ${(performance.now() - t0).toFixed(0)} ms`);
}
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let last = 0;
const details =
  workers > 1
    ? await runInWorkers(plan, runs, workers, (done) => {
        if (done - last >= 256) {
          last = done;
          console.log(`  … ${done}/${runs.length} runs, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        }
      })
    : runSlice(plan, runs);
runBaseline(plan.scenario, plan.ats);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const worst = details.reduce(
  (w, d) => {
    const down = Object.values(d.groups).reduce((a, g) => a + g.downMs, 0);
    return down > w.down ? { down, d } : w;
  },
  { down: -1, d: details[0] },
);
console.log(
  `sweep    wall ${(wall / 1000).toFixed(1)} s   runs ${details.length}   runs/s ${(details.length / (wall / 1000)).toFixed(1)}   ` +
    `peak RSS ${(peakRss / 1048576).toFixed(0)} MB (whole process, all threads)`,
);
// CPU time over all threads: on a shared machine the wall time also counts other people's work.
console.log(
  `cpu      ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s over all threads = ${((cpu.user + cpu.system) / 1000 / details.length).toFixed(0)} ms of CPU per run; ` +
    `load average at the end ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
);
console.log(
  `worst run by total group downtime: ${JSON.stringify(worst.d?.fault)} (${(worst.down / 1000).toFixed(1)} s summed over groups)`,
);
console.log(
  `goal: under crm_simulate's 43 s for one node-down → ${wall < 43_000 ? 'met' : 'MISSED'} (${(wall / 1000).toFixed(1)} s)`,
);
