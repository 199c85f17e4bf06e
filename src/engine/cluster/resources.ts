/**
 * Resource rules: Online/Offline calls (contract §4.1), health checks (§4.2), monitor recycle (§4.3),
 * restarts and the dependents rule (§4.4).
 */
import type { Engine } from './engine';
import type { DeadlockSlot, ResRt } from './runtime';
import { providersSatisfied, providersFirst } from '../policies/dependencies';
import { countFailure, EMPTY_RESTART_WINDOW } from '../policies/windows';
import { clockAt, humanMs } from '../policies/format';
import { DWORD_MAX } from '../model/scenario';

export const ACTIVE = new Set(['OnlinePending', 'Online', 'OfflinePending']);

export function q(name: string): string {
  return `"${name}"`;
}

/** Has the resource a call that never returned on this node? Then no health check runs for it there (§4.8). */
export function hungOn(r: ResRt, node: string | null): boolean {
  return node !== null && r.hung.some((h) => h.node === node);
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
  if (!providersSatisfied(r.spec.dependsOn, (p) => e.resState(e.resourceByName.get(p)!) === 'Online')) return;
  onlineCall(e, r, r.dueReason);
}

function onlineCall(e: Engine, r: ResRt, reason: string): void {
  r.dueAt = null;
  r.gaveUp = false;
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
  r.pendingCall = call;
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
    return;
  }
  if ((behavior === 'ok' || behavior === 'fail') && ms === 0) {
    e.emit({
      type: 'call',
      resource: name,
      node,
      call,
      result: behavior,
      reason: `${call} call ${behavior === 'ok' ? 'succeeds' : 'fails'} at once`,
    });
    if (behavior === 'ok') callDone(e, r, call);
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
  }
}

/** A call's completion timer fired: the call returned. */
export function callDone(e: Engine, r: ResRt, call: 'Online' | 'Offline'): void {
  if (call === 'Online') onlineDone(e, r);
  else offlineDone(e, r);
}

function onlineDone(e: Engine, r: ResRt): void {
  r.pendingCall = null;
  e.resTransition(r, { type: 'ONLINE_DONE' }, 'the Online call completed');
  r.tOnline = e.now();
  e.above.armHealth(e, r);
  if (r.offlineWanted) {
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
  if (!r.offlineWanted) return;
  const state = e.resState(r);
  if (state === 'OnlinePending') {
    // A pending Online on a crashed, undetected node never returns and nothing reaches it:
    // it ends at detection (contract §4.8).
    if (!e.runs(r.group.owner)) return;
    // The contract leaves a pending Online during a move open: we Terminate it (documented).
    terminateToOffline(e, r, 'taken offline while its Online call was pending (Terminate)');
    afterDown(e, r);
    return;
  }
  if (state !== 'Online') {
    if (state !== 'OfflinePending') r.offlineWanted = false;
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
  r.pendingCall = null;
  r.offlineWanted = false;
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
 * Stop the call and health-check timers and forget a running call: the resource is being stopped
 * by the cluster. A hung call is NOT forgotten: it stays hung in its monitor until DeadlockTimeout
 * recycles it (contract §4.8), whatever happens to the resource meanwhile.
 */
export function stopActivity(e: Engine, r: ResRt): void {
  e.disarm(r, 'call');
  e.disarm(r, 'health');
  r.pendingCall = null;
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
  const wasMoving = e.groupMoving(r.group);
  enterFailed(e, r, reason);
  r.offlineWanted = false;
  const alsoFailed = opts.dependents !== false ? takeDownDependents(e, r) : [];
  if (opts.count && !wasMoving) restartPolicies(e, [r, ...alsoFailed]);
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
      r.offlineWanted = false;
      failedToo.push(r);
    } else {
      terminateToOffline(e, r, why);
      wantOnline(e, r, `provider ${q(failed.spec.name)} is back: providers-first online`);
    }
  }
  return failedToo;
}

/**
 * Contract §4.8, failures of one instant are decided together: every failure is counted and its
 * restart policy decided on the node where it failed; if any decision fails the group over, it
 * fails over once (its owner change then cancels the others' restarts, §4.5). Decisions run in
 * file order, and no decision depends on another's, so the outcome does not depend on that order.
 */
export function restartPolicies(e: Engine, failed: readonly ResRt[]): void {
  const failover = new Map<ResRt['group'], ResRt>();
  const ordered = [...failed].sort((a, b) => a.spec.index - b.spec.index);
  for (const r of ordered) {
    if (r.persistent !== 'online') continue;
    if (decideRestart(e, r) && !failover.has(r.group)) failover.set(r.group, r);
  }
  for (const [g, r] of failover) {
    e.above.failoverGroup(e, g, 'resource', `resource ${q(r.spec.name)} exceeded its RestartThreshold`);
  }
}

/** Contract §4.4 restart policy, after a counted failure. Returns true when the group must fail over. */
function decideRestart(e: Engine, r: ResRt): boolean {
  const p = r.spec.properties;
  const name = r.spec.name;
  r.restartWindow = countFailure(r.restartWindow, e.now(), p.RestartPeriod, e.semantics.restartWindow);
  if (p.RestartAction === 0) {
    r.gaveUp = true; // RestartAction 0: stays Failed for good, no RetryPeriodOnFailure either
    return false;
  }
  if (r.restartWindow.count <= p.RestartThreshold) {
    r.dueAt = e.now() + p.RestartDelay;
    r.dueReason = `restart ${r.restartWindow.count} of ${p.RestartThreshold} in the RestartPeriod window`;
    e.arm(r, 'restart', 'restartDelay', p.RestartDelay, `RestartDelay ${humanMs(p.RestartDelay)}`, 'restart');
    return false;
  }
  r.gaveUp = true;
  r.dueAt = null;
  e.emit({
    type: 'policy',
    rule: 'RestartThresholdExceeded',
    subject: name,
    detail: `${r.restartWindow.count} failures since t=${clockAt(r.restartWindow.start!)} exceed RestartThreshold ${p.RestartThreshold} in RestartPeriod ${humanMs(p.RestartPeriod)}; RestartAction ${p.RestartAction}`,
    reason: `resource ${q(name)} failed ${r.restartWindow.count} times within ${humanMs(p.RestartPeriod)}: no more restarts on this node`,
  });
  armRetry(e, r);
  return p.RestartAction === 2;
}

/** RetryPeriodOnFailure (contract §4.4): try again later on whatever node owns the group then. */
export function armRetry(e: Engine, r: ResRt): void {
  const p = r.spec.properties;
  if (p.RestartAction === 0 || p.RetryPeriodOnFailure === DWORD_MAX) return;
  e.arm(
    r,
    'retry',
    'retryPeriod',
    p.RetryPeriodOnFailure,
    `RetryPeriodOnFailure ${humanMs(p.RetryPeriodOnFailure)}`,
    'retry',
  );
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
  r.gaveUp = false;
  if (e.resState(r) !== 'Failed') return;
  r.dueAt = e.now();
  r.dueReason = 'RetryPeriodOnFailure retry';
  tryStartOnline(e, r);
}
