/**
 * Engine state as data (issue 8 item 3): a snapshot taken at any instant, written to JSON and read
 * back, continues exactly as the simulation it was taken from: same trace, same `final`, same
 * view, same applied actions, whether the actions come from the script or from a user.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createSimulation,
  restoreSimulation,
  runScenario,
  validateScenario,
  type Scenario,
  type Simulation,
  type SimulationSnapshot,
} from '../index';
import { scenarioArb } from '../testing/arbitraries';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const loadExample = (file: string): Scenario => validOrThrow(JSON.parse(readFileSync(dir + file, 'utf8')));

function validOrThrow(json: unknown): Scenario {
  const v = validateScenario(json);
  if (!v.ok) throw new Error('generator made an invalid scenario: ' + JSON.stringify(v.errors));
  return v.scenario;
}

const throughJson = (s: SimulationSnapshot): SimulationSnapshot => JSON.parse(JSON.stringify(s)) as SimulationSnapshot;

/** The script's entries applied by a "user" instead, up to `until`, each at its own instant. */
function applyUser(sim: Simulation, entries: readonly Scenario['script'][number][], until: number): void {
  for (const { at, ...action } of entries) {
    if (at > until) break;
    sim.advanceTo(at);
    sim.apply(action);
  }
  sim.advanceTo(until);
}

describe('snapshot and restore', () => {
  it('a scenario script: cut anywhere, JSON round trip, restore, run on = a straight run', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1_200_000 }), (json, cut) => {
        const scenario = validOrThrow(json);
        const straight = runScenario(scenario);
        const sim = createSimulation(scenario);
        sim.advanceTo(cut);
        const restored = restoreSimulation(scenario, throughJson(sim.snapshot()));
        expect(restored.now()).toBe(sim.now());
        expect(JSON.stringify(restored.view())).toBe(JSON.stringify(sim.view()));
        restored.advanceTo(scenario.until);
        expect(JSON.stringify(restored.events())).toBe(JSON.stringify(straight.events));
        expect(JSON.stringify(restored.final())).toBe(JSON.stringify(straight.final));
      }),
      { numRuns: 150, seed: 8 },
    );
  });

  it('user actions: cut between or right after them, and the restored run keeps and extends appliedActions', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1_200_000 }), (json, cut) => {
        const scenario = validOrThrow(json);
        const entries = [...scenario.script];
        const straight = createSimulation(scenario, { runScript: false });
        applyUser(straight, entries, scenario.until);

        const first = createSimulation(scenario, { runScript: false });
        applyUser(first, entries, cut);
        // Actions applied at the cut instant itself are in the snapshot; later ones are applied after restore.
        const restored = restoreSimulation(scenario, throughJson(first.snapshot()));
        applyUser(
          restored,
          entries.filter((e) => e.at > cut),
          scenario.until,
        );
        expect(JSON.stringify(restored.events())).toBe(JSON.stringify(straight.events()));
        expect(JSON.stringify(restored.final())).toBe(JSON.stringify(straight.final()));
        expect(restored.appliedActions()).toEqual(straight.appliedActions());
        expect(JSON.stringify(restored.view())).toBe(JSON.stringify(straight.view()));
      }),
      { numRuns: 150, seed: 9 },
    );
  });

  it('a snapshot is a copy: the simulation it came from runs on without changing it', () => {
    const scenario = loadExample('restart-then-failover.json');
    const sim = createSimulation(scenario);
    sim.advanceTo(20_000);
    const snap = sim.snapshot();
    const before = JSON.stringify(snap);
    sim.advanceTo(scenario.until);
    expect(JSON.stringify(snap)).toBe(before);
    const restored = restoreSimulation(scenario, snap);
    restored.advanceTo(scenario.until);
    expect(JSON.stringify(restored.events())).toBe(JSON.stringify(sim.events()));
  });

  it('a snapshot of another scenario, or not a snapshot, is refused with the reason', () => {
    const a = loadExample('restart-then-failover.json');
    const b = loadExample('sql-fci-three-nodes.json');
    const snap = createSimulation(a).snapshot();
    expect(() => restoreSimulation(b, snap)).toThrow(/snapshot is of scenario/);
    expect(() => restoreSimulation(a, { ...snap, counts: [1, 1, 1] })).toThrow(/has 1 nodes, 1 groups and 1 resources/);
    expect(() => restoreSimulation(a, { format: 'x' } as unknown as SimulationSnapshot)).toThrow(
      /not a simulation snapshot/,
    );
  });

  it('semantics options travel with the snapshot', () => {
    const scenario = loadExample('restart-then-failover.json');
    const options = {
      semantics: { restartWindow: 'sliding' as const, dependentsOnProviderFailure: 'Failed' as const },
    };
    const sim = createSimulation(scenario, options);
    sim.advanceTo(10_000);
    const restored = restoreSimulation(scenario, throughJson(sim.snapshot()));
    restored.advanceTo(scenario.until);
    expect(JSON.stringify(restored.events())).toBe(
      JSON.stringify(runScenario(scenario, scenario.until, options).events),
    );
  });

  it('the seeded draw continues where it was (node loss without preferred owners, §4.5)', () => {
    const nodes = ['N1', 'N2', 'N3', 'N4', 'N5'].map((name) => ({ name }));
    const groups = Array.from({ length: 6 }, (_, i) => ({ name: `G${i}`, resources: [{ name: `R${i}` }] }));
    const script = [];
    for (let k = 0; k < 8; k++) {
      const node = nodes[k % 5]!.name;
      script.push({ at: 10_000 + k * 60_000, action: 'crashNode', node });
      script.push({ at: 40_000 + k * 60_000, action: 'startNode', node });
    }
    const scenario = validOrThrow({
      format: 'failover-scenario@1',
      name: 'draws',
      seed: 3,
      until: 600_000,
      nodes,
      groups,
      script,
    });
    const straight = runScenario(scenario);
    const sim = createSimulation(scenario);
    sim.advanceTo(130_000);
    const restored = restoreSimulation(scenario, throughJson(sim.snapshot()));
    restored.advanceTo(scenario.until);
    expect(JSON.stringify(restored.events())).toBe(JSON.stringify(straight.events));
  });
});
