/**
 * Where a run starts: a simulation standing at AT after the scenario's own actions of AT, before
 * the added fault (sweep-format.md §2). Applying the fault there as a user action is the same as
 * placing it in the script after every entry with at ≤ AT: the engine applies script entries of an
 * instant after its own timers, and a user action after everything already done at that instant.
 *
 * Two ways to get there: re-simulating the common prefix per run (what the engine offers today), or
 * restoring a snapshot taken once at AT (`sim.snapshot()` / `restoreSimulation(scenario, snap)`,
 * being added to the engine). `createForkSource` picks the snapshot path when the engine has it.
 */
import * as engine from '../engine';
import type { GroupState, Scenario, Simulation, SimulationOptions } from '../engine';
import { statesAt } from './downtime';

export interface Fork {
  sim: Simulation;
  /** Each group's state at AT before the fault (the last `group.state` with time ≤ AT). */
  statesAtFork: ReadonlyMap<string, GroupState>;
}

export interface ForkSource {
  readonly kind: 'resimulate' | 'snapshot';
  /** A fresh simulation standing at `at`, the scenario's own actions of `at` done, nothing added. */
  forkAt(at: number): Fork;
}

/** Re-simulate the prefix for each fork. Exact, and the cost of the prefix is paid per run. */
export function resimulationForks(scenario: Scenario, options: SimulationOptions = {}): ForkSource {
  const groups = scenario.groups.map((g) => g.name);
  const states = new Map<number, Map<string, GroupState>>();
  return {
    kind: 'resimulate',
    forkAt(at) {
      const sim = engine.createSimulation(scenario, options);
      sim.advanceTo(at);
      let s = states.get(at);
      if (!s) states.set(at, (s = statesAt(sim.events(), at, groups)));
      return { sim, statesAtFork: s };
    },
  };
}

export interface SnapshotApi {
  restoreSimulation(scenario: Scenario, snapshot: unknown, options?: SimulationOptions): Simulation;
}
type Snapshotting = Simulation & { snapshot(): unknown };

/**
 * Simulate the prefix once, snapshot at each instant (in increasing order), and restore a fresh
 * simulation from the snapshot for each run. Returns null when the engine has no snapshot API yet.
 */
export function snapshotForks(
  scenario: Scenario,
  ats: readonly number[],
  options: SimulationOptions = {},
  // The engine by default; tests pass a stand-in to exercise this path before the engine has one.
  api: Partial<SnapshotApi> & {
    createSimulation?: typeof engine.createSimulation;
  } = engine,
): ForkSource | null {
  if (typeof api.restoreSimulation !== 'function') return null;
  const restore = api.restoreSimulation;
  const groups = scenario.groups.map((g) => g.name);
  const base = (api.createSimulation ?? engine.createSimulation)(scenario, options) as Snapshotting;
  if (typeof base.snapshot !== 'function') return null;
  const snaps = new Map<number, { snap: unknown; states: Map<string, GroupState> }>();
  for (const at of [...new Set(ats)].sort((a, b) => a - b)) {
    base.advanceTo(at);
    snaps.set(at, { snap: base.snapshot(), states: statesAt(base.events(), at, groups) });
  }
  return {
    kind: 'snapshot',
    forkAt(at) {
      const s = snaps.get(at);
      if (!s) throw new RangeError(`no snapshot was taken at ${at}`);
      return { sim: restore(scenario, s.snap, options), statesAtFork: s.states };
    },
  };
}

export function createForkSource(
  scenario: Scenario,
  ats: readonly number[],
  options: SimulationOptions = {},
): ForkSource {
  return snapshotForks(scenario, ats, options) ?? resimulationForks(scenario, options);
}
