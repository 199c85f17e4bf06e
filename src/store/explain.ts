/**
 * The whole "why" of one decision, derived from the trace (the one stream) and the scenario: the
 * rule in words, its numbers, and the events it counted (issue 11 item 2). Pure.
 */
import type { GroupSpec, ResourceSpec, Scenario, PolicyRule, TraceEvent, AppliedAction } from '../engine';
import { describeAction, eventSummary, formatClock, formatProperty } from './format';

export interface CountedEvent {
  t: number;
  text: string;
  /** The decision's own instant (the event being explained is part of the count). */
  self?: boolean;
}

export interface Explanation {
  /** "RestartThresholdExceeded", "group.owner (failover)", … */
  title: string;
  /** What the rule says, in WSFC's terms (null for events that are not decisions). */
  rule: string | null;
  reason: string;
  /** The engine's own numbers for this decision (policy `detail`), when it says something the reason does not. */
  detail: string | null;
  numbers: [string, string][];
  counted: { label: string; items: CountedEvent[] } | null;
}

/** WSFC's rules, as a trainer would say them (contract §4.4–4.7). */
export const RULE_TEXT: Record<PolicyRule, string> = {
  RestartThresholdExceeded:
    'A resource that fails more than RestartThreshold times within RestartPeriod is not restarted again on this node; with RestartAction 2 its group fails over.',
  FailoverThresholdExceeded:
    'A group fails over at most FailoverThreshold times in FailoverPeriod hours; one failure more and it stays where it is, Failed.',
  FailoverStarted:
    'A failure the restart policy cannot absorb (or the loss of the owner) moves the group to the next node that can host every resource.',
  NoTargetNode: 'No Up node is a possible owner of every resource of the group, so it cannot be placed now.',
  RetryPeriodOnFailure:
    'A resource that gave up (restarts exhausted) is tried again once RetryPeriodOnFailure has passed.',
  FailbackScheduled:
    'With AutoFailbackType 1, a group moves back to its preferred owner, but only inside the failback window.',
  QuorumLost:
    'Without a majority of the votes (nodes and witness) the cluster stops: every node stops the cluster service and every group goes offline.',
  QuorumRegained: 'A majority of the votes is back: the cluster forms again and places its groups.',
};

const findResource = (s: Scenario, name: string): ResourceSpec | undefined =>
  s.groups.flatMap((g) => g.resources).find((r) => r.name === name);
const findGroup = (s: Scenario, name: string): GroupSpec | undefined => s.groups.find((g) => g.name === name);

/**
 * The policy's detail is shown only when it adds to the reason (no repeated text): not when the
 * reason contains it, nor when every number in it is already in the reason.
 */
function extraDetail(e: { detail: string; reason: string }): string | null {
  const d = e.detail.trim();
  if (!d || e.reason.includes(d)) return null;
  const numbers = (s: string) => s.match(/\d+(?:[:.]\d+)*/g) ?? [];
  const inReason = new Set(numbers(e.reason));
  return numbers(d).every((n) => inReason.has(n)) ? null : d;
}

/** The instant the engine says its restart window opened ("… since t=0:34.000 …"), if it says so. */
function windowOpened(detail: string): number | null {
  const m = /since t=(?:(\d+):)?(\d+):(\d+)\.(\d{3})/.exec(detail);
  if (!m) return null;
  const [, h, min, s, ms] = m;
  return ((Number(h ?? 0) * 60 + Number(min)) * 60 + Number(s)) * 1000 + Number(ms);
}

/** Same action (ignoring `at`, which the engine adds to what it traces)? */
const sameAction = (a: object, b: object) => {
  const strip = (x: object) =>
    JSON.stringify(
      Object.entries(x)
        .filter(([k]) => k !== 'at')
        .sort(),
    );
  return strip(a) === strip(b);
};

export function explainEvent(
  e: TraceEvent,
  trace: readonly TraceEvent[],
  scenario: Scenario,
  userActions: readonly AppliedAction[] = [],
): Explanation {
  if (e.type === 'action' || e.type === 'action.rejected') {
    // The trace does not say who acted: the user's list does (a refusal the user never caused is the script's).
    const mine = userActions.some((a) => a.at === e.t && sameAction(a.action, e.action));
    const who = mine ? 'Your action' : "The scenario's script";
    return {
      title: `${who}${e.type === 'action.rejected' ? ', refused' : ''}: ${describeAction(e.action)}`,
      rule: mine ? null : 'Scripted actions are listed under "Script & branches", where they can be removed or moved.',
      reason: e.reason,
      detail: null,
      numbers: [],
      counted: null,
    };
  }
  if (e.type !== 'policy') {
    const title =
      e.type === 'group.owner' ? `${e.group} moved: ${e.from ?? '(none)'} → ${e.to ?? '(none)'} (${e.cause})` : e.type;
    let counted: Explanation['counted'] = null;
    if (e.type === 'group.owner') {
      // The decision that sent it: the latest FailoverStarted/FailbackScheduled of the group before the move.
      const cause = findLast(
        trace,
        (x) => x.t <= e.t && x.type === 'policy' && x.subject === e.group && x.rule !== 'NoTargetNode',
      );
      if (cause && cause.type === 'policy')
        counted = { label: 'Decided by', items: [{ t: cause.t, text: `${cause.rule}: ${cause.reason}` }] };
    }
    return { title, rule: null, reason: e.reason, detail: null, numbers: [], counted: counted ?? null };
  }
  const base: Explanation = {
    title: `${e.rule} · ${e.subject}`,
    rule: RULE_TEXT[e.rule],
    reason: e.reason,
    detail: extraDetail(e),
    numbers: [],
    counted: null,
  };
  if (e.rule === 'RestartThresholdExceeded' || e.rule === 'RetryPeriodOnFailure') {
    const spec = findResource(scenario, e.subject);
    if (spec) {
      const p = spec.properties;
      const names = ['RestartThreshold', 'RestartPeriod', 'RestartAction', 'RestartDelay', 'RetryPeriodOnFailure'];
      base.numbers = names.map((n) => [n, formatProperty(n, p[n as keyof typeof p])]);
    }
    if (e.rule === 'RestartThresholdExceeded') base.counted = restartFailures(e, trace, spec);
    else {
      const gaveUp = findLast(
        trace,
        (x) => x.t < e.t && x.type === 'policy' && x.rule === 'RestartThresholdExceeded' && x.subject === e.subject,
      );
      if (gaveUp) base.counted = { label: 'Gave up', items: [{ t: gaveUp.t, text: gaveUp.reason }] };
    }
  } else if (e.rule === 'QuorumLost' || e.rule === 'QuorumRegained') {
    const votes = trace.filter((x) => x.type === 'quorum.vote' && x.t === e.t);
    const nodes = trace.filter((x) => x.type === 'node.state' && x.t <= e.t && x.t >= e.t - 1);
    const items = [...nodes, ...votes].map((x) => ({ t: x.t, text: `${eventSummary(x)} — ${x.reason}` }));
    if (items.length) base.counted = { label: 'At that instant', items };
  } else {
    const spec = findGroup(scenario, e.subject);
    if (spec) {
      const p = spec.properties;
      const threshold =
        p.FailoverThreshold === 4294967295 ? Math.max(0, scenario.nodes.length - 1) : p.FailoverThreshold;
      base.numbers = [
        ['FailoverThreshold', `${threshold}${p.FailoverThreshold === 4294967295 ? ' (nodes − 1)' : ''}`],
        ['FailoverPeriod', `${p.FailoverPeriod} h`],
        ['AutoFailbackType', formatProperty('AutoFailbackType', p.AutoFailbackType)],
      ];
      if (e.rule === 'FailoverStarted' || e.rule === 'FailoverThresholdExceeded')
        base.counted = failoversInPeriod(e, trace, p.FailoverPeriod);
    }
  }
  return base;
}

function findLast(trace: readonly TraceEvent[], f: (e: TraceEvent) => boolean): TraceEvent | undefined {
  for (let i = trace.length - 1; i >= 0; i--) if (f(trace[i]!)) return trace[i];
  return undefined;
}

/** The failures the restart window held: on the node where it failed, since the window opened. */
function restartFailures(
  e: TraceEvent & { type: 'policy' },
  trace: readonly TraceEvent[],
  spec: ResourceSpec | undefined,
): Explanation['counted'] {
  const failedHere = findLast(
    trace,
    (x) => x.t <= e.t && x.type === 'resource.state' && x.resource === e.subject && x.to === 'Failed',
  );
  const node = failedHere?.type === 'resource.state' ? failedHere.node : null;
  const from = windowOpened(e.detail) ?? e.t - (spec?.properties.RestartPeriod ?? 0);
  const items = trace
    .filter(
      (x) =>
        x.type === 'resource.state' &&
        x.resource === e.subject &&
        x.to === 'Failed' &&
        x.node === node &&
        x.t >= from &&
        x.t <= e.t,
    )
    .map((x) => ({ t: x.t, text: `failed on ${node}: ${x.reason}` }));
  return { label: `Failures in the restart window (since t=${formatClock(from)}, on ${node ?? '?'})`, items };
}

/** Failovers the group started in the FailoverPeriod before this decision (sliding, contract §4.5). */
function failoversInPeriod(
  e: TraceEvent & { type: 'policy' },
  trace: readonly TraceEvent[],
  periodHours: number,
): Explanation['counted'] {
  const from = e.t - periodHours * 3_600_000;
  const items: CountedEvent[] = [];
  for (const x of trace) {
    if (x.t > e.t) break;
    if (x.type !== 'policy' || x.rule !== 'FailoverStarted' || x.subject !== e.subject || x.t <= from) continue;
    const move = trace.find((y) => y.type === 'group.owner' && y.group === e.subject && y.t >= x.t);
    const where = move?.type === 'group.owner' ? `${move.from ?? '(none)'} → ${move.to ?? '(none)'}` : 'failover';
    items.push({ t: x.t, text: `failover ${where}`, self: x === e });
  }
  return {
    label: `Failovers inside FailoverPeriod (${periodHours} h, since t=${formatClock(Math.max(0, from))})`,
    items,
  };
}
