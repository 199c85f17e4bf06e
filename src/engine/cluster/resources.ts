/**
 * Resource rules: Online/Offline calls (contract §4.1), health checks (§4.2), monitor recycle (§4.3),
 * and the dependents rule (§4.4); the restart policy's decision is in restarts.ts.
 */
import type { Engine } from './engine';
import type { DeadlockSlot, ResRt } from './runtime';
import { providersSatisfied, providersFirst } from '../policies/dependencies';
import { EMPTY_RESTART_WINDOW } from '../policies/windows';
import { humanMs } from '../policies/format';
import { ipCut } from '../network/ipCut';
import { resourceIn } from '../machines/resourceTable';
import { restartPolicies } from './restarts';

export const ACTIVE = new Set(['OnlinePending', 'Online', 'OfflinePending']);

export function q(name: string): string {
  return `"${name}"`;
}

/** Has the resource a call that never returned on this node? Then no health check runs for it there (§4.8). */
export function hungOn(r: ResRt, node: string | null): boolean {
  return node !== null && r.hung.some((h) => h.node === node);
}

/** Does the cluster want this resource Offline (a move or an administrator offline, dependents-first)? */
export function wantsOffline(r: ResRt): boolean {
  return resourceIn(r.m, 'Online.wish.leave') || resourceIn(r.m, 'OnlinePending.wish.leave');
}

/** Ask for an Online call at `dueAt` (now or later); it starts once the providers are Online too. */
export function wantOnline(e: Engine, r: ResRt, reason: string): void {
  if (r.persistent !== 'online') return;
  r.dueAt = e.now();
  r.dueReason = reason;
}

/** Start the Online call if everything it waits for is there (contract §4.1 providers-first). */
export function tryStartOnline(e: Engine, r: ResRt): void {
  const g = r.group;
  if (r.dueAt === null || e.now() < r.dueAt) return;
  if (r.persistent !== 'online' || !e.quorum.has) return;
  if (!e.clusterUp(g.owner) || e.groupMoving(g)) return;
  const state = e.resState(r);
  if (state !== 'Offline' && state !== 'Failed') return;
  const owners = r.spec.possibleOwners;
  if (owners.length && !owners.includes(g.owner!)) return; // stays Offline on a node it cannot run on
  // networks.md §4.10: not allowed = not called; and no Online call on a stopping node (§4.12).
  if (r.notAllowedOn?.has(g.owner!) || e.net.isStopping(g.owner)) return;
  if (!providersSatisfied(r.spec.dependsOn, (p) => e.resState(e.resourceByName.get(p)!) === 'Online')) return;
  onlineCall(e, r, r.dueReason);
}

function onlineCall(e: Engine, r: ResRt, reason: string): void {
  r.dueAt = null;
  e.disarm(r, 'restart');
  // The Online call loads the resource into a monitor: its own if it has been given one.
  r.inOwnMonitor = r.separate;
  e.resTransition(r, { type: 'CALL_ONLINE' }, reason);
  makeCall(e, r, 'Online', `Online call made (${reason})`);
}

/**
 * An Online or Offline call into the simulated DLL (contract §4.1), answered by the resource's
 * injected behaviour: ok/fail after onlineMs/offlineMs (at once when 0), stall until
 * min(PendingTimeout, DeadlockTimeout), hang until DeadlockTimeout recycles the monitor.
 */
function makeCall(e: Engine, r: ResRt, call: 'Online' | 'Offline', pendingReason: string): void {
  const node = r.group.owner!;
  const name = r.spec.name;
  const behavior = call === 'Online' ? r.faults.online : r.faults.offline;
  const ms = call === 'Online' ? r.spec.behavior.onlineMs : r.spec.behavior.offlineMs;
  const p = r.spec.properties;
  if (!e.runs(node)) {
    // Contract §4.8: the cluster has not noticed the crash yet, so it makes the call, but nothing
    // runs on that node: the call never returns. Node-loss detection ends it.
    e.emit({
      type: 'call',
      resource: name,
      node,
      call,
      result: 'pending',
      reason: `${pendingReason}; node ${q(node)} has crashed (not yet detected): the call never returns`,
    });
    e.resSend(r, { type: 'NO_ANSWER' });
    return;
  }
  if ((behavior === 'ok' || behavior === 'fail') && ms === 0) {
    // networks.md §4.10: an IP Address whose interface is cut fails the Online call at once.
    const result = behavior === 'ok' && call === 'Online' && ipCut(e, r) ? 'fail' : behavior;
    e.emit({
      type: 'call',
      resource: name,
      node,
      call,
      result,
      reason: `${call} call ${result === 'ok' ? 'succeeds' : 'fails'} at once`,
    });
    if (result === 'ok') callDone(e, r, call);
    else callFailed(e, r, call, `the ${call} call failed`);
    return;
  }
  if (behavior === 'hang') {
    e.emit({ type: 'call', resource: name, node, call, result: 'hang', reason: `the ${call} call never returns` });
    e.above.hang(e, r, call);
    return;
  }
  e.emit({ type: 'call', resource: name, node, call, result: 'pending', reason: pendingReason });
  const kind = call === 'Online' ? 'onlineCall' : 'offlineCall';
  if (behavior === 'ok') {
    e.arm(r, 'call', kind, ms, `${call} completes (${humanMs(ms)})`, 'callDone', { call });
  } else if (behavior === 'fail') {
    e.arm(r, 'call', kind, ms, `${call} fails (${humanMs(ms)})`, 'callFail', {
      call,
      reason: `the ${call} call returned an error`,
    });
  } else {
    const limit = Math.min(p.PendingTimeout, p.DeadlockTimeout);
    e.arm(r, 'call', 'pendingTimeout', limit, `PendingTimeout ${humanMs(limit)}`, 'callFail', {
      call,
      reason: `${call}Pending for ${humanMs(limit)}: PendingTimeout reached, Terminate`,
    });
    e.resSend(r, { type: 'STALL' });
  }
}

/** A call's completion timer fired: the call returned. */
export function callDone(e: Engine, r: ResRt, call: 'Online' | 'Offline'): void {
  if (call === 'Online') onlineDone(e, r);
  else offlineDone(e, r);
}

function onlineDone(e: Engine, r: ResRt): void {
  // networks.md §4.10: a call that would succeed ends `fail` if the interface is cut when it completes.
  if (ipCut(e, r)) return callFailed(e, r, 'Online', 'the Online call failed: its network interface is cut');
  e.resTransition(r, { type: 'ONLINE_DONE' }, 'the Online call completed');
  r.tOnline = e.now();
  e.above.armHealth(e, r);
  if (wantsOffline(r)) {
    tryStartOffline(e, r);
    return;
  }
  for (const d of r.dependents) tryStartOnline(e, d);
}

/** An Online or Offline call that failed or timed out: Terminate, Failed. */
export function callFailed(e: Engine, r: ResRt, call: 'Online' | 'Offline', reason: string): void {
  // Contract §4.5: a failed or timed-out Offline leaves the resource Failed without counting.
  const counts = call === 'Online';
  failResource(e, r, reason, { count: counts });
}

/** Ask for an Offline call once every dependent is down (dependents-first, contract §4.1). */
export function tryStartOffline(e: Engine, r: ResRt): void {
  // Only an Online or OnlinePending resource can be wanted Offline; leaving those states ends the wish.
  if (!wantsOffline(r)) return;
  const state = e.resState(r);
  if (state === 'OnlinePending') {
    // A pending Online on a crashed, undetected node never returns and nothing reaches it:
    // it ends at detection (contract §4.8).
    if (!e.runs(r.group.owner)) return;
    // The contract leaves a pending Online during a move open: we Terminate it (documented).
    // That is the Offline it wanted: a later Online (on the move's target) must not be undone.
    terminateToOffline(e, r, 'taken offline while its Online call was pending (Terminate)');
    afterDown(e, r);
    return;
  }
  if (r.dependents.some((d) => ACTIVE.has(e.resState(d)))) return;
  offlineCall(e, r);
}

function offlineCall(e: Engine, r: ResRt): void {
  e.disarm(r, 'health');
  e.resTransition(r, { type: 'CALL_OFFLINE' }, 'dependents-first offline');
  makeCall(e, r, 'Offline', 'Offline call made');
}

function offlineDone(e: Engine, r: ResRt): void {
  r.tOnline = null;
  e.resTransition(r, { type: 'OFFLINE_DONE' }, 'the Offline call completed');
  afterDown(e, r);
  // A move cancelled while this Offline was pending wants the resource back (§4.8).
  tryStartOnline(e, r);
}

/** A resource reached Offline or Failed: its providers may now go offline, a move may proceed. */
export function afterDown(e: Engine, r: ResRt): void {
  for (const orSet of r.spec.dependsOn) for (const p of orSet) tryStartOffline(e, e.resourceByName.get(p)!);
  e.above.checkMoveProgress(e, r.group);
}

/**
 * Stop the call and health-check timers: the resource is being stopped by the cluster (its
 * machine leaves the pending or Online state next). A hung call is NOT forgotten: it stays hung in
 * its monitor until DeadlockTimeout recycles it (contract §4.8), whatever happens meanwhile.
 */
export function stopActivity(e: Engine, r: ResRt): void {
  e.disarm(r, 'call');
  e.disarm(r, 'health');
}

/**
 * The monitors of a node are gone (the node crashed, or its cluster service stopped): their hung
 * calls will never be recycled (contract §4.8: no recycle on a crashed or Down node).
 */
export function forgetMonitorsOn(e: Engine, node: string): void {
  for (const r of e.resources) {
    if (!r.hung.some((h) => h.node === node)) continue;
    for (const h of r.hung) if (h.node === node) e.disarm(r, deadlockSlot(node, h.own, h.since));
    r.hung = r.hung.filter((h) => h.node !== node);
  }
}

/** The timer slot of one hung call: its monitor (shared or own), node and start instant. */
export function deadlockSlot(node: string, own: boolean, since: number): DeadlockSlot {
  return `deadlock@${own ? 'own' : 'shared'}@${node}@${since}`;
}

/** Terminate (no Offline call) straight to Offline — dependents of a failed provider, pending calls. */
export function terminateToOffline(e: Engine, r: ResRt, reason: string): void {
  stopActivity(e, r);
  r.tOnline = null;
  e.resTransition(r, { type: 'TAKE_DOWN' }, reason);
  e.emit({
    type: 'call',
    resource: r.spec.name,
    node: r.group.owner!,
    call: 'Terminate',
    result: 'ok',
    reason: 'Terminate',
  });
}

/** Move to Failed and call Terminate (contract §4.4: Terminate at every transition into Failed). */
export function enterFailed(e: Engine, r: ResRt, reason: string): void {
  stopActivity(e, r);
  r.tOnline = null;
  e.resTransition(r, { type: 'FAIL' }, reason);
  if (r.group.owner !== null) {
    e.emit({
      type: 'call',
      resource: r.spec.name,
      node: r.group.owner,
      call: 'Terminate',
      result: 'ok',
      reason: 'Terminate after failure',
    });
  }
}

export interface FailOptions {
  /** Counts against the restart threshold (contract §4.4). */
  count: boolean;
  /** Apply the dependents rule (not for resources of a recycled monitor, §4.3). */
  dependents?: boolean;
}

/** A resource fails: Failed + Terminate, dependents down, then the restart policy. */
export function failResource(e: Engine, r: ResRt, reason: string, opts: FailOptions): void {
  enterFailed(e, r, reason);
  const alsoFailed = opts.dependents !== false ? takeDownDependents(e, r) : [];
  // A failure during a move counts like any other (§4.4: every transition into Failed); the move
  // decides what follows (restartPolicies).
  if (opts.count) restartPolicies(e, [r, ...alsoFailed]);
  afterDown(e, r);
  for (const x of alsoFailed) afterDown(e, x);
}

/**
 * Contract §4.4: every resource that no longer has its AND providers and one member of each OR
 * set Online (directly or through the chain) goes to Offline at the same instant (Terminate, no
 * Offline call, not counted) and comes back providers-first when they are Online again.
 */
export function takeDownDependents(e: Engine, failed: ResRt): ResRt[] {
  const g = failed.group;
  const down = new Set<string>();
  const isUp = (name: string) => !down.has(name) && e.resState(e.resourceByName.get(name)!) === 'Online';
  for (const name of providersFirst(g.spec.resources)) {
    const r = e.resourceByName.get(name)!;
    if (r === failed) continue;
    const s = e.resState(r);
    if ((s === 'Online' || s === 'OnlinePending') && !providersSatisfied(r.spec.dependsOn, isUp)) down.add(name);
  }
  const order = providersFirst(g.spec.resources)
    .reverse()
    .filter((n) => down.has(n));
  const failedToo: ResRt[] = [];
  for (const name of order) {
    const r = e.resourceByName.get(name)!;
    const why = `provider ${q(failed.spec.name)} failed: a required provider is no longer Online`;
    if (e.semantics.dependentsOnProviderFailure === 'Failed') {
      // Semantics option: dependents fail too; their failures are decided with the provider's.
      enterFailed(e, r, why);
      failedToo.push(r);
    } else {
      terminateToOffline(e, r, why);
      wantOnline(e, r, `provider ${q(failed.spec.name)} is back: providers-first online`);
    }
  }
  return failedToo;
}

/** RestartDelay elapsed: the restart's Online call starts once the providers are Online too (§4.1). */
export function restartDue(e: Engine, r: ResRt): void {
  // A node loss may have taken the resource Offline meanwhile; its timer still runs (§4.8).
  if (resourceIn(r.m, 'Failed.restartScheduled')) e.resSend(r, { type: 'RESTART_DUE' });
  tryStartOnline(e, r);
}

/** RetryPeriodOnFailure elapsed: the restart count is reset and Online is tried again. */
export function retryNow(e: Engine, r: ResRt): void {
  const p = r.spec.properties;
  e.emit({
    type: 'policy',
    rule: 'RetryPeriodOnFailure',
    subject: r.spec.name,
    detail: `Failed for ${humanMs(p.RetryPeriodOnFailure)}: restart count reset, Online tried again`,
    reason: `RetryPeriodOnFailure ${humanMs(p.RetryPeriodOnFailure)} elapsed`,
  });
  r.restartWindow = EMPTY_RESTART_WINDOW;
  if (e.resState(r) !== 'Failed') return;
  if (resourceIn(r.m, 'Failed.retryWait')) e.resSend(r, { type: 'RETRY_DUE' });
  r.dueAt = e.now();
  r.dueReason = 'RetryPeriodOnFailure retry';
  tryStartOnline(e, r);
}
