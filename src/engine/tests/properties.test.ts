/**
 * Property tests (fast-check): random valid scenarios × random action scripts keep the engine's
 * invariants (engineering guide) and never throw; re-runs are byte-identical.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, runScenario, validateScenario, type Scenario, type Simulation } from '../index';
import { effectiveFailoverThreshold, HOUR_MS } from '../policies/windows';
import { providersSatisfied } from '../policies/dependencies';
import { scenarioArb } from '../testing/arbitraries';

function validOrThrow(json: unknown): Scenario {
  const v = validateScenario(json);
  if (!v.ok) throw new Error('generator made an invalid scenario: ' + JSON.stringify(v.errors));
  return v.scenario;
}

/** No resource is Online while a required provider is not; every running resource is on a live node. */
function checkInstant(sim: Simulation): void {
  const view = sim.view();
  const state = new Map(view.resources.map((r) => [r.name, r.state]));
  for (const g of sim.scenario.groups) {
    for (const r of g.resources) {
      if (state.get(r.name) === 'Online') {
        expect(
          providersSatisfied(r.dependsOn, (p) => state.get(p) === 'Online'),
          `${r.name} Online without its providers at ${view.t}`,
        ).toBe(true);
      }
    }
  }
  for (const r of view.resources) {
    if (r.state === 'Online' || r.state.endsWith('Pending')) {
      const n = view.nodes.find((x) => x.name === r.node);
      expect(n && (n.state === 'Up' || n.state === 'Paused'), `${r.name} running on ${r.node} at ${view.t}`).toBe(true);
    }
  }
}

describe('engine properties', () => {
  it('the generator is not vacuous: its scenarios fail over, recycle monitors, exhaust thresholds and lose quorum', () => {
    const seen = new Set<string>();
    for (const json of fc.sample(scenarioArb, { numRuns: 150, seed: 20261122 })) {
      for (const e of runScenario(validOrThrow(json)).events) seen.add(e.type === 'policy' ? e.rule : e.type);
    }
    for (const k of [
      'FailoverStarted',
      'RestartThresholdExceeded',
      'FailoverThresholdExceeded',
      'NoTargetNode',
      'QuorumLost',
      'rhs.recycle',
      'action.rejected',
      'group.owner',
    ]) {
      expect(seen, k).toContain(k);
    }
  });

  it('random scenarios and scripts keep the invariants and never throw', () => {
    fc.assert(
      fc.property(scenarioArb, (json) => {
        const scenario = validOrThrow(json);
        const sim = createSimulation(scenario);
        checkInstant(sim);
        for (let guard = 0; guard < 5000; guard++) {
          const next = sim.nextEventTime();
          if (next === null || next > scenario.until) break;
          sim.advanceTo(next);
          checkInstant(sim);
        }
        sim.advanceTo(scenario.until);
        // Failovers started in any FailoverPeriod window never exceed FailoverThreshold.
        for (const g of scenario.groups) {
          const starts = sim
            .events()
            .filter((e) => e.type === 'policy' && e.rule === 'FailoverStarted' && e.subject === g.name)
            .map((e) => e.t);
          const threshold = effectiveFailoverThreshold(g.properties.FailoverThreshold, scenario.nodes.length);
          for (const t of starts) {
            const inWindow = starts.filter((x) => x > t - g.properties.FailoverPeriod * HOUR_MS && x <= t).length;
            expect(inWindow).toBeLessThanOrEqual(threshold);
          }
        }
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });

  it('re-runs give byte-identical traces, and stepping in small increments equals one big step', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1000, max: 90000 }), (json, step) => {
        const scenario = validOrThrow(json);
        const a = JSON.stringify(runScenario(scenario));
        const b = JSON.stringify(runScenario(validOrThrow(json)));
        expect(a).toBe(b);
        const sim = createSimulation(scenario);
        for (let t = 0; t < scenario.until; t += step) sim.advanceTo(t);
        sim.advanceTo(scenario.until);
        expect(JSON.stringify(sim.events())).toBe(JSON.stringify(JSON.parse(a).events));
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
