/** One run and the baseline (sweep-format.md §2–§3), from a fork source. */
import type { FinalState, Scenario, SimulationOptions, TraceEvent } from '../engine';
import { createSimulation } from '../engine';
import { DowntimeMeter, statesAt } from './downtime';
import type { ForkSource } from './fork';
import type { BaselineEntry, GroupExtra, GroupOutcome, PlannedRun, RunDetail } from './types';

function outcomes(
  groups: readonly string[],
  measured: Map<string, { downMs: number; extra: GroupExtra }>,
  final: FinalState,
): { groups: Record<string, GroupOutcome>; extra: Record<string, GroupExtra> } {
  // Records keyed by user-given names: create them without a prototype so "__proto__" is a name like any other.
  const out = Object.create(null) as Record<string, GroupOutcome>;
  const extra = Object.create(null) as Record<string, GroupExtra>;
  for (const g of groups) {
    const m = measured.get(g)!;
    const f = final.groups[g]!;
    out[g] = { downMs: m.downMs, state: f.state, owner: f.owner, failoverCount: f.failoverCount };
    extra[g] = m.extra;
  }
  return { groups: out, extra };
}

/** Fork at the run's instant, apply the fault after the scenario's own actions there, run to `until`. */
export function runOne(scenario: Scenario, forks: ForkSource, run: PlannedRun): RunDetail {
  const groups = scenario.groups.map((g) => g.name);
  const { sim, statesAtFork } = forks.forkAt(run.at);
  const start = sim.eventCount();
  const res = sim.apply(run.fault);
  sim.advanceTo(scenario.until);
  const meter = new DowntimeMeter(run.at, statesAtFork, groups);
  meter.feed(sim.events(), start);
  const { groups: g, extra } = outcomes(groups, meter.finish(scenario.until), sim.final());
  return res.applied
    ? { at: run.at, fault: run.fault, applied: true, groups: g, extra }
    : { at: run.at, fault: run.fault, applied: false, reason: res.reason, groups: g, extra };
}

/** The scenario without an added fault, measured from each instant (in the order given). */
export function runBaseline(
  scenario: Scenario,
  ats: readonly number[],
  options: SimulationOptions = {},
): { baseline: BaselineEntry[]; extras: Record<string, GroupExtra>[] } {
  const sim = createSimulation(scenario, options);
  sim.advanceTo(scenario.until);
  return baselineFromTrace(scenario, ats, sim.events(), sim.final());
}

export function baselineFromTrace(
  scenario: Scenario,
  ats: readonly number[],
  events: readonly TraceEvent[],
  final: FinalState,
): { baseline: BaselineEntry[]; extras: Record<string, GroupExtra>[] } {
  const groups = scenario.groups.map((g) => g.name);
  const baseline: BaselineEntry[] = [];
  const extras: Record<string, GroupExtra>[] = [];
  for (const at of ats) {
    const meter = new DowntimeMeter(at, statesAt(events, at, groups), groups);
    const from = firstIndexAfter(events, at);
    meter.feed(events, from);
    const o = outcomes(groups, meter.finish(scenario.until), final);
    baseline.push({ at, groups: o.groups });
    extras.push(o.extra);
  }
  return { baseline, extras };
}

/** Index of the first event with time > t (events are in time order). */
function firstIndexAfter(events: readonly TraceEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
