/**
 * Node rules (contract §4.6) and the cluster-wide consequences of nodes coming and going: formation
 * at t = 0, crash and heartbeat detection, join, pause/drain, resume, quorum loss and regain (§4.7).
 */
import type { Engine } from './engine';
import { cancelFailback, considerFailback } from './failback';
import type { NodeRt } from './runtime';
import { humanMs } from '../policies/format';
import {
  autoStart,
  byPriority,
  chooseFor,
  failoverGroup,
  placeAwaiting,
  possibleForAll,
  setOwner,
  startMove,
  targetsLost,
  checkMoveProgress,
} from './groups';
import { forgetMonitorsOn, stopActivity } from './resources';
import { initialOwnerOf } from '../policies/initialOwner';
import { placementOf } from '../machines/groupMachine';
import { routedDetection } from '../network/detection';
import { netInitialOwner } from '../network/placement';

const q = (s: string) => `"${s}"`;

/** t = 0: the Up nodes form the cluster; groups are placed silently and started in Priority order. */
export function formCluster(e: Engine): void {
  e.quorum.init();
  for (const g of e.groups) {
    g.owner = e.net.routesOn ? netInitialOwner(e, g) : initialOwnerOf(e.scenario.nodes, g.spec);
    if (g.owner === null) e.groupSend(g, { type: 'NO_TARGET', cause: 'initial', from: null });
  }
  if (!e.quorum.has) return;
  autoStart(e, e.groups, 'cluster formed: group online');
}

export function detectionDelay(e: Engine): number {
  const p = e.scenario.cluster.properties;
  return p.SameSubnetDelay * p.SameSubnetThreshold;
}

export function crashNode(e: Engine, n: NodeRt): void {
  if (e.net.waiting[n.index]) {
    e.net.stopRunning(n.index); // networks.md §4.3: a waiting node becomes off, no event
    return;
  }
  if (e.nodeMachineState(n) === 'Joining') {
    e.disarm(n, 'join');
    e.net.stopRunning(n.index);
    e.nodeTransition(n, { type: 'CRASH', at: e.now() }, 'crashed while joining');
    return;
  }
  // networks.md §4.3: the instant is fixed at the crash, from the routes as they stood just before.
  const routed = e.net.routesOn ? routedDetection(e, n) : null;
  e.nodeTransition(n, { type: 'CRASH', at: e.now() }, 'crashed');
  e.net.stopRunning(n.index, true);
  // Contract §4.8: the node is gone and nothing runs on it any more: no call into it returns, no
  // health check runs there, none of its monitors is recycled. The cluster keeps showing the last
  // known state and keeps its own timers (a RestartDelay still makes an Online call into the
  // node, which never returns) until heartbeats are missed (§4.6).
  for (const g of e.groups) {
    if (g.owner !== n.spec.name) continue;
    for (const r of g.resources) {
      e.disarm(r, 'call');
      e.disarm(r, 'health');
      // Its pending calls never answer and its health checks stop (machine: unanswered, unmonitored).
      if (e.resState(r) !== 'Offline' && e.resState(r) !== 'Failed') e.resSend(r, { type: 'NO_ANSWER' });
    }
  }
  forgetMonitorsOn(e, n.spec.name);
  const delay = routed ? routed.delay : detectionDelay(e);
  const p = e.scenario.cluster.properties;
  e.arm(n, 'detect', 'nodeDetection', delay, `heartbeat loss detected in ${humanMs(delay)}`, 'detect', {
    reason: routed
      ? routed.reason
      : `missed ${p.SameSubnetThreshold} heartbeats ${humanMs(p.SameSubnetDelay)} apart (SameSubnetDelay × SameSubnetThreshold = ${humanMs(delay)})`,
  });
}

/** Every crashed node whose detection falls on this instant is detected together (contract §4.7). */
export function detectDown(e: Engine, reason: string): void {
  const lost = e.nodes.filter((n) => {
    const t = n.timers.detect;
    return e.nodeMachineState(n) === 'Crashed' && (t === undefined || t.deadline === e.now());
  });
  for (const n of lost) {
    e.disarm(n, 'detect');
    n.drained = [];
    e.nodeTransition(n, { type: 'DETECTED' }, reason);
  }
  const names = new Set(lost.map((n) => n.spec.name));
  for (const n of lost) e.net.stopRunning(n.index);
  // networks.md §4.7: the test after a loss reads R for the membership after it. A witness vote
  // that R takes away is traced (SF §3: every change of a vote); in a plain scenario R is the
  // witness's own state, unchanged here, so nothing new is emitted.
  const before = e.quorum.votesByVoter();
  if (e.net.networkMode) e.quorum.witnessUp = e.net.witnessAvailable();
  const label = `node ${[...names].map(q).join(', ')} lost`;
  // Without quorum the cluster service is stopped (§4.7): a node that rejoined and crashed again
  // before quorum returned just goes Down. No failover decision is taken; its groups keep their
  // last owner and return by the QuorumRegained rule.
  if (!e.quorum.has) {
    e.quorum.traceDiff(before, label);
    return;
  }
  if (!e.quorum.afterLoss(label, before)) {
    // As when the witness itself fails (SF §4.7): the witness's vote goes first, then QuorumLost.
    e.quorum.traceDiff(before, label);
    quorumLost(e, [...names]);
    return;
  }
  nodesLost(e, names);
}

/** What a node loss does to groups once quorum held (§4.5–§4.8); also a regroup's losers (networks.md §4.6). */
export function nodesLost(e: Engine, names: ReadonlySet<string>): void {
  // Moves heading for a lost node choose again or are cancelled (§4.8), before the lost owners'
  // groups fail over, so a cancelled move's group fails over like any other.
  targetsLost(e, names);
  const affected = byPriority(e.groups.filter((g) => g.owner !== null && names.has(g.owner)));
  for (const g of affected) {
    cancelFailback(e, g);
    for (const r of g.resources) {
      stopActivity(e, r);
      if (e.resState(r) !== 'Offline') e.resTransition(r, { type: 'TAKE_DOWN' }, `node ${q(g.owner!)} lost`);
    }
  }
  for (const g of affected) {
    // A group already moving keeps its move (target and cause): it is not moved twice (§4.8).
    if (e.groupMoving(g)) checkMoveProgress(e, g);
    else failoverGroup(e, g, 'nodeDown', `owner node ${q(g.owner!)} went Down`);
  }
}

/** QuorumLost (contract §4.7): the cluster service stops everywhere, persistent states unchanged. */
export function quorumLost(e: Engine, lostNames: string[], detail?: string): void {
  e.quorum.has = false;
  e.emit({
    type: 'policy',
    rule: 'QuorumLost',
    subject: 'cluster',
    detail:
      detail ??
      `after losing ${lostNames.map(q).join(', ')} the remaining votes are not more than half of ${e.quorum.total()}`,
    reason: 'quorum lost: the cluster service stops on every node',
  });
  for (const n of e.nodes) {
    e.disarmAll(n);
    n.drained = [];
    forgetMonitorsOn(e, n.spec.name);
    if (e.nodeMachineState(n) !== 'Down') e.nodeTransition(n, { type: 'STOP' }, 'quorum lost: cluster service stopped');
    e.net.stopRunning(n.index);
  }
  for (const g of e.groups) {
    if (e.groupMoving(g)) e.groupSend(g, { type: 'MOVE_CANCEL' });
    cancelFailback(e, g);
    e.disarmAll(g);
    for (const r of g.resources) {
      stopActivity(e, r);
      e.disarm(r, 'restart');
      e.disarm(r, 'retry');
      r.dueAt = null;
      if (e.resState(r) !== 'Offline')
        e.resTransition(r, { type: 'TAKE_DOWN' }, 'quorum lost: cluster service stopped');
    }
  }
}

export function startNode(e: Engine, n: NodeRt): void {
  e.nodeTransition(n, { type: 'START' }, 'node started: joining the cluster');
  e.net.startRunning(n.index);
  const ms = n.spec.behavior.joinMs;
  e.arm(n, 'join', 'nodeJoin', ms, `joins in ${humanMs(ms)}`, 'join');
}

export function joined(e: Engine, n: NodeRt): void {
  e.nodeTransition(n, { type: 'JOINED' }, 'joined the cluster');
  joinedUp(e, n);
}

/** SF §4.6–§4.7 after Joining → Up. */
export function joinedUp(e: Engine, n: NodeRt): void {
  if (!e.quorum.has) {
    // networks.md §4.8: in network mode forming (an after-step check) decides the regain.
    if (e.net.networkMode || !e.quorum.canRegain()) return;
    e.emit({
      type: 'policy',
      rule: 'QuorumRegained',
      subject: 'cluster',
      detail: `more than half of the configured votes are Up again`,
      reason: `node ${q(n.spec.name)} joined: quorum regained`,
    });
    e.quorum.regain('quorum regained: votes recomputed');
    regainGroups(e);
    return;
  }
  e.quorum.recompute(`node ${q(n.spec.name)} joined`);
  placeAwaiting(e);
  for (const g of byPriority(e.groups)) if (g.spec.preferredOwners.includes(n.spec.name)) considerFailback(e, g, false);
}

/**
 * After QuorumRegained (contract §4.7): groups return to their persistent state, on the last owner
 * if it is Up, else on the first candidate of the walk from the top; with none, NoTargetNode, and
 * the group is placed when a node that can host it becomes Up (its last owner included).
 */
export function regainGroups(e: Engine): void {
  for (const g of byPriority(e.groups)) {
    // Whatever a group waited for before quorum was lost, it now returns to its persistent state.
    if (placementOf(g.snap) === 'awaitingTarget') e.groupSend(g, { type: 'TARGET_FOUND' });
    const ownerUp = g.owner !== null && e.nodeState(e.nodeByName.get(g.owner)!) === 'Up';
    if (ownerUp) continue;
    const to = chooseFor(e, { ...g, owner: null }, { kind: 'fromTop' }, g.owner);
    if (to === null) {
      e.groupSend(g, { type: 'NO_TARGET', cause: 'quorum', from: g.owner });
      e.emit({
        type: 'policy',
        rule: 'NoTargetNode',
        subject: g.spec.name,
        detail: `quorum regained, but no Up node is a possible owner of every resource of ${q(g.spec.name)}`,
        reason: `no node can take group ${q(g.spec.name)}: it is placed when one becomes Up`,
      });
      continue;
    }
    setOwner(
      e,
      g,
      to,
      'quorum',
      `quorum regained: last owner ${q(g.owner ?? '')} is not Up, first candidate is ${q(to)}`,
    );
  }
  autoStart(
    e,
    e.groups.filter((g) => placementOf(g.snap) !== 'awaitingTarget'),
    'quorum regained: group returns to its persistent state',
  );
}

export function pauseNode(e: Engine, n: NodeRt, drain: boolean): void {
  e.nodeTransition(n, { type: 'PAUSE' }, drain ? 'Suspend-ClusterNode -Drain' : 'Suspend-ClusterNode');
  // A paused node is never a move target: moves heading there choose again or are cancelled (§4.8).
  targetsLost(e, new Set([n.spec.name]));
  if (!drain) return;
  // A group already moving keeps its move: the drain skips it (§4.8).
  for (const g of byPriority(e.groups.filter((x) => x.owner === n.spec.name && !e.groupMoving(x)))) {
    const to = chooseFor(e, g, { kind: 'fromTop' });
    if (to === null) continue;
    n.drained.push(g.spec.name);
    startMove(e, g, to, 'drain', `drain of ${q(n.spec.name)}: first candidate from the top of the walk is ${q(to)}`);
  }
}

export function resumeNode(e: Engine, n: NodeRt, failback: 'NoFailback' | 'Immediate' | 'Policy'): void {
  e.nodeTransition(n, { type: 'RESUME' }, `Resume-ClusterNode -Failback ${failback}`);
  const drained = n.drained;
  n.drained = [];
  if (failback === 'Immediate') {
    for (const name of drained) {
      const g = e.groupOf(name);
      if (g.owner === n.spec.name || e.groupMoving(g) || !possibleForAll(g, n.spec.name)) continue;
      startMove(
        e,
        g,
        n.spec.name,
        'failback',
        `resume with Immediate: group ${q(name)} returns to ${q(n.spec.name)}, which the drain took it from`,
      );
    }
  } else if (failback === 'Policy') {
    for (const g of byPriority(e.groups)) considerFailback(e, g, true, n.spec.name);
  }
  placeAwaiting(e);
}

/** The witness fails or comes back (contract §4.7). */
export function witnessChanged(e: Engine, up: boolean): void {
  if (!e.quorum.has) {
    const before = e.quorum.votesByVoter();
    e.quorum.witnessUp = up;
    // networks.md §4.8: in network mode, forming (an after-step check) regains quorum.
    if (up && !e.net.networkMode && e.quorum.canRegain()) {
      e.emit({
        type: 'policy',
        rule: 'QuorumRegained',
        subject: 'cluster',
        detail: 'the witness vote completes a majority',
        reason: 'witness restored: quorum regained',
      });
      // The witness's own vote change is traced too (contract §3: every change of a vote).
      e.quorum.regain('quorum regained: votes recomputed', before);
      regainGroups(e);
    } else {
      // No quorum yet, but the witness's vote still changed (contract §3: every change of a vote).
      e.quorum.traceDiff(before, witnessLabel(e, up));
    }
    return;
  }
  if (!e.quorum.witnessChanged(up, witnessLabel(e, up))) quorumLost(e, ['witness']);
}

/**
 * What changed the witness's availability, in words. In network mode R (networks.md §4.7) can go
 * false while the witness itself is up, when no member reaches it: that is not "witness failed".
 */
function witnessLabel(e: Engine, up: boolean): string {
  if (!e.net.networkMode || e.net.witnessToggled) return up ? 'witness restored' : 'witness failed';
  return up ? 'witness reachable again' : 'witness unreachable';
}
