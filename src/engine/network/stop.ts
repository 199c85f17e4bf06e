/**
 * Graceful stop, `Stop-ClusterNode` (networks.md §4.12): the quorum test, the stop moves, and the
 * departure once the node's groups have finished their offline step.
 */
import type { Engine } from '../cluster/engine';
import type { NodeRt } from '../cluster/runtime';
import type { ActionCheck } from '../model/view';
import { byPriority, chooseFor, startMove, targetsLost } from '../cluster/groups';
import { forgetMonitorsOn, tryStartOffline } from '../cluster/resources';
import { nodesLost, quorumLost } from '../cluster/nodes';
import { providersFirst } from '../policies/dependencies';
import { stopKeepsQuorum } from './rules';
import { afterStepChecks } from './membership';

const q = (s: string) => `"${s}"`;

function witnessAvailable(e: Engine): boolean {
  return e.net.networkMode ? e.net.witnessAvailable() : e.quorum.witnessUp;
}

export function checkStop(e: Engine, name: string): ActionCheck {
  const n = e.nodeByName.get(name);
  if (!n) return { allowed: false, reason: `there is no node ${q(name)}` };
  const no = (reason: string): ActionCheck => ({ allowed: false, reason });
  if (e.isCrashed(n)) return no(`node ${q(name)} does not respond (it crashed)`);
  const s = e.nodeState(n);
  if (s !== 'Up' && s !== 'Paused') return no(`node ${q(name)} is ${s}; only an Up or Paused node can be stopped`);
  if (e.net.stopping.has(n.index)) return no(`node ${q(name)} is already stopping`);
  if (!e.quorum.has) return no('the cluster has no quorum: its service is stopped on every node');
  const members = e.nodes.filter((x) => x !== n && e.net.member(x));
  const voters = e.quorum.set.voters;
  const ok = stopKeepsQuorum({
    dynamic: e.quorum.dynamic,
    otherWeightedMember: members.some((x) => x.spec.properties.NodeWeight === 1),
    witnessConfigured: e.quorum.witnessConfigured,
    witnessAvailable: witnessAvailable(e),
    otherVotersInV: members.filter((x) => voters.includes(x.spec.id)).length,
    sizeOfV: voters.length,
  });
  return ok ? { allowed: true } : no(`stopping node ${q(name)} would leave the cluster without quorum`);
}

/** At t (after the `action` event): x is stopping; its groups move off as a drain does, cause `stop`. */
export function applyStop(e: Engine, x: NodeRt): void {
  const name = x.spec.name;
  const owned = byPriority(e.groups.filter((g) => g.owner === name));
  e.net.stopping.set(
    x.index,
    owned.map((g) => g.spec.name),
  );
  // No Online call on x from now: its restarts and retries are cancelled.
  for (const g of owned)
    for (const r of g.resources) {
      e.disarm(r, 'restart');
      e.disarm(r, 'retry');
      r.dueAt = null;
    }
  // A move heading for x: SF §4.8's moving-target rule, as if x had been detected Down.
  targetsLost(e, new Set([name]));
  for (const g of owned) {
    if (e.groupMoving(g)) continue; // a group already moving keeps its move and cause
    const to = chooseFor(e, g, { kind: 'fromTop' });
    if (to !== null) {
      startMove(e, g, to, 'stop', `node ${q(name)} is stopping: first candidate from the top of the walk is ${q(to)}`);
      continue;
    }
    // No candidate: the offline step only; the persistent state is unchanged.
    for (const r of g.resources) {
      const s = e.resState(r);
      if (s === 'Online' || s === 'OnlinePending') e.resSend(r, { type: 'WANT_OFFLINE' });
    }
    for (const rn of providersFirst(g.spec.resources).reverse()) tryStartOffline(e, e.resourceByName.get(rn)!);
  }
  checkDepartures(e);
}

/** Leave every stopping node whose groups have finished their offline step (§4.12 "Leaving"). */
export function checkDepartures(e: Engine): void {
  for (const [index, groups] of [...e.net.stopping]) {
    const x = e.nodes[index]!;
    const name = x.spec.name;
    const busy = groups.some((gn) => {
      const g = e.groupOf(gn);
      return g.owner === name && g.resources.some((r) => e.resState(r) !== 'Offline' && e.resState(r) !== 'Failed');
    });
    if (!busy) leave(e, x);
  }
}

function leave(e: Engine, x: NodeRt): void {
  const name = x.spec.name;
  x.drained = [];
  forgetMonitorsOn(e, name);
  e.nodeTransition(x, { type: 'STOP' }, 'Stop-ClusterNode: the cluster service stopped gracefully');
  e.net.stopRunning(x.index);
  // §4.12: V recomputed with R after the departure; the witness vote R changes is traced too.
  const before = e.quorum.votesByVoter();
  if (e.net.networkMode) e.quorum.witnessUp = e.net.witnessAvailable();
  e.quorum.recompute(`node ${q(name)} left gracefully`, before);
  if (e.quorum.votesNow() * 2 <= e.quorum.total()) {
    quorumLost(e, [name]);
  } else if (e.groups.some((g) => g.owner === name)) nodesLost(e, new Set([name]));
  afterStepChecks(e);
}
