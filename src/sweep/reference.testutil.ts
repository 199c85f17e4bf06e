/**
 * The contract's definition of a run, computed the slow, obvious way (for the tests): the scenario
 * with the fault placed in its script after every entry with at ≤ AT, run by `runScenario` to the
 * original `until`, and downtime from the trace by sweep-format.md §2 literally.
 */
import { runScenario, type Action, type Scenario, type SimulationOptions, type Trace } from '../engine';
import type { GroupOutcome, RunOutcome } from './types';

export function withFault(scenario: Scenario, at: number, fault: Action): Scenario {
  const i = scenario.script.findIndex((e) => e.at > at);
  const cut = i < 0 ? scenario.script.length : i;
  const script = [...scenario.script.slice(0, cut), { at, ...fault }, ...scenario.script.slice(cut)];
  return { ...scenario, script };
}

/** state(G, t): the `to` of G's last group.state with time ≤ t, or Offline. */
function stateAt(trace: Trace, group: string, t: number): string {
  let s = 'Offline';
  for (const e of trace.events) {
    if (e.t > t) break;
    if (e.type === 'group.state' && e.group === group) s = e.to;
  }
  return s;
}

/** Total length of [at, until) where state(G, t) is not Online: state is constant between event times. */
export function referenceDowntime(trace: Trace, group: string, at: number, until: number): number {
  const cuts = [...new Set([at, ...trace.events.filter((e) => e.t > at && e.t < until).map((e) => e.t), until])].sort(
    (a, b) => a - b,
  );
  let down = 0;
  for (let k = 0; k + 1 < cuts.length; k++)
    if (stateAt(trace, group, cuts[k]!) !== 'Online') down += cuts[k + 1]! - cuts[k]!;
  return down;
}

function groupsOf(scenario: Scenario, trace: Trace, at: number): Record<string, GroupOutcome> {
  const out: Record<string, GroupOutcome> = {};
  for (const g of scenario.groups) {
    const f = trace.final.groups[g.name]!;
    out[g.name] = {
      downMs: referenceDowntime(trace, g.name, at, scenario.until),
      state: f.state,
      owner: f.owner,
      failoverCount: f.failoverCount,
    };
  }
  return out;
}

export function referenceRun(
  scenario: Scenario,
  at: number,
  fault: Action,
  options: SimulationOptions = {},
): RunOutcome {
  const trace = runScenario(withFault(scenario, at, fault), scenario.until, options);
  // The added fault is the last script entry of instant AT, so its event is the last action event at AT.
  const acts = trace.events.filter((e) => e.t === at && (e.type === 'action' || e.type === 'action.rejected'));
  const ev = acts[acts.length - 1]!;
  const groups = groupsOf(scenario, trace, at);
  return ev.type === 'action.rejected'
    ? { at, fault, applied: false, reason: ev.reason, groups }
    : { at, fault, applied: true, groups };
}

export function referenceBaseline(
  scenario: Scenario,
  at: number,
  options: SimulationOptions = {},
): Record<string, GroupOutcome> {
  return groupsOf(scenario, runScenario(scenario, scenario.until, options), at);
}
