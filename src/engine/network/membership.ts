/**
 * Membership in network and site mode (networks.md §4.3–§4.8): the crash-detection instant, the
 * membership step that applies route declarations and runs a regroup, the regroup's outcome, joins
 * and rejoins, forming, and the after-step checks.
 */
import type { Engine } from '../cluster/engine';
import type { NodeRt } from '../cluster/runtime';
import { detectDown, joinedUp, nodesLost, quorumLost, regainGroups, witnessChanged } from '../cluster/nodes';
import { forgetMonitorsOn } from '../cluster/resources';
import { humanMs } from '../policies/format';
import { arbitrate } from './arbitration';
import type { RegroupWitness } from '../model/trace';

const q = (s: string) => `"${s}"`;
const names = (ns: readonly NodeRt[]) => ns.map((n) => n.spec.name);

/** Running members (Up or Paused, service running: not crashed), by ID. */
export function runningMembers(e: Engine): NodeRt[] {
  return e.nodes.filter((n) => e.net.running[n.index] === true && e.net.runningMember(n));
}

/**
 * §4.4: route declarations and crash detections due at one instant, handled together at the
 * position of the earliest-armed of them.
 */
export function membershipStep(e: Engine, detectReason: string | null): void {
  e.net.applyDueDeclarations();
  const now = e.now();
  const members = runningMembers(e);
  const split =
    e.quorum.has && members.some((a, i) => members.slice(i + 1).some((b) => !e.net.connected(a.index, b.index)));
  if (split) regroup(e);
  else {
    const due = e.nodes.filter(
      (n) => e.isCrashed(n) && (n.timers.detect === undefined || n.timers.detect.deadline === now),
    );
    if (due.length) {
      const payload = due.map((n) => n.timers.detect?.payload as { reason: string } | undefined).find(Boolean);
      detectDown(e, detectReason ?? payload?.reason ?? 'heartbeats missed');
    }
  }
  afterStepChecks(e);
}

/** §4.5–§4.6: the regroup over the running members. */
function regroup(e: Engine): void {
  const net = e.net;
  const quorum = e.quorum;
  const running = runningMembers(e);
  const membersAll = e.nodes.filter((n) => net.member(n));
  const lost: [string, string][] = [];
  running.forEach((a, i) =>
    running.slice(i + 1).forEach((b) => {
      if (!net.connected(a.index, b.index)) lost.push([a.spec.name, b.spec.name]);
    }),
  );
  const awardable = (quorum.dynamic ? quorum.set.witnessVotes : quorum.witnessConfigured) && net.witnessUp;
  const res = arbitrate({
    nodes: running.map((n) => n.index),
    linked: (a, b) => net.linked(a, b),
    vote: (i) => quorum.nodeVote(i + 1),
    total: quorum.total(),
    witnessAwardable: awardable,
    reachesWitness: (i) => net.reaches(e.nodes[i]!),
    outsidePreferredSite: outsidePreferredSite(e),
  });
  const survivors = res.winner === null ? [] : res.cores[res.winner]!.map((i) => e.nodes[i]!);
  const removed = membersAll.filter((n) => !survivors.includes(n));
  const witness: RegroupWitness = !awardable
    ? 'none'
    : res.award === null
      ? 'unreached'
      : res.award === res.winner
        ? 'survivors'
        : 'removed';
  const reason =
    res.winner === null
      ? 'regroup: no fully connected set of nodes holds more than half of the votes'
      : `regroup: ${names(survivors).map(q).join(', ')} hold more than half of the votes and keep the cluster`;
  e.emit({ type: 'regroup', survivors: names(survivors), removed: names(removed), lost, witness, reason });
  net.lastRegroup = { t: e.now(), survivors: names(survivors), removed: names(removed), witness, reason };
  if (res.winner === null) {
    const crashed = removed.filter((n) => e.isCrashed(n));
    for (const n of crashed) detectOff(e, n, 'removed by the regroup (it had crashed)');
    if (crashed.length) quorumLost(e, names(crashed));
    else
      quorumLost(
        e,
        [],
        `the regroup left no fully connected set of nodes holding more than half of ${e.quorum.total()} votes`,
      );
    return;
  }
  for (const n of removed) {
    if (e.isCrashed(n)) detectOff(e, n, 'removed by the regroup (it had crashed)');
    else {
      const stopping = net.stopping.has(n.index);
      n.drained = [];
      forgetMonitorsOn(e, n.spec.name);
      e.nodeTransition(n, { type: 'STOP' }, 'removed by the regroup: its cluster service stops and waits to rejoin');
      if (stopping) net.stopRunning(n.index);
      else net.waiting[n.index] = true;
    }
  }
  // §4.6: V is recomputed with R of the new membership; a witness vote R takes away is traced
  // with the rest (SF §3: every change of a vote), so the snapshot is taken before R is applied.
  const before = quorum.votesByVoter();
  quorum.witnessUp = net.witnessAvailable();
  quorum.recompute('regroup', before);
  nodesLost(e, new Set(names(removed)));
}

/** A crashed member leaves: Down, detection cancelled, off. */
function detectOff(e: Engine, n: NodeRt, reason: string): void {
  e.disarm(n, 'detect');
  n.drained = [];
  e.nodeTransition(n, { type: 'DETECTED' }, reason);
  e.net.stopRunning(n.index);
}

/** §4.5 rank (c): in site mode with a cluster PreferredSite, a node outside it is pruned first. */
function outsidePreferredSite(e: Engine): (i: number) => boolean {
  const pref = e.scenario.cluster.properties.PreferredSite;
  const topo = e.net.topo;
  if (!e.net.siteMode || pref === undefined || !topo) return () => false;
  return (i) => topo.sites[i] !== pref;
}

/** Is the node linked to every running member (other than itself)? */
function linkedToAll(e: Engine, n: NodeRt): boolean {
  return runningMembers(e).every((m) => m === n || e.net.linked(n.index, m.index));
}

/** §4.8 join completion in network mode. */
export function joinedNetwork(e: Engine, n: NodeRt): void {
  if (e.quorum.has && !linkedToAll(e, n)) {
    e.nodeTransition(n, { type: 'STOP' }, 'join failed: it cannot reach every member; it waits and rejoins by itself');
    e.net.waiting[n.index] = true;
  } else {
    e.nodeTransition(n, { type: 'JOINED' }, 'joined the cluster');
    joinedUp(e, n);
  }
  afterStepChecks(e);
}

/** §4.8: (1) R re-evaluated; (2) rejoins, waiting nodes by ID; (3) forming. Network mode only. */
export function afterStepChecks(e: Engine): void {
  const net = e.net;
  if (!net.networkMode) return;
  if (e.quorum.witnessConfigured) {
    const r = net.witnessAvailable();
    if (r !== e.quorum.witnessUp) witnessChanged(e, r);
  }
  net.witnessToggled = false;
  if (e.quorum.has) {
    for (const n of e.nodes) {
      if (!net.waiting[n.index] || !linkedToAll(e, n)) continue;
      net.waiting[n.index] = false;
      e.nodeTransition(n, { type: 'START' }, 'it reaches every member again: rejoining the cluster');
      const ms = n.spec.behavior.joinMs;
      e.arm(n, 'join', 'nodeJoin', ms, `joins in ${humanMs(ms)}`, 'join');
    }
  }
  if (!e.quorum.has) forming(e);
}

/** §4.8 forming: while there is no quorum, the winning core of the Up nodes regains it. */
function forming(e: Engine): void {
  const net = e.net;
  const up = e.nodes.filter((n) => e.nodeState(n) === 'Up');
  if (!up.length) return;
  const configured = e.quorum.witnessConfigured;
  const res = arbitrate({
    nodes: up.map((n) => n.index),
    linked: (a, b) => e.isCrashed(e.nodes[a]!) || e.isCrashed(e.nodes[b]!) || net.linked(a, b),
    vote: (i) => e.nodes[i]!.spec.properties.NodeWeight,
    total: e.nodes.reduce((s, n) => s + n.spec.properties.NodeWeight, 0) + (configured ? 1 : 0),
    witnessAwardable: configured && net.witnessUp,
    reachesWitness: (i) => net.reaches(e.nodes[i]!),
    outsidePreferredSite: outsidePreferredSite(e),
  });
  if (res.winner === null) return;
  const core = new Set(res.cores[res.winner]);
  e.emit({
    type: 'policy',
    rule: 'QuorumRegained',
    subject: 'cluster',
    detail: `the connected nodes ${up
      .filter((n) => core.has(n.index))
      .map((n) => q(n.spec.name))
      .join(', ')} hold more than half of the configured votes`,
    reason: 'quorum regained',
  });
  for (const n of up) {
    if (core.has(n.index)) continue;
    if (e.isCrashed(n)) detectOff(e, n, 'not in the forming set (it had crashed)');
    else {
      e.nodeTransition(n, { type: 'STOP' }, 'not connected to the forming set: it waits and rejoins by itself');
      net.waiting[n.index] = true;
    }
  }
  const before = e.quorum.votesByVoter();
  e.quorum.witnessUp = net.witnessAvailable();
  e.quorum.regain('quorum regained: votes recomputed', before);
  regainGroups(e);
}
