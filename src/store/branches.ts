/**
 * Branches instead of dropped futures (issue 9 item 6). A branch is everything that makes one
 * timeline of the loaded scenario: the user's actions with their times, the scenario's script as
 * edited in Simulate, and the run length. Re-simulation is deterministic, so these few numbers are
 * the whole branch; the trace is rebuilt on demand.
 */
import type { AppliedAction, Scenario, ScriptEntry, GroupState } from '../engine';
import type { EngineApi } from './engineApi';

export interface Branch {
  id: string;
  name: string;
  /** The branch this one was forked from (null for the first). */
  parent: string | null;
  /** Simulated time of the fork (0 for the first branch). */
  forkedAt: number;
  actions: AppliedAction[];
  script: ScriptEntry[];
  until: number;
}

export function firstBranch(scenario: Scenario, actions: AppliedAction[] = []): Branch {
  return {
    id: 'b1',
    name: 'main',
    parent: null,
    forkedAt: 0,
    actions: sortByAt(actions),
    script: scenario.script,
    until: scenario.until,
  };
}

export function sortByAt<T extends { at: number }>(xs: readonly T[]): T[] {
  // Stable: entries of one instant keep their order (the script's file order is meaningful).
  return xs.slice().sort((a, b) => a.at - b.at);
}

/** The scenario a branch runs: the loaded one with the branch's script and run length. */
export function effectiveScenario(base: Scenario, b: Pick<Branch, 'script' | 'until'>): Scenario {
  return b.script === base.script && b.until === base.until ? base : { ...base, script: b.script, until: b.until };
}

/** The raw scenario JSON a branch corresponds to (for Design mode and share links). */
export function effectiveSource(source: unknown, b: Pick<Branch, 'script' | 'until'>): unknown {
  if (typeof source !== 'object' || source === null) return source;
  return { ...source, script: b.script, until: b.until };
}

export function nextBranchId(branches: readonly Branch[]): string {
  const max = branches.reduce((m, b) => Math.max(m, Number(b.id.slice(1)) || 0), 0);
  return `b${max + 1}`;
}

/** Remove a branch; its children are re-attached to its parent. The last branch cannot go. */
export function deleteBranch(branches: readonly Branch[], id: string): Branch[] {
  const gone = branches.find((b) => b.id === id);
  if (!gone || branches.length === 1) return branches.slice();
  return branches
    .filter((b) => b.id !== id)
    .map((b) => (b.parent === id ? { ...b, parent: gone.parent, forkedAt: b.forkedAt } : b));
}

/** Depth of each branch in the tree (for indenting the list). */
export function branchDepths(branches: readonly Branch[]): Record<string, number> {
  const byId = new Map(branches.map((b) => [b.id, b]));
  const out: Record<string, number> = {};
  const depth = (b: Branch, seen = 0): number => {
    if (b.id in out) return out[b.id]!;
    const p = b.parent ? byId.get(b.parent) : undefined;
    // seen guards against a cycle in hand-edited storage.
    return (out[b.id] = p && seen < branches.length ? depth(p, seen + 1) + 1 : 0);
  };
  branches.forEach((b) => depth(b));
  return out;
}

export interface GroupOutcome {
  state: GroupState;
  owner: string | null;
  /** ms in [0, until) the group was not Online (sweep-format.md §2's definition, from 0). */
  downtime: number;
}
export interface Outcome {
  until: number;
  quorum: boolean;
  groups: Record<string, GroupOutcome>;
}

const outcomes = new WeakMap<Branch, Outcome>();

/**
 * Run a branch (whose scenario is `scenario`) to its end. Cached per branch object: branches are
 * replaced, never mutated.
 */
export function branchOutcome(engine: EngineApi, scenario: Scenario, b: Branch): Outcome {
  const cached = outcomes.get(b);
  if (cached) return cached;
  const sim = engine.createSimulation(scenario);
  for (const a of b.actions) {
    if (a.at > scenario.until) break;
    sim.advanceTo(a.at);
    sim.apply(a.action);
  }
  sim.advanceTo(scenario.until);
  const final = sim.final();
  // A group's state over time from its group.state events; Offline before the first one.
  const since: Record<string, { state: GroupState; t: number }> = {};
  const down: Record<string, number> = {};
  for (const g of scenario.groups) {
    since[g.name] = { state: 'Offline', t: 0 };
    down[g.name] = 0;
  }
  for (const e of sim.events()) {
    if (e.type !== 'group.state' || !(e.group in since)) continue;
    const s = since[e.group]!;
    if (s.state !== 'Online') down[e.group]! += e.t - s.t;
    since[e.group] = { state: e.to, t: e.t };
  }
  const groups: Record<string, GroupOutcome> = {};
  for (const g of scenario.groups) {
    const s = since[g.name]!;
    if (s.state !== 'Online') down[g.name]! += scenario.until - s.t;
    const f = final.groups[g.name];
    groups[g.name] = { state: f?.state ?? 'Offline', owner: f?.owner ?? null, downtime: down[g.name]! };
  }
  const out = { until: scenario.until, quorum: final.quorum, groups };
  outcomes.set(b, out);
  return out;
}

/** Branches in share links and storage: checked field by field (a hand-edited record must not crash). */
export function parseBranches(x: unknown): Branch[] | null {
  if (!Array.isArray(x) || x.length === 0) return null;
  const out: Branch[] = [];
  for (const b of x) {
    if (typeof b !== 'object' || b === null) return null;
    const r = b as Record<string, unknown>;
    if (typeof r.id !== 'string' || typeof r.name !== 'string') return null;
    if (r.parent !== null && typeof r.parent !== 'string') return null;
    if (typeof r.forkedAt !== 'number' || typeof r.until !== 'number' || !(r.until > 0)) return null;
    if (!Array.isArray(r.actions) || !r.actions.every(isAppliedAction)) return null;
    if (!Array.isArray(r.script) || !r.script.every(isScriptEntry)) return null;
    out.push({
      id: r.id,
      name: r.name,
      parent: r.parent,
      forkedAt: r.forkedAt,
      actions: sortByAt(r.actions),
      script: sortByAt(r.script),
      until: r.until,
    });
  }
  return out;
}

export function isAppliedAction(x: unknown): x is AppliedAction {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.at === 'number' &&
    r.at >= 0 &&
    typeof r.action === 'object' &&
    r.action !== null &&
    typeof (r.action as Record<string, unknown>).action === 'string'
  );
}

function isScriptEntry(x: unknown): x is ScriptEntry {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r.at === 'number' && r.at >= 0 && typeof r.action === 'string';
}
