/**
 * Moving the one live simulation along a timeline: re-read it into the store, advance applying
 * the user's waiting actions at their instants, and rebuild from t = 0 (rewind re-simulates).
 * Shared by the simulation slice and the branch commands.
 */
import type { AppliedAction, Scenario } from '../engine';
import { latestDecisions } from './decisions';
import { perfNow, recordCreate, recordStep } from './perf';
import type { GetState, Runtime, SetState } from './runtime';
import type { AppState } from './types';
import { buildViewIndex } from './viewIndex';
import { advanceWithCheckpoints, checkpointsFor } from './checkpoints';

export interface Timeline {
  refresh(extra?: Partial<AppState>, engineStart?: number): void;
  advance(t: number, extra?: Partial<AppState>): void;
  rebuild(scenario: Scenario): void;
  /** A new simulation of `scenario` with `actions` waiting, moved forward to `t`. */
  reset(scenario: Scenario, actions: AppliedAction[], t: number, extra?: Partial<AppState>): void;
}

export function createTimeline(rt: Runtime, set: SetState<AppState>, get: GetState<AppState>): Timeline {
  /** Re-read the engine into the store (new arrays only when something changed). */
  const refresh = (extra: Partial<AppState> = {}, engineStart?: number) => {
    const s = get();
    // Append what is new (the trace only grows between rebuilds, which reset `events` to []).
    const count = rt.sim.eventCount();
    const events =
      count === s.events.length && !extra.horizon
        ? s.events
        : count > s.events.length
          ? s.events.concat(rt.sim.eventsSince(s.events.length))
          : rt.sim.events().slice();
    const { horizon: horizonBase = s.horizon, ...rest } = extra;
    const horizon = events.length >= horizonBase.length ? events : horizonBase;
    const t0 = engineStart ?? perfNow();
    const view = rt.sim.frameView();
    recordStep(perfNow() - t0);
    const decisions = latestDecisions(s.decisions, s.events, events);
    set({ view, index: buildViewIndex(view, s.index), events, horizon, decisions, ...rest });
  };

  /** Move forward to t, applying the user's waiting actions at their own instants on the way. */
  const advance = (t: number, extra: Partial<AppState> = {}) => {
    const { actions, scenario } = get();
    let applied = get().appliedCount;
    const target = Math.min(Math.max(t, rt.sim.now()), scenario.until);
    const t0 = perfNow();
    applied = advanceWithCheckpoints(rt.sim, target, actions, applied, rt.checkpoints ?? null);
    rt.playhead = target;
    refresh({ appliedCount: applied, ...extra }, t0);
  };

  /** Rebuild from t = 0: the engine keeps no snapshots of pending timers, so rewind re-simulates. */
  const rebuild = (scenario: Scenario) => {
    const t0 = perfNow();
    rt.sim = rt.deps.engine.createSimulation(scenario);
    recordCreate(perfNow() - t0);
    rt.playhead = 0;
  };

  const reset: Timeline['reset'] = (scenario, actions, t, extra = {}) => {
    get().pause();
    rebuild(scenario);
    rt.checkpoints = checkpointsFor(rt.deps.engine, scenario);
    set({ scenario, actions, appliedCount: 0, events: [], decisions: {}, horizon: [], expanded: null });
    advance(Math.min(t, scenario.until), extra);
  };

  return { refresh, advance, rebuild, reset };
}
