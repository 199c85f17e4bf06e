/** Checks and effects that several actions share (contract §2, §4.6, §4.8). */
import type { ActionCheck } from '../model/view';
import type { Engine } from '../cluster/engine';
import type { GroupRt, ResRt } from '../cluster/runtime';
import { afterDown, tryStartOffline } from '../cluster/resources';
import { witnessChanged } from '../cluster/nodes';
import { OK, no, psLiteral, q } from './types';

/** The cluster service answers administrator calls only while it has quorum. */
export function needsQuorum(e: Engine): ActionCheck {
  return e.quorum.has ? OK : no('the cluster has no quorum: its service is stopped on every node');
}

/** Contract §4.6/§4.8: a paused node does not bring online a group that is Offline there. */
export function pausedOffline(e: Engine, g: GroupRt): ActionCheck | null {
  if (g.owner === null || e.nodeState(e.nodeByName.get(g.owner)!) !== 'Paused' || g.lastState !== 'Offline')
    return null;
  return no(
    `group ${q(g.spec.name)} is Offline on paused node ${q(g.owner)}: a paused node does not bring groups online`,
  );
}

/** onlineGroup / offlineGroup: the group exists, the cluster has quorum, the group is not moving. */
export function checkGroupCommand(e: Engine, group: string, online: boolean): ActionCheck {
  const g = e.groupByName.get(group);
  if (!g) return no(`there is no group ${q(group)}`);
  const nq = needsQuorum(e);
  if (!nq.allowed) return nq;
  if (movingOrStopping(e, g)) return no(`group ${q(group)} is moving`);
  if (online) {
    if (!e.clusterUp(g.owner)) return no(`group ${q(group)} has no live owner node`);
    const paused = pausedOffline(e, g);
    if (paused) return paused;
  }
  return OK;
}

/** onlineResource / offlineResource: likewise for one resource and its group. */
export function checkResourceCommand(e: Engine, resource: string, online: boolean): ActionCheck {
  const r = e.resourceByName.get(resource);
  if (!r) return no(`there is no resource ${q(resource)}`);
  const nq = needsQuorum(e);
  if (!nq.allowed) return nq;
  if (movingOrStopping(e, r.group)) return no(`its group ${q(r.group.spec.name)} is moving`);
  if (online) {
    if (!e.clusterUp(r.group.owner)) return no(`group ${q(r.group.spec.name)} has no live owner node`);
    const paused = pausedOffline(e, r.group);
    if (paused) return paused;
  }
  return OK;
}

/** failResource / signalFailure: only an Online resource can fail. */
export function checkOnlineResource(e: Engine, resource: string): ActionCheck {
  const r = e.resourceByName.get(resource);
  if (!r) return no(`there is no resource ${q(resource)}`);
  const s = e.resState(r);
  // On a crashed, undetected node the action is applied but nothing runs there (§4.8).
  if (s !== 'Online') return no(`resource ${q(resource)} is ${s}, not Online`);
  return OK;
}

/** The fault injections: allowed whenever the resource exists. */
export function checkResourceExists(e: Engine, resource: string): ActionCheck {
  return e.resourceByName.has(resource) ? OK : no(`there is no resource ${q(resource)}`);
}

/** failWitness / restoreWitness: a witness is configured and is not already in the wanted state. */
export function checkWitness(e: Engine, up: boolean): ActionCheck {
  if (e.scenario.cluster.quorum.witness === 'none') return no('no witness is configured');
  // networks.md §4.7: in network mode the witness itself and R (what quorum counts) may differ.
  const isUp = e.net.networkMode ? e.net.witnessUp : e.quorum.witnessUp;
  if (up) return isUp ? no('the witness is already up') : OK;
  return isUp ? OK : no('the witness is already down');
}

/** networks.md §2: while its owner is stopping, a group counts as moving. */
export function movingOrStopping(e: Engine, g: GroupRt): boolean {
  return e.groupMoving(g) || e.net.isStopping(g.owner);
}

/**
 * failWitness / restoreWitness. networks.md §4.7: in network mode they change the witness itself
 * and the after-step checks (../coordinator.ts) handle the change of R, with SF's events and order.
 */
export function setWitness(e: Engine, up: boolean): void {
  e.net.witnessUp = up;
  e.net.witnessToggled = e.net.networkMode;
  if (!e.net.networkMode) witnessChanged(e, up);
}

/** Administrator offline of a set of resources: persistent offline, dependents-first Offline calls. */
export function takeOffline(e: Engine, set: ResRt[]): void {
  for (const r of set) {
    r.persistent = 'offline';
    r.dueAt = null;
    e.disarm(r, 'restart');
    e.disarm(r, 'retry');
    const s = e.resState(r);
    if (s === 'Online' || s === 'OnlinePending') e.resSend(r, { type: 'WANT_OFFLINE' });
    else if (s === 'Failed') {
      e.resTransition(r, { type: 'TAKE_DOWN' }, 'administrator offline of a Failed resource');
    }
  }
  for (const r of [...set].reverse()) tryStartOffline(e, r);
  for (const r of set) afterDown(e, r);
}

/** `Verb-ClusterX -Name 'name'`. */
export function psNamed(cmdlet: string, name: string): { line: string } {
  return { line: `${cmdlet} -Name ${psLiteral(name)}` };
}
