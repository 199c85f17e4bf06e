/** The `Simulation` API over the cluster coordinator. */
import type { Action, Scenario } from './model/scenario';
import type { Trace } from './model/trace';
import type { AppliedAction, ApplyResult, Simulation, SimulationOptions, SimulationSnapshot } from './api';
import { resolveSemantics } from './semantics';
import { Coordinator } from './coordinator';
import { checkAction } from './actions/registry';
import { buildFinal, buildView } from './cluster/view';
import { FrameViews } from './cluster/frameView';
import { TRACE_FORMAT } from './model/scenario';
import { loadEngine, saveEngine, snapshotMismatch } from './cluster/snapshot';

export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  return wrap(new Coordinator(scenario, resolveSemantics(options.semantics), options.runScript ?? true), []);
}

/**
 * A simulation that continues from a snapshot (`Simulation.snapshot()`, possibly through JSON)
 * exactly as the one it was taken from would: same trace, same `final`, same applied actions.
 * Throws a RangeError naming the reason when the snapshot does not belong to this scenario.
 */
export function restoreSimulation(scenario: Scenario, snapshot: SimulationSnapshot): Simulation {
  const s = snapshot as SimulationSnapshot | null;
  const engine = new Coordinator(
    scenario,
    resolveSemantics(s?.options?.semantics),
    s?.options?.runScript ?? true,
    true,
  );
  const why = snapshotMismatch(engine, snapshot);
  if (why !== null) throw new RangeError(`restoreSimulation: ${why}`);
  loadEngine(engine, snapshot);
  return wrap(
    engine,
    snapshot.applied.map((a) => ({ at: a.at, action: { ...a.action } })),
  );
}

function wrap(engine: Coordinator, applied: AppliedAction[]): Simulation {
  const scenario = engine.scenario;
  let frames: FrameViews | null = null;
  return {
    scenario,
    now: () => engine.now(),
    advanceTo(t: number) {
      if (!Number.isFinite(t)) throw new RangeError(`advanceTo: ${t} is not a finite time`);
      engine.advanceTo(Math.max(engine.now(), Math.floor(t)));
    },
    nextEventTime: () => engine.nextEventTime(),
    check: (action: Action) => checkAction(engine, action),
    apply(action: Action): ApplyResult {
      const res = engine.applyUser(action);
      if (res.applied) applied.push({ at: engine.now(), action });
      return res;
    },
    appliedActions: () => applied,
    view: () => buildView(engine),
    frameView: () => (frames ??= new FrameViews(engine)).frame(),
    final: () => buildFinal(engine),
    events: () => engine.events,
    eventCount: () => engine.events.length,
    eventsSince: (from: number) => engine.events.slice(Math.max(0, from)),
    subscribe: (listener) => engine.subscribe(listener),
    snapshot: () => saveEngine(engine, applied),
  };
}

/**
 * Rewind by deterministic re-simulation: the scenario plus the user actions applied before `t`
 * rebuild exactly the state at `t` (XState does not persist pending timers, statelyai/xstate#5331).
 */
export function replay(
  scenario: Scenario,
  actions: readonly AppliedAction[],
  t: number,
  options: SimulationOptions = {},
): Simulation {
  const sim = createSimulation(scenario, options);
  for (const a of actions) {
    if (a.at > t) break;
    sim.advanceTo(a.at);
    sim.apply(a.action);
  }
  sim.advanceTo(t);
  return sim;
}

/** Run a whole scenario headless and return the contract's trace (the CLI prints it). */
export function runScenario(
  scenario: Scenario,
  until: number = scenario.until,
  options: SimulationOptions = {},
): Trace {
  const sim = createSimulation(scenario, options);
  sim.advanceTo(until);
  return { format: TRACE_FORMAT, scenario: scenario.name, until, events: [...sim.events()], final: sim.final() };
}
