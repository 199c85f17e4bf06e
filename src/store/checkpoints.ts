/**
 * Seek checkpoints: while the store advances the simulation it keeps an engine snapshot every
 * `interval` of simulated time, so a seek backwards restores the latest one before the target and
 * re-simulates at most one interval, instead of everything from t = 0 (issue 8 item 3).
 *
 * A checkpoint holds the engine snapshot without its trace (the events before it are a prefix of
 * the current run's, taken back from the live simulation on restore), so a cache of many costs
 * little memory. Only the future can change (a user action forks the timeline at `now`), so
 * acting drops the checkpoints after that instant and keeps the rest.
 */
import type { AppliedAction, Simulation, SimulationSnapshot, Scenario } from '../engine';

export interface Checkpoint {
  t: number;
  /** How many of the timeline's user actions were applied when it was taken. */
  appliedCount: number;
  eventCount: number;
  /** The engine snapshot, its `events` left empty. */
  snapshot: SimulationSnapshot;
}

/** A fresh cache for a new timeline (a loaded scenario or another branch); none without restore. */
export function checkpointsFor(
  engine: { restoreSimulation?: unknown },
  scenario: Scenario,
): CheckpointCache | undefined {
  return engine.restoreSimulation ? CheckpointCache.forScenario(scenario) : undefined;
}

/** How many checkpoints a run of the whole scenario leaves: a seek re-simulates at most until/COUNT. */
export const CHECKPOINTS_PER_RUN = 96;
/**
 * Entity records (nodes, groups, resources) kept over all checkpoints of a run, at a few hundred
 * bytes each: a big cluster gets fewer, wider-spaced checkpoints (at least 8).
 */
export const RECORD_BUDGET = 250_000;

export class CheckpointCache {
  private list: Checkpoint[] = [];

  /**
   * @param interval simulated ms between checkpoints at most
   * @param eventBudget a dense stretch gets an extra checkpoint after this many events (checked
   *   eight times per interval), so a seek rarely re-simulates much more than that
   * @param maxExtra how many such extra checkpoints at most (memory)
   */
  constructor(
    readonly interval: number,
    readonly eventBudget = Infinity,
    readonly maxExtra = 0,
  ) {}
  private extra = 0;

  static forScenario(scenario: Scenario): CheckpointCache {
    const entities = scenario.nodes.length + scenario.groups.reduce((n, g) => n + 1 + g.resources.length, 0) || 1;
    const count = Math.max(8, Math.min(CHECKPOINTS_PER_RUN, Math.floor(RECORD_BUDGET / entities)));
    // Re-simulating an event costs about as much as copying ten entity records (measured on the
    // benchmark scenario), so a dense stretch gets a checkpoint every entities/10 events, within
    // the same memory budget again.
    return new CheckpointCache(
      Math.max(1_000, Math.ceil(scenario.until / count)),
      Math.max(200, Math.ceil(entities / 10)),
      count,
    );
  }

  /** Is a checkpoint due: an interval since the last one, or a dense stretch of events? */
  due(sim: Simulation): boolean {
    const last = this.list[this.list.length - 1];
    if (sim.now() - (last?.t ?? 0) >= this.interval) return true;
    if (this.extra >= this.maxExtra || sim.eventCount() - (last?.eventCount ?? 0) < this.eventBudget) return false;
    this.extra++;
    return true;
  }

  get size(): number {
    return this.list.length;
  }

  /** The latest checkpoint at or before t. */
  before(t: number): Checkpoint | null {
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i]!.t <= t) return this.list[i]!;
    return null;
  }

  /** The timeline changed after t (an action applied at t): later checkpoints no longer hold. */
  forgetAfter(t: number): void {
    while (this.list.length && this.list[this.list.length - 1]!.t > t) this.list.pop();
    this.extra = Math.min(this.extra, this.list.length);
  }

  /** Keep a checkpoint of the simulation as it stands (after everything at its instant). */
  take(sim: Simulation, appliedCount: number): void {
    const t = sim.now();
    const last = this.list[this.list.length - 1];
    if (last && last.t >= t) return;
    const snapshot = sim.snapshot();
    const eventCount = snapshot.events.length;
    snapshot.events = [];
    this.list.push({ t, appliedCount, eventCount, snapshot });
  }
}

/**
 * Advance `sim` to `target`, applying the waiting user actions at their own instants and keeping a
 * checkpoint whenever one is due, looking at each eighth of the interval. Returns the new applied count.
 */
export function advanceWithCheckpoints(
  sim: Simulation,
  target: number,
  actions: readonly AppliedAction[],
  applied: number,
  cache: CheckpointCache | null,
): number {
  for (;;) {
    const step = cache ? Math.max(1, Math.floor(cache.interval / 8)) : Infinity;
    const nextMark = cache ? Math.floor(sim.now() / step) * step + step : Infinity;
    const stop = Math.min(target, nextMark);
    while (applied < actions.length && actions[applied]!.at <= stop) {
      sim.advanceTo(actions[applied]!.at);
      sim.apply(actions[applied]!.action);
      applied++;
    }
    sim.advanceTo(stop);
    if (stop === nextMark && cache?.due(sim)) cache.take(sim, applied);
    if (stop >= target) return applied;
  }
}

/**
 * A simulation at the latest checkpoint at or before t, continued from `current` (the live run on
 * the same timeline, which holds the events before the checkpoint), or null when there is none.
 */
export function restoreBefore(
  cache: CheckpointCache,
  t: number,
  current: Simulation,
  restore: (scenario: Scenario, snapshot: SimulationSnapshot) => Simulation,
): { sim: Simulation; appliedCount: number } | null {
  const cp = cache.before(t);
  if (!cp || cp.eventCount > current.eventCount()) return null;
  const events = current.events().slice(0, cp.eventCount);
  return { sim: restore(current.scenario, { ...cp.snapshot, events }), appliedCount: cp.appliedCount };
}
