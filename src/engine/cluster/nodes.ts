/**
 * Node rules (contract §4.6) and the cluster-wide consequences of nodes coming and going: formation
 * at t = 0, crash and heartbeat detection, join, pause/drain, resume, quorum loss and regain (§4.7).
 */
import type { Engine } from './engine';
import type { GroupRt, NodeRt } from './runtime';
import { humanMs } from '../policies/format';
import {
  autoStart,
  byPriority,
  chooseFor,
  considerFailback,
  failoverGroup,
  placeAwaiting,
  possibleForAll,
  setOwner,
  startMove,
} from './groups';
import { stopActivity } from './resources';
import { initialOwnerOf } from '../policies/initialOwner';

const q = (s: string) => `"${s}"`;

/** t = 0: the Up nodes form the cluster; groups are placed silently and started in Priority order. */
export function formCluster(e: Engine): void {
  e.quorum.init();
  for (const g of e.groups) {
    g.owner = initialOwnerOf(e.scenario.nodes, g.spec);
    if (g.owner === null) g.awaitingTarget = true;
  }
  if (!e.quorum.has) return;
  autoStart(e, e.groups, 'cluster formed: group online');
}

export function detectionDelay(e: Engine): number {
  const p = e.scenario.cluster.properties;
  return p.SameSubnetDelay * p.SameSubnetThreshold;
}

export function crashNode(e: Engine, n: NodeRt): void {
  if (e.nodeMachineState(n) === 'Joining') {
    e.disarm(n.timers, 'join');
    e.nodeTransition(n, { type: 'CRASH', at: e.now() }, 'crashed while joining');
    return;
  }
  e.nodeTransition(n, { type: 'CRASH', at: e.now() }, 'crashed');
  // The node is gone: nothing runs on it any more, but the cluster keeps showing the last known
  // state until heartbeats are missed (contract §4.6).
  for (const g of e.groups) {
    if (g.owner !== n.spec.name) continue;
    for (const r of g.resources) {
      stopActivity(e, r);
      e.disarm(r.timers, 'restart');
      e.disarm(r.timers, 'retry');
    }
  }
  const delay = detectionDelay(e);
  const p = e.scenario.cluster.properties;
  e.arm(n.timers, 'detect', 'nodeDetection', n.spec.name, delay, `heartbeat loss detected in ${humanMs(delay)}`, () =>
    detectDown(
      e,
      `missed ${p.SameSubnetThreshold} heartbeats ${humanMs(p.SameSubnetDelay)} apart (SameSubnetDelay × SameSubnetThreshold = ${humanMs(delay)})`,
    ),
  );
}

/** Every crashed node whose detection falls on this instant is detected together (contract §4.7). */
function detectDown(e: Engine, reason: string): void {
  const lost = e.nodes.filter((n) => {
    const t = n.timers.detect;
    return e.nodeMachineState(n) === 'Crashed' && (t === undefined || t.deadline === e.now());
  });
  for (const n of lost) {
    e.disarm(n.timers, 'detect');
    n.drained = [];
    e.nodeTransition(n, { type: 'DETECTED' }, reason);
  }
  const names = new Set(lost.map((n) => n.spec.name));
  if (e.quorum.has && !e.quorum.afterLoss(`node ${[...names].map(q).join(', ')} lost`)) {
    quorumLost(e, [...names]);
    return;
  }
  const affected = byPriority(e.groups.filter((g) => g.owner !== null && names.has(g.owner)));
  for (const g of affected) {
    if (e.groupMoving(g)) g.actor.send({ type: 'MOVE_CANCEL' });
    e.disarm(g.timers, 'failback');
    for (const r of g.resources) {
      stopActivity(e, r);
      r.offlineWanted = false;
      if (e.resState(r) !== 'Offline') e.resTransition(r, { type: 'TAKE_DOWN' }, `node ${q(g.owner!)} lost`);
    }
  }
  if (!e.quorum.has) return;
  for (const g of affected) failoverGroup(e, g, 'nodeDown', `owner node ${q(g.owner!)} went Down`);
}

/** QuorumLost (contract §4.7): the cluster service stops everywhere, persistent states unchanged. */
function quorumLost(e: Engine, lostNames: string[]): void {
  e.quorum.has = false;
  e.emit({
    type: 'policy',
    rule: 'QuorumLost',
    subject: 'cluster',
    detail: `after losing ${lostNames.map(q).join(', ')} the remaining votes are not more than half of ${e.quorum.total()}`,
    reason: 'quorum lost: the cluster service stops on every node',
  });
  for (const n of e.nodes) {
    e.disarmAll(n.timers);
    n.drained = [];
    if (e.nodeMachineState(n) !== 'Down') e.nodeTransition(n, { type: 'STOP' }, 'quorum lost: cluster service stopped');
  }
  for (const g of e.groups) {
    if (e.groupMoving(g)) g.actor.send({ type: 'MOVE_CANCEL' });
    e.disarmAll(g.timers);
    for (const r of g.resources) {
      stopActivity(e, r);
      e.disarm(r.timers, 'restart');
      e.disarm(r.timers, 'retry');
      r.dueAt = null;
      r.offlineWanted = false;
      if (e.resState(r) !== 'Offline')
        e.resTransition(r, { type: 'TAKE_DOWN' }, 'quorum lost: cluster service stopped');
    }
  }
}

export function startNode(e: Engine, n: NodeRt): void {
  e.nodeTransition(n, { type: 'START' }, 'node started: joining the cluster');
  const ms = n.spec.behavior.joinMs;
  e.arm(n.timers, 'join', 'nodeJoin', n.spec.name, ms, `joins in ${humanMs(ms)}`, () => joined(e, n));
}

function joined(e: Engine, n: NodeRt): void {
  e.nodeTransition(n, { type: 'JOINED' }, 'joined the cluster');
  if (!e.quorum.has) {
    if (!e.quorum.canRegain()) return;
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

/** After QuorumRegained: groups return to their persistent state, on the last owner if Up, else the first candidate from the top. */
function regainGroups(e: Engine): void {
  for (const g of byPriority(e.groups)) {
    const ownerUp = g.owner !== null && e.nodeState(e.nodeByName.get(g.owner)!) === 'Up';
    if (!ownerUp) {
      const to = chooseFor(e, { ...g, owner: null } as GroupRt, { kind: 'fromTop' });
      if (to === null) {
        g.awaitingTarget = true;
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
  }
  autoStart(e, e.groups, 'quorum regained: group returns to its persistent state');
}

export function pauseNode(e: Engine, n: NodeRt, drain: boolean): void {
  e.nodeTransition(n, { type: 'PAUSE' }, drain ? 'Suspend-ClusterNode -Drain' : 'Suspend-ClusterNode');
  if (!drain) return;
  for (const g of byPriority(e.groups.filter((x) => x.owner === n.spec.name))) {
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
    e.quorum.witnessUp = up;
    if (up && e.quorum.canRegain()) {
      e.emit({
        type: 'policy',
        rule: 'QuorumRegained',
        subject: 'cluster',
        detail: 'the witness vote completes a majority',
        reason: 'witness restored: quorum regained',
      });
      e.quorum.regain('quorum regained: votes recomputed');
      regainGroups(e);
    }
    return;
  }
  if (!e.quorum.witnessChanged(up, up ? 'witness restored' : 'witness failed')) quorumLost(e, ['witness']);
}
