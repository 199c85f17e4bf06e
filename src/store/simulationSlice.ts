/** Scenario loading, the simulation projection, time travel by re-simulation, and actions. */
import { readScenarioJson, type AppliedAction, type Action, type Scenario } from '../engine';
import { describeAction } from './format';
import type { GetState, Runtime, SetState } from './runtime';
import type { AppState, SimulationSlice } from './types';
import { buildViewIndex } from './viewIndex';
import { latestDecisions } from './decisions';
import { perfNow, recordCreate } from './perf';
import { firstBranch, sortByAt } from './branches';
import { forkOrUpdate } from './fork';
import { createTimeline } from './timeline';
import { carryActions } from './carry';
import { branchCommands, scenarioOf } from './branchSlice';
import { checkpointsFor, restoreBefore } from './checkpoints';
import { fileTooLarge, scenarioTooLarge } from './limits';

type Own = Pick<
  SimulationSlice,
  | 'source'
  | 'base'
  | 'scenario'
  | 'branches'
  | 'branchId'
  | 'view'
  | 'index'
  | 'events'
  | 'decisions'
  | 'horizon'
  | 'actions'
  | 'appliedCount'
  | 'loadError'
  | 'notice'
  | 'noticeBranch'
  | 'refusal'
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
  rt.checkpoints = checkpointsFor(rt.deps.engine, r.scenario);
  const events = rt.sim.events().slice();
  const view = rt.sim.frameView();
  const main = firstBranch(r.scenario);
  return {
    scenario: r.scenario,
    own: {
      source,
      base: r.scenario,
      scenario: r.scenario,
      branches: [main],
      branchId: main.id,
      view,
      index: buildViewIndex(view),
      decisions: latestDecisions({}, [], events),
      events,
      horizon: events,
      actions: [],
      appliedCount: 0,
      loadError: null,
      notice: null,
      noticeBranch: null,
      refusal: null,
    },
  };
}

export function createSimulationSlice(rt: Runtime, set: SetState<AppState>, get: GetState<AppState>) {
  const tl = createTimeline(rt, set, get);
  const { refresh, advance, rebuild } = tl;

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
      const prev = get();
      let actions = sortByAt(opts.actions ?? []);
      let notice: string | null = null;
      let t = opts.t ?? 0;
      if (opts.carry) {
        const carried = carryActions(prev.actions, r.scenario);
        actions = carried.kept;
        const others = prev.branches.length - 1;
        // The other branches ran the scenario as it was before Design: they are not carried, and the user is told.
        const closed = others
          ? `${others} other branch${others === 1 ? '' : 'es'} of the earlier scenario ${others === 1 ? 'was' : 'were'} closed.`
          : null;
        notice = [carried.notice, closed].filter(Boolean).join(' ') || null;
        t = Math.min(prev.view.t, r.scenario.until);
      }
      const main = firstBranch(r.scenario, actions);
      let branches = [main];
      let branchId = main.id;
      let scenario = r.scenario;
      if (opts.branches?.length) {
        const b = opts.branches.find((x) => x.id === opts.branchId) ?? opts.branches[0]!;
        const sc = scenarioOf(rt, source, r.scenario, b);
        if (sc.ok) {
          branches = opts.branches;
          branchId = b.id;
          actions = b.actions;
          scenario = sc.scenario;
        } else {
          notice = `The branches could not be restored (branch "${b.name}": ${sc.message}); the scenario opened as loaded.`;
        }
      }
      get().pause();
      rebuild(scenario);
      rt.checkpoints = checkpointsFor(rt.deps.engine, scenario);
      set({
        source,
        base: r.scenario,
        scenario,
        branches,
        branchId,
        actions,
        appliedCount: 0,
        events: [],
        decisions: {},
        horizon: [],
        loadError: null,
        notice,
        noticeBranch: null,
        refusal: null,
        // Carried over from Design, the selection still means something; a new scenario clears it.
        selected: opts.carry ? prev.selected : null,
        expanded: null,
      });
      advance(t);
      return true;
    },

    loadScenarioText(file, origin) {
      const tooLarge = fileTooLarge(file);
      if (tooLarge) {
        set({ loadError: { origin, issues: [{ path: '(file)', message: tooLarge }] } });
        return false;
      }
      // The engine's reader: not UTF-8, not JSON, or a key repeated in an object is refused with
      // the place named (scenario-format §1), as the CLI does.
      const read = readScenarioJson(file);
      if (!read.ok) {
        set({ loadError: { origin, issues: read.errors } });
        return false;
      }
      return get().loadScenario(read.json, { origin });
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
      const userNext = appliedCount < actions.length ? actions[appliedCount]!.at : null;
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
      const before = get();
      const now = rt.sim.now();
      const result = rt.sim.apply(action);
      if (!result.applied) {
        set({ refusal: { action, reason: result.reason } });
        refresh();
        return { allowed: false, reason: result.reason };
      }
      rt.checkpoints?.forgetAfter(now);
      const kept: AppliedAction[] = before.actions.slice(0, before.appliedCount);
      kept.push({ at: now, action });
      // What we knew beyond now no longer holds on this timeline; the old one stays a branch.
      refresh({
        ...forkOrUpdate(before, now, { actions: kept }, describeAction(action)),
        actions: kept,
        appliedCount: kept.length,
        horizon: [],
        refusal: null,
        expanded: null,
      });
      return verdict;
    },

    dismissLoadError: () => set({ loadError: null }),
    dismissNotice: () => set({ notice: null, noticeBranch: null }),
    ...branchCommands(rt, set, get, tl),
  };
  return slice;
}
