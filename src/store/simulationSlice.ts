/** Scenario loading, the simulation projection, time travel by re-simulation, and actions. */
import type { AppliedAction } from '../engine/api';
import type { Action, Scenario } from '../engine/model/scenario';
import { describeAction } from '../app/format';
import type { GetState, Runtime, SetState } from './runtime';
import type { AppState, SimulationSlice } from './types';
import { buildViewIndex } from './viewIndex';
import { latestDecisions } from './decisions';
import { perfNow, recordCreate, recordStep } from './perf';
import { advanceWithCheckpoints, CheckpointCache, restoreBefore } from './checkpoints';
import { fileTooLarge, scenarioTooLarge } from './limits';

/** A fresh checkpoint cache for a newly loaded scenario (none when the engine cannot restore). */
const newCheckpoints = (rt: Runtime, scenario: Scenario) =>
  rt.deps.engine.restoreSimulation ? CheckpointCache.forScenario(scenario) : undefined;

type Own = Omit<
  SimulationSlice,
  | 'loadScenario'
  | 'loadScenarioText'
  | 'seek'
  | 'stepToNextEvent'
  | 'runToEnd'
  | 'check'
  | 'apply'
  | 'nextEventTime'
  | 'dismissLoadError'
  | 'dismissNotice'
>;

/** Validate the initial scenario; the app cannot start without one. */
export function initialSimulationState(
  rt: Runtime,
  source: unknown,
  validated?: Scenario,
): { own: Own; scenario: Scenario } {
  // The caller may have validated already (bootstrap does, to pick a candidate): 60-100 ms for 1,000 resources.
  const r = validated ? { ok: true as const, scenario: validated } : rt.deps.engine.validateScenario(source);
  if (!r.ok)
    throw new Error(`initial scenario is invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const t0 = perfNow();
  rt.sim = rt.deps.engine.createSimulation(r.scenario);
  recordCreate(perfNow() - t0);
  rt.playhead = 0;
  rt.checkpoints = newCheckpoints(rt, r.scenario);
  const events = rt.sim.events().slice();
  const view = rt.sim.view();
  return {
    scenario: r.scenario,
    own: {
      source,
      scenario: r.scenario,
      view,
      index: buildViewIndex(view),
      decisions: latestDecisions({}, [], events),
      events,
      horizon: events,
      actions: [],
      appliedCount: 0,
      loadError: null,
      notice: null,
      refusal: null,
    },
  };
}

export function createSimulationSlice(rt: Runtime, set: SetState<AppState>, get: GetState<AppState>) {
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
    const view = rt.sim.view();
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

  const slice: Omit<SimulationSlice, keyof Own> = {
    loadScenario(source, opts = {}) {
      const tooLarge = scenarioTooLarge(source);
      if (tooLarge) {
        set({ loadError: { origin: opts.origin ?? 'scenario', issues: [{ path: '(scenario)', message: tooLarge }] } });
        return false;
      }
      const r = rt.deps.engine.validateScenario(source);
      if (!r.ok) {
        set({ loadError: { origin: opts.origin ?? 'scenario', issues: r.errors } });
        return false;
      }
      get().pause();
      rebuild(r.scenario);
      rt.checkpoints = newCheckpoints(rt, r.scenario);
      set({
        source,
        scenario: r.scenario,
        actions: (opts.actions ?? []).slice().sort((a, b) => a.at - b.at),
        appliedCount: 0,
        events: [],
        decisions: {},
        horizon: [],
        loadError: null,
        notice: null,
        refusal: null,
        selected: null,
      });
      advance(opts.t ?? 0);
      return true;
    },

    loadScenarioText(text, origin) {
      const tooLarge = fileTooLarge(text);
      if (tooLarge) {
        set({ loadError: { origin, issues: [{ path: '(file)', message: tooLarge }] } });
        return false;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        set({
          loadError: { origin, issues: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }] },
        });
        return false;
      }
      return get().loadScenario(json, { origin });
    },

    seek(t) {
      const target = Math.round(Math.min(Math.max(0, t), get().scenario.until));
      const restore = rt.deps.engine.restoreSimulation;
      const cp =
        target < rt.sim.now() && rt.checkpoints && restore && restoreBefore(rt.checkpoints, target, rt.sim, restore);
      if (cp) {
        // The latest checkpoint before the target: at most one interval to re-simulate.
        rt.sim = cp.sim;
        rt.playhead = cp.sim.now();
        set({ appliedCount: cp.appliedCount, events: [], decisions: {} });
      } else if (target < rt.sim.now()) {
        rebuild(get().scenario);
        // The waiting actions stay: moving forward again replays them at their instants.
        set({ appliedCount: 0, events: [], decisions: {} });
      }
      advance(target);
    },

    stepToNextEvent() {
      const next = get().nextEventTime();
      if (next !== null) advance(next);
    },

    runToEnd() {
      get().pause();
      advance(get().scenario.until);
    },

    nextEventTime() {
      const { actions, appliedCount, scenario } = get();
      const engineNext = rt.sim.nextEventTime();
      const userNext = appliedCount < actions.length ? actions[appliedCount].at : null;
      const candidates = [engineNext, userNext].filter((x): x is number => x !== null && x <= scenario.until);
      return candidates.length ? Math.max(Math.min(...candidates), rt.sim.now()) : null;
    },

    check(action) {
      return rt.sim.check(action);
    },

    apply(action: Action) {
      const verdict = rt.sim.check(action);
      if (!verdict.allowed) {
        set({ refusal: { action, reason: verdict.reason } });
        return verdict;
      }
      const { actions, appliedCount } = get();
      const dropped = actions.length - appliedCount;
      const now = rt.sim.now();
      const result = rt.sim.apply(action);
      if (!result.applied) {
        set({ refusal: { action, reason: result.reason } });
        refresh();
        return { allowed: false, reason: result.reason };
      }
      rt.checkpoints?.forgetAfter(now);
      const kept: AppliedAction[] = actions.slice(0, appliedCount);
      kept.push({ at: now, action });
      // Acting changes the future: what we knew beyond now no longer holds (a fork).
      refresh({
        actions: kept,
        appliedCount: kept.length,
        horizon: [],
        refusal: null,
        notice:
          dropped > 0
            ? `${dropped} later action${dropped === 1 ? '' : 's'} dropped (you acted in the past: ${describeAction(action)})`
            : get().notice,
      });
      return verdict;
    },

    dismissLoadError: () => set({ loadError: null }),
    dismissNotice: () => set({ notice: null }),
  };
  return slice;
}
