/**
 * The big-input benchmark (issue 7 item 3), run in a child process of `npm run bench` so its peak
 * memory is its own: 8 nodes × 2,000 groups × 50-resource chains, one node crash, one hour.
 * Prints one JSON line: milliseconds to validate, create and run, the events, the peak RSS.
 */
import { performance } from 'node:perf_hooks';
import { createSimulation, validateScenario } from '../src/engine/index';
import { hugeScenario } from './hugeScenario';

const rssBefore = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const v = validateScenario(hugeScenario(3_600_000));
if (!v.ok) throw new Error(v.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
const t1 = performance.now();
const sim = createSimulation(v.scenario);
const t2 = performance.now();
sim.advanceTo(3_600_000);
const t3 = performance.now();
const online = Object.values(sim.final().groups).filter((g) => g.state === 'Online').length;
console.log(
  JSON.stringify({
    validateMs: t1 - t0,
    createMs: t2 - t1,
    runMs: t3 - t2,
    events: sim.eventCount(),
    online,
    cpuMs: (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1000,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    startRssMB: rssBefore / 1048576,
  }),
);
