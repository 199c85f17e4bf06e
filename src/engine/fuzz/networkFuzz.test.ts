/**
 * The network fuzzer in the test suite: seeded random network-mode scenarios (networkGen.ts:
 * partitions, network and interface failures, graceful stops, sites, witness failures, multi-subnet
 * roles) run through the engine's public API and checked against networks.md (networkChecks.ts and
 * its route model; run.ts: reruns, stepwise advanceTo, bounded work). A failure is shrunk by
 * fast-check and printed; `npm run fuzz -- --networks --seed 20261127` runs thousands.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatViolation } from './checker';
import { buildNetworkScenario, networkSeedArb } from './networkGen';
import { runNetworkCase } from './networkRun';

const SEED = 20261127;
const RUNS = 300;

describe('network fuzz: random network scenarios keep networks.md', () => {
  it(`${RUNS} seeded cases break no rule, and reach the paths the checker models`, () => {
    const coverage = new Map<string, number>();
    const result = fc.check(
      fc.property(networkSeedArb, (seed) => {
        const r = runNetworkCase(buildNetworkScenario(seed));
        for (const c of r.coverage) coverage.set(c, (coverage.get(c) ?? 0) + 1);
        return r.violations.length === 0;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    let report = '';
    if (result.failed) {
      // The shrunk counterexample: its violations and the scenario (save it, `npm run simulate -- FILE`).
      const json = buildNetworkScenario(result.counterexample![0]);
      const vs = runNetworkCase(json).violations;
      report = `${vs.slice(0, 10).map(formatViolation).join('\n')}\n${JSON.stringify(json)}`;
    }
    expect(report, 'shrunk counterexample').toBe('');
    // The cases reach the rules the route model checks (counts vary with the generator, not zero).
    for (const path of [
      'regroup',
      'regroup: no core wins',
      'regroup: two cores with equal votes',
      'regroup: the witness vote decides',
      'regroup: witness on the losing side',
      'rejoin',
      'join failed: not linked',
      'forming: QuorumRegained',
      'detection: route rule (not SF instant)',
      'stop departure',
      'IP failed: cut',
      'IP not allowed on the owner: left Offline',
      'interface Failed',
      'network Down',
      'partition: even split',
    ])
      expect(coverage.get(path) ?? 0, path).toBeGreaterThan(0);
    // About 1 s alone; generous for a machine shared by several test runs (as fuzz.test.ts).
  }, 60_000);
});
