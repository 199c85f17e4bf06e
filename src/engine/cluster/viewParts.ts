/**
 * The view, one section and one entity at a time: `buildView` assembles them all, `FrameViews`
 * assembles only what changed. A new section (the network view, for example) is one more builder
 * here, used by both.
 */
import type { Engine } from './engine';
import type { GroupRt, NodeRt, ResRt } from './runtime';
import type { GroupView, NodeView, QuorumView, ResourceView, TimerView } from '../model/view';
import {
  effectiveFailoverThreshold,
  failoversInWindow,
  failoverWindowEnd,
  restartCountAt,
  restartWindowEnd,
} from '../policies/windows';
import { nextPollInstant } from '../policies/polls';
import { resourceIn } from '../machines/resourceTable';
import { leavesOf } from '../machines/step';
import { serviceOf, siteOf } from '../network/view';

export function quorumView(e: Engine): QuorumView {
  const w = e.scenario.cluster.quorum.witness;
  return {
    hasQuorum: e.quorum.has,
    witness: { kind: w, up: e.quorum.witnessUp, vote: e.quorum.witnessVote() },
    votes: e.quorum.has ? e.quorum.votesNow() : 0,
    total: e.quorum.total(),
    dynamic: e.quorum.dynamic,
  };
}

export function timersView(e: Engine): TimerView[] {
  return [...e.liveTimers.values()]
    .sort((a, b) => a.deadline - b.deadline || a.id - b.id)
    .map(({ kind, subject, armedAt, deadline, label }) => ({ kind, subject, armedAt, deadline, label }));
}

export function nodeView(e: Engine, n: NodeRt, t: number): NodeView {
  const ctx = n.snap.context;
  const detect = n.timers.detect;
  return {
    name: n.spec.name,
    id: n.spec.id,
    state: e.nodeState(n),
    crashedUndetected:
      e.isCrashed(n) && ctx.crashedAt !== null ? { crashedAt: ctx.crashedAt, detectAt: detect?.deadline ?? t } : null,
    vote: e.quorum.nodeVote(n.spec.id),
    nodeWeight: n.spec.properties.NodeWeight,
    drainedGroups: [...n.drained],
    machine: leavesOf(n.snap),
    site: siteOf(e, n),
    service: serviceOf(e, n),
  };
}

export function groupView(e: Engine, g: GroupRt, t: number): GroupView {
  const p = g.spec.properties;
  const mode = e.semantics.failoverWindow;
  const counted = failoversInWindow(g.snap.context.failoverTimes, t, p.FailoverPeriod, mode);
  return {
    name: g.spec.name,
    state: g.lastState,
    owner: g.owner,
    persistentState: g.persistent,
    priority: p.Priority,
    failovers: {
      count: counted.length,
      threshold: effectiveFailoverThreshold(p.FailoverThreshold, e.scenario.nodes.length),
      windowEndsAt: failoverWindowEnd(g.snap.context.failoverTimes, t, p.FailoverPeriod, mode),
      times: counted,
    },
    activity: groupActivity(e, g),
    resources: g.resources.map((r) => r.spec.name),
    machine: leavesOf(g.snap),
  };
}

export function groupActivity(e: Engine, g: GroupRt): string {
  const move = e.groupMove(g);
  if (move) return `moving to "${move.target}" (${move.cause})`;
  return g.snap.context.awaiting ? 'waiting for a node that can host it' : 'idle';
}

export function resourceView(e: Engine, r: ResRt, t: number): ResourceView {
  const p = r.spec.properties;
  const sem = e.semantics;
  // Healthy polls are not events: their instants are arithmetic on tOnline (contract §4.2).
  const owner = r.group.owner;
  const polling =
    e.resState(r) === 'Online' && r.tOnline !== null && e.runs(owner) && !r.hung.some((h) => h.node === owner);
  const hung = r.hung.find((h) => h.node === owner) ?? r.hung[0];
  return {
    name: r.spec.name,
    group: r.group.spec.name,
    type: r.spec.type,
    state: e.resState(r),
    node: r.group.owner,
    persistentState: r.persistent,
    restarts: {
      count: restartCountAt(r.restartWindow, t, p.RestartPeriod, sem.restartWindow),
      threshold: p.RestartThreshold,
      windowEndsAt: restartWindowEnd(r.restartWindow, t, p.RestartPeriod, sem.restartWindow),
    },
    faults: { ...r.faults },
    monitor: r.inOwnMonitor ? 'separate' : 'shared',
    onlineSince: r.tOnline,
    nextLooksAlive: polling ? nextPollInstant(r.tOnline!, p.LooksAlivePollInterval, t) : null,
    nextIsAlive: polling ? nextPollInstant(r.tOnline!, p.IsAlivePollInterval, t) : null,
    hungCall: hung ? { call: hung.call, since: hung.since, node: hung.node } : null,
    // Restarts exhausted: waiting for RetryPeriodOnFailure, or for good (§4.4).
    gaveUp: resourceIn(r.m, 'Failed.retryWait') || resourceIn(r.m, 'Failed.gaveUp'),
    machine: r.m.leaves,
  };
}
