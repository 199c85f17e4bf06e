/** The branch commands: run length, upcoming-action edits, switch, rename, delete, outcomes. */
import type { AppliedAction, Scenario, ScriptEntry } from '../engine';
import { describeAction, formatClock } from './format';
import { branchOutcome, deleteBranch, effectiveSource, sortByAt, type Branch } from './branches';
import type { GetState, Runtime, SetState } from './runtime';
import { forkOrUpdate, withCurrent } from './fork';
import type { Timeline } from './timeline';
import type { AppState, SimulationSlice } from './types';

/** The contract's limit on every time in a scenario (§1: ten years). */
export const MAX_TIME_MS = 315_360_000_000;

const validated = new WeakMap<Branch, { source: unknown; scenario: Scenario }>();

/**
 * The scenario a branch runs, validated by the engine (a script edited in the app or read from a
 * link is checked like a file). The loaded scenario itself when the branch changed neither.
 */
export function scenarioOf(
  rt: Runtime,
  source: unknown,
  base: Scenario,
  b: Branch,
): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  if (b.script === base.script && b.until === base.until) return { ok: true, scenario: base };
  const hit = validated.get(b);
  if (hit && hit.source === source) return { ok: true, scenario: hit.scenario };
  const r = rt.deps.engine.validateScenario(effectiveSource(source, b));
  if (!r.ok) return { ok: false, message: r.errors.map((e) => `${e.path}: ${e.message}`).join('; ') };
  validated.set(b, { source, scenario: r.scenario });
  return { ok: true, scenario: r.scenario };
}

function checkTime(at: number, what: string): string | null {
  if (!Number.isInteger(at) || at < 0) return `${what} must be a whole number of ms, 0 or more (got ${at})`;
  if (at > MAX_TIME_MS) return `${what} must be at most ten years (${MAX_TIME_MS} ms)`;
  return null;
}

type Commands = Pick<
  SimulationSlice,
  'setUntil' | 'editUpcoming' | 'switchBranch' | 'renameBranch' | 'deleteBranch' | 'outcome'
>;

export function branchCommands(rt: Runtime, set: SetState<AppState>, get: GetState<AppState>, tl: Timeline): Commands {
  const current = () => get().branches.find((b) => b.id === get().branchId)!;

  /** Run `next` (the current branch changed) from t = 0 back to now; the branch list from `lists`. */
  const go = (next: Branch, lists: Partial<AppState>): string | null => {
    const s = get();
    const sc = scenarioOf(rt, s.source, s.base, next);
    if (!sc.ok) return sc.message;
    tl.reset(sc.scenario, next.actions, s.view.t, { ...lists, refusal: null });
    return null;
  };

  return {
    setUntil(until) {
      const bad = checkTime(until, 'the run length');
      if (bad) return bad;
      if (until === 0) return 'the run length must be more than 0';
      const s = get();
      const next = { ...current(), until };
      // In place: a longer or shorter run is the same timeline, cut at another instant.
      return go(next, withCurrent(s, { until }));
    },

    editUpcoming(edit) {
      const s = get();
      const cur = current();
      const now = s.view.t;
      let script: ScriptEntry[] = cur.script;
      let actions: AppliedAction[] = cur.actions;
      let label: string;
      let earliest: number;
      if (edit.kind === 'add') {
        const bad = checkTime(edit.at, 'the time');
        if (bad) return bad;
        script = sortByAt([...script, { ...edit.action, at: edit.at }]);
        label = `add ${describeAction(edit.action)} (${formatClock(edit.at)})`;
        earliest = edit.at;
      } else {
        const list: { at: number }[] = edit.source === 'script' ? script : actions;
        const item = list[edit.index];
        if (!item) return 'that action is no longer in the list';
        if (edit.source === 'user' && edit.index < s.appliedCount)
          return 'that action is already applied: rewind before it first';
        const what =
          edit.source === 'script'
            ? describeAction(item as ScriptEntry)
            : describeAction((item as AppliedAction).action);
        earliest = item.at;
        let replaced: { at: number } | null = null;
        if (edit.kind === 'move') {
          const bad = checkTime(edit.at, 'the new time');
          if (bad) return bad;
          replaced = { ...item, at: edit.at };
          earliest = Math.min(item.at, edit.at);
          label = `move ${what} to ${formatClock(edit.at)}`;
        } else label = `remove ${what} (${formatClock(item.at)})`;
        const rest = list.filter((_, i) => i !== edit.index);
        const out = sortByAt(replaced ? [...rest, replaced] : rest);
        if (edit.source === 'script') script = out as ScriptEntry[];
        else actions = out as AppliedAction[];
      }
      // A change before now rewrites what was already seen: always a new branch.
      const lists = forkOrUpdate(s, now, { script, actions }, label, earliest < now);
      const next = lists.branches!.find((b) => b.id === (lists.branchId ?? s.branchId))!;
      return go(next, lists);
    },

    switchBranch(id) {
      const s = get();
      const b = s.branches.find((x) => x.id === id);
      if (!b || id === s.branchId) return;
      const failed = go(b, { branchId: id, notice: null, noticeBranch: null });
      if (failed) set({ notice: `Branch "${b.name}" cannot run: ${failed}`, noticeBranch: null });
    },

    renameBranch(id, name) {
      const clean = name.trim().slice(0, 80);
      if (!clean) return;
      set({ branches: get().branches.map((b) => (b.id === id ? { ...b, name: clean } : b)) });
    },

    deleteBranch(id) {
      const s = get();
      if (s.branches.length === 1 || !s.branches.some((b) => b.id === id)) return;
      if (id === s.branchId) {
        const gone = s.branches.find((b) => b.id === id)!;
        const to = s.branches.find((b) => b.id === gone.parent) ?? s.branches.find((b) => b.id !== id)!;
        get().switchBranch(to.id);
      }
      const after = get();
      set({
        branches: deleteBranch(after.branches, id),
        noticeBranch: after.noticeBranch === id ? null : after.noticeBranch,
      });
    },

    outcome(id) {
      const s = get();
      const b = s.branches.find((x) => x.id === id);
      if (!b) return null;
      const sc = scenarioOf(rt, s.source, s.base, b);
      return sc.ok ? branchOutcome(rt.deps.engine, sc.scenario, b) : null;
    },
  };
}
