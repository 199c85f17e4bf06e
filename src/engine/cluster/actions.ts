/**
 * Script actions and UI commands (contract §2): whether each is allowed now (the reason becomes
 * `action.rejected`), and what applying it does.
 */
import type { Engine } from './engine';
import type { Action } from '../model/scenario';
import type { ActionCheck } from '../model/view';
import type { GroupRt, ResRt } from './runtime';
import { HEALTHY } from './runtime';
import { chooseFor, possibleForAll, startMove, bringGroupOnline, checkMoveProgress } from './groups';
import { armHealth, runIsAlive } from './monitor';
import { failResource, tryStartOffline, tryStartOnline, wantOnline, afterDown, hungOn } from './resources';
import { crashNode, pauseNode, resumeNode, startNode, witnessChanged } from './nodes';
import { applyNetworkAction, checkNetworkAction } from '../network/actions';

const q = (s: string) => `"${s}"`;
const OK: ActionCheck = { allowed: true };
const no = (reason: string): ActionCheck => ({ allowed: false, reason });

export function checkAction(e: Engine, a: Action): ActionCheck {
  const needsQuorum = () => (e.quorum.has ? OK : no('the cluster has no quorum: its service is stopped on every node'));
  switch (a.action) {
    case 'crashNode': {
      const n = e.nodeByName.get(a.node);
      if (!n) return no(`there is no node ${q(a.node)}`);
      const s = e.nodeMachineState(n);
      if (s === 'Down' && !e.net.waiting[n.index]) return no(`node ${q(a.node)} is already Down`);
      if (s === 'Crashed') return no(`node ${q(a.node)} has already crashed (the cluster has not noticed yet)`);
      return OK;
    }
    case 'startNode': {
      const n = e.nodeByName.get(a.node);
      if (!n) return no(`there is no node ${q(a.node)}`);
      const s = e.nodeMachineState(n);
      if (s === 'Crashed')
        return no(`node ${q(a.node)} crashed and the cluster has not detected it yet; start it once it is Down`);
      if (s !== 'Down') return no(`node ${q(a.node)} is ${e.nodeState(n)}, not Down`);
      if (e.net.waiting[n.index])
        return no(
          `node ${q(a.node)} is Down but its cluster service is running: it rejoins by itself once it can reach every member`,
        );
      return OK;
    }
    case 'pauseNode': {
      const n = e.nodeByName.get(a.node);
      if (!n) return no(`there is no node ${q(a.node)}`);
      const nq = needsQuorum();
      if (!nq.allowed) return nq;
      if (e.nodeMachineState(n) === 'Crashed') return no(`node ${q(a.node)} does not respond (it crashed)`);
      if (e.net.isStopping(a.node)) return no(`node ${q(a.node)} is stopping`);
      if (e.nodeState(n) !== 'Up') return no(`node ${q(a.node)} is ${e.nodeState(n)}; only an Up node can be paused`);
      if (a.drain && !e.nodes.some((x) => x !== n && e.nodeState(x) === 'Up'))
        return no(`cannot drain ${q(a.node)}: no other node is Up`);
      return OK;
    }
    case 'resumeNode': {
      const n = e.nodeByName.get(a.node);
      if (!n) return no(`there is no node ${q(a.node)}`);
      if (e.nodeMachineState(n) === 'Crashed') return no(`node ${q(a.node)} does not respond (it crashed)`);
      if (e.net.isStopping(a.node)) return no(`node ${q(a.node)} is stopping`);
      if (e.nodeState(n) !== 'Paused') return no(`node ${q(a.node)} is ${e.nodeState(n)}, not Paused`);
      return OK;
    }
    case 'moveGroup': {
      const g = e.groupByName.get(a.group);
      if (!g) return no(`there is no group ${q(a.group)}`);
      const nq = needsQuorum();
      if (!nq.allowed) return nq;
      if (
        movingOrStopping(e, g) ||
        g.lastState === 'Pending' ||
        g.resources.some((r) => e.resState(r).endsWith('Pending'))
      ) {
        return no(`group ${q(a.group)} is Pending: wait until its resources have settled`);
      }
      if (a.node === undefined) {
        return chooseFor(e, g, { kind: 'fromTop' }) === null
          ? no(`no other Up node is a possible owner of every resource of group ${q(a.group)}`)
          : OK;
      }
      const n = e.nodeByName.get(a.node);
      if (!n) return no(`there is no node ${q(a.node)}`);
      if (a.node === g.owner) return no(`group ${q(a.group)} is already on ${q(a.node)}`);
      const s = e.nodeState(n);
      if (s !== 'Up') return no(`node ${q(a.node)} is ${s}; a group can move only to an Up node`);
      if (e.net.isStopping(a.node)) return no(`node ${q(a.node)} is stopping`);
      if (g.runsOn && !g.runsOn.has(a.node)) return no(`group ${q(a.group)} cannot run on node ${q(a.node)}`);
      if (!possibleForAll(g, a.node)) {
        const bad = g.spec.resources
          .filter((r) => r.possibleOwners.length && !r.possibleOwners.includes(a.node!))
          .map((r) => q(r.name));
        return no(`node ${q(a.node)} is not a possible owner of ${bad.join(', ')}`);
      }
      return OK;
    }
    case 'onlineGroup':
    case 'offlineGroup': {
      const g = e.groupByName.get(a.group);
      if (!g) return no(`there is no group ${q(a.group)}`);
      const nq = needsQuorum();
      if (!nq.allowed) return nq;
      if (movingOrStopping(e, g)) return no(`group ${q(a.group)} is moving`);
      if (a.action === 'onlineGroup') {
        if (!e.clusterUp(g.owner)) return no(`group ${q(a.group)} has no live owner node`);
        const paused = pausedOffline(e, g);
        if (paused) return paused;
      }
      return OK;
    }
    case 'onlineResource':
    case 'offlineResource': {
      const r = e.resourceByName.get(a.resource);
      if (!r) return no(`there is no resource ${q(a.resource)}`);
      const nq = needsQuorum();
      if (!nq.allowed) return nq;
      if (movingOrStopping(e, r.group)) return no(`its group ${q(r.group.spec.name)} is moving`);
      if (a.action === 'onlineResource') {
        if (!e.clusterUp(r.group.owner)) return no(`group ${q(r.group.spec.name)} has no live owner node`);
        const paused = pausedOffline(e, r.group);
        if (paused) return paused;
      }
      return OK;
    }
    case 'failResource':
    case 'signalFailure': {
      const r = e.resourceByName.get(a.resource);
      if (!r) return no(`there is no resource ${q(a.resource)}`);
      const s = e.resState(r);
      // On a crashed, undetected node the action is applied but nothing runs there (§4.8).
      if (s !== 'Online') return no(`resource ${q(a.resource)} is ${s}, not Online`);
      return OK;
    }
    case 'setHealth':
    case 'setOnline':
    case 'setOffline':
    case 'heal':
      return e.resourceByName.has(a.resource) ? OK : no(`there is no resource ${q(a.resource)}`);
    case 'failWitness':
      if (e.scenario.cluster.quorum.witness === 'none') return no('no witness is configured');
      return e.net.witnessUp ? OK : no('the witness is already down');
    case 'restoreWitness':
      if (e.scenario.cluster.quorum.witness === 'none') return no('no witness is configured');
      return e.net.witnessUp ? no('the witness is already up') : OK;
    default:
      return checkNetworkAction(e, a);
  }
}

/** networks.md §2: while its owner is stopping, a group counts as moving. */
function movingOrStopping(e: Engine, g: GroupRt): boolean {
  return e.groupMoving(g) || e.net.isStopping(g.owner);
}

/** Contract §4.6/§4.8: a paused node does not bring online a group that is Offline there. */
function pausedOffline(e: Engine, g: GroupRt): ActionCheck | null {
  if (g.owner === null || e.nodeState(e.nodeByName.get(g.owner)!) !== 'Paused' || g.lastState !== 'Offline')
    return null;
  return no(
    `group ${q(g.spec.name)} is Offline on paused node ${q(g.owner)}: a paused node does not bring groups online`,
  );
}

/** Providers an Online needs (AND members and every OR member), transitively. */
function providerClosure(e: Engine, r: ResRt): ResRt[] {
  const out = new Set<ResRt>();
  const visit = (x: ResRt) => {
    for (const orSet of x.spec.dependsOn)
      for (const p of orSet) {
        const pr = e.resourceByName.get(p)!;
        if (!out.has(pr)) {
          out.add(pr);
          visit(pr);
        }
      }
  };
  visit(r);
  return [...out];
}

function dependentClosure(r: ResRt): ResRt[] {
  const out = new Set<ResRt>();
  const visit = (x: ResRt) => {
    for (const d of x.dependents) {
      if (out.has(d)) continue;
      out.add(d);
      visit(d);
    }
  };
  visit(r);
  return [...out];
}

/** Administrator offline of a set of resources: persistent offline, dependents-first Offline calls. */
function takeOffline(e: Engine, set: ResRt[]): void {
  for (const r of set) {
    r.persistent = 'offline';
    r.dueAt = null;
    r.gaveUp = false;
    e.disarm(r, 'restart');
    e.disarm(r, 'retry');
    const s = e.resState(r);
    if (s === 'Online' || s === 'OnlinePending') r.offlineWanted = true;
    else if (s === 'Failed') {
      e.resTransition(r, { type: 'TAKE_DOWN' }, 'administrator offline of a Failed resource');
    }
  }
  for (const r of [...set].reverse()) tryStartOffline(e, r);
  for (const r of set) afterDown(e, r);
}

export function applyAction(e: Engine, a: Action): void {
  switch (a.action) {
    case 'crashNode':
      return crashNode(e, e.nodeByName.get(a.node)!);
    case 'startNode':
      return startNode(e, e.nodeByName.get(a.node)!);
    case 'pauseNode':
      return pauseNode(e, e.nodeByName.get(a.node)!, a.drain ?? false);
    case 'resumeNode':
      return resumeNode(e, e.nodeByName.get(a.node)!, a.failback ?? 'NoFailback');
    case 'moveGroup': {
      const g = e.groupOf(a.group);
      const target = a.node ?? chooseFor(e, g, { kind: 'fromTop' })!;
      const why = a.node
        ? `administrator move to ${q(target)}`
        : `administrator move to the best possible node: ${q(target)} is first in the walk`;
      const named = a.node !== undefined;
      if (!e.clusterUp(g.owner)) {
        // No live owner: nothing to take offline.
        e.groupSend(g, { type: 'MOVE_START', target, cause: 'move', reason: why, named });
        checkMoveProgress(e, g);
        return;
      }
      return startMove(e, g, target, 'move', why, named);
    }
    case 'onlineGroup': {
      const g = e.groupOf(a.group);
      g.persistent = 'online';
      for (const r of g.resources) {
        r.persistent = 'online';
        r.gaveUp = false;
        e.disarm(r, 'retry');
      }
      return bringGroupOnline(e, g, 'administrator online');
    }
    case 'offlineGroup': {
      const g = e.groupOf(a.group);
      g.persistent = 'offline';
      return takeOffline(e, g.resources);
    }
    case 'onlineResource': {
      const r = e.resourceByName.get(a.resource)!;
      const set = [...providerClosure(e, r), r];
      for (const x of set) {
        x.persistent = 'online';
        x.gaveUp = false;
        e.disarm(x, 'retry');
        const s = e.resState(x);
        if (s === 'Offline' || s === 'Failed') wantOnline(e, x, 'administrator online');
      }
      r.group.persistent = 'online';
      for (const x of set) tryStartOnline(e, x);
      return;
    }
    case 'offlineResource': {
      const r = e.resourceByName.get(a.resource)!;
      return takeOffline(
        e,
        [r, ...dependentClosure(r)].sort((x, y) => x.spec.index - y.spec.index),
      );
    }
    case 'failResource': {
      const r = e.resourceByName.get(a.resource)!;
      if (!e.runs(r.group.owner)) return; // nothing runs on a crashed node (§4.8)
      return failResource(e, r, 'Test-ClusterResourceFailure', { count: true });
    }
    case 'signalFailure': {
      const r = e.resourceByName.get(a.resource)!;
      // §4.8: nothing runs on a crashed node, and a resource with a hung call there gets no
      // further check: the signal is traced as the action and nothing else happens.
      if (!e.runs(r.group.owner) || hungOn(r, r.group.owner)) return;
      if (e.semantics.signalFailure === 'immediateFailure')
        return failResource(e, r, 'the resource DLL signalled a failure', { count: true });
      return runIsAlive(e, r, 'the resource DLL signalled a failure: IsAlive runs at once');
    }
    case 'setHealth': {
      const r = e.resourceByName.get(a.resource)!;
      if (a.looksAlive) r.faults.looksAlive = a.looksAlive;
      if (a.isAlive) r.faults.isAlive = a.isAlive;
      return armHealth(e, r);
    }
    case 'setOnline':
      e.resourceByName.get(a.resource)!.faults.online = a.result;
      return;
    case 'setOffline':
      e.resourceByName.get(a.resource)!.faults.offline = a.result;
      return;
    case 'heal': {
      const r = e.resourceByName.get(a.resource)!;
      r.faults = { ...HEALTHY };
      // A call already hung stays hung until its DeadlockTimeout (contract §2); armHealth knows.
      armHealth(e, r);
      return;
    }
    case 'failWitness':
    case 'restoreWitness': {
      const up = a.action === 'restoreWitness';
      e.net.witnessUp = up;
      // networks.md §4.7: in network mode the after-step checks (Engine.applyNow) handle the change of R.
      if (e.net.networkMode) return;
      return witnessChanged(e, up);
    }
    default:
      return applyNetworkAction(e, a);
  }
}
