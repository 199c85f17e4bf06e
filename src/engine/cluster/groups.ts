/**
 * Group rules: bringing groups online in Priority order, failover (contract §4.5), moves, drains,
 * failback (§4.6), and the derived group state emitted once at the end of each instant (§3).
 */
import type { Engine } from './engine';
import type { Awaiting, GroupRt } from './runtime';
import type { OwnerCause } from '../model/trace';
import { failoverThresholdReached, placementOf } from '../machines/groupMachine';
import { chooseTarget, walkOrder, type WalkMode } from '../policies/targetWalk';
import { effectiveFailoverThreshold, failoversInWindow, EMPTY_RESTART_WINDOW } from '../policies/windows';
import { providersFirst } from '../policies/dependencies';
import { tryStartOffline, tryStartOnline, wantOnline, wantsOffline } from './resources';
import { failInPlace } from './restarts';
import { chooseTiered, groupTierKey, leaveNotAllowed } from '../network/placement';

const q = (s: string) => `"${s}"`;
/** Priority order, 3000 first, ties by scenario order (contract §4.5). */
export function byPriority(groups: readonly GroupRt[]): GroupRt[] {
  return [...groups].sort(
    (a, b) => b.spec.properties.Priority - a.spec.properties.Priority || a.spec.index - b.spec.index,
  );
}

/** Can this node host every resource of the group? */
export function possibleForAll(g: GroupRt, node: string): boolean {
  // networks.md §4.10: in network mode "can run" replaces "possible owner of every resource".
  if (g.runsOn) return g.runsOn.has(node);
  return g.spec.resources.every((r) => r.possibleOwners.length === 0 || r.possibleOwners.includes(node));
}

/** Up nodes (not Paused, Joining or Down) that can host every resource, other than the owner. */
export function candidates(e: Engine, g: GroupRt): Set<string> {
  const out = new Set<string>();
  for (const n of e.nodes) {
    if (e.nodeState(n) !== 'Up' || n.spec.name === g.owner || e.net.isStopping(n.spec.name)) continue;
    if (possibleForAll(g, n.spec.name)) out.add(n.spec.name);
  }
  return out;
}

function antiAffinityConflicts(e: Engine, g: GroupRt): Set<string> {
  const mine = g.spec.properties.AntiAffinityClassNames;
  const out = new Set<string>();
  if (!mine.length) return out;
  for (const other of e.groups) {
    if (other === g || other.owner === null) continue;
    if (other.spec.properties.AntiAffinityClassNames.some((c) => mine.includes(c))) out.add(other.owner);
  }
  return out;
}

/** `tierOwner`: whose site ranks first in site mode (networks.md §4.11); the owner unless told. */
export function chooseFor(e: Engine, g: GroupRt, mode: WalkMode, tierOwner: string | null = g.owner): string | null {
  const order = walkOrder(e.scenario.nodes, g.spec.preferredOwners);
  if (e.net.siteMode)
    return chooseTiered(order, candidates(e, g), antiAffinityConflicts(e, g), mode, (n) =>
      groupTierKey(e, g, n, tierOwner),
    );
  return chooseTarget(order, candidates(e, g), antiAffinityConflicts(e, g), mode);
}

/** Owner change: traced, restart counts reset (contract §4.5). */
export function setOwner(e: Engine, g: GroupRt, to: string | null, cause: OwnerCause, reason: string): void {
  const from = g.owner;
  leaveNotAllowed(e, g, to); // networks.md §4.10: a not-allowed resource is never Failed on `to`
  g.owner = to;
  // An owner change ends a wait for a target (from `placed` it changes nothing, so nothing is sent).
  if (placementOf(g.snap) === 'awaitingTarget') e.groupSend(g, { type: 'OWNER_SET' });
  for (const r of g.resources) {
    r.restartWindow = EMPTY_RESTART_WINDOW;
    r.dueAt = null;
    e.disarm(r, 'restart');
    if (e.resState(r) === 'Failed') e.resSend(r, { type: 'OWNER_CHANGED' });
    // RetryPeriodOnFailure survives the move: still Failed, it tries again on the new owner (§4.4).
  }
  if (from !== to) e.emit({ type: 'group.owner', group: g.spec.name, from, to, cause, reason });
}

/** Bring a group's resources online providers-first on its owner. */
export function bringGroupOnline(e: Engine, g: GroupRt, reason: string): void {
  // A crashed, undetected owner still gets the calls; they never return (§4.8).
  if (!e.clusterUp(g.owner)) return;
  for (const r of g.resources) {
    const s = e.resState(r);
    // An OfflinePending resource (a cancelled move) is wanted back once its Offline completes.
    if (r.persistent === 'online' && (s === 'Offline' || s === 'Failed' || s === 'OfflinePending'))
      wantOnline(e, r, reason);
  }
  for (const r of g.resources) tryStartOnline(e, r);
}

/** Automatic starts (cluster formed, failover arrival, quorum regained): Priority order, Priority 0 stays Offline. */
export function autoStart(e: Engine, groups: readonly GroupRt[], reason: string): void {
  for (const g of byPriority(groups)) {
    if (g.persistent === 'online' && g.spec.properties.Priority > 0) bringGroupOnline(e, g, reason);
  }
}

/**
 * Graceful move (administrator move, failover after a resource failure, drain, failback): offline
 * dependents-first, then the owner changes, then online providers-first on the target.
 */
export function startMove(
  e: Engine,
  g: GroupRt,
  target: string,
  cause: OwnerCause,
  reason: string,
  named = false,
  /** A failover that counts against FailoverThreshold: its start instant joins the history. */
  countedAt?: number,
): void {
  e.groupSend(g, {
    type: 'MOVE_START',
    target,
    cause,
    reason,
    named,
    ...(countedAt === undefined ? {} : { countedAt }),
  });
  for (const r of g.resources) {
    r.dueAt = null;
    e.disarm(r, 'restart');
    const s = e.resState(r);
    if (s === 'Failed') e.resSend(r, { type: 'RESTART_CANCELLED' });
    if (s === 'Online' || s === 'OnlinePending') e.resSend(r, { type: 'WANT_OFFLINE' });
  }
  for (const name of providersFirst(g.spec.resources).reverse()) tryStartOffline(e, e.resourceByName.get(name)!);
  checkMoveProgress(e, g);
}

/** When every resource is Offline or Failed, a moving group changes owner and comes online there. */
export function checkMoveProgress(e: Engine, g: GroupRt): void {
  const move = e.groupMove(g);
  if (!e.groupMoving(g) || !move) return;
  if (g.resources.some((r) => e.resState(r) !== 'Offline' && e.resState(r) !== 'Failed')) return;
  const { target, cause, reason } = move;
  if (e.nodeState(e.nodeByName.get(target)!) !== 'Up') {
    // Normally handled when the target went away (moveTargetLost); kept as the arrival's guard.
    moveTargetLost(e, g);
    return;
  }
  e.groupSend(g, { type: 'MOVE_DONE' });
  const to = target;
  setOwner(e, g, to, cause, reason);
  if (g.persistent === 'online' && (cause !== 'failover' || g.spec.properties.Priority > 0)) {
    bringGroupOnline(e, g, `${cause} to ${q(to)}: providers-first online`);
  }
}

/**
 * Contract §4.8, a move whose target becomes unavailable (detected Down, or Paused) before the
 * group arrives: a failback or an administrator move to a named node is cancelled and the group
 * comes back online on its current owner; a failover, a move to the best node and a drain choose
 * again by their own rule.
 */
export function moveTargetLost(e: Engine, g: GroupRt): void {
  const move = e.groupMove(g);
  if (!move) return;
  const lost = move.target;
  const named = move.cause === 'failback' || move.named;
  if (!named) {
    const mode: WalkMode = move.cause === 'failover' ? { kind: 'afterCurrent', current: g.owner } : { kind: 'fromTop' };
    const to = chooseFor(e, g, mode);
    if (to !== null) {
      e.groupSend(g, {
        type: 'RETARGET',
        target: to,
        reason: `${move.reason}; target ${q(lost)} became unavailable, so ${q(to)} was chosen again by the same rule`,
      });
      checkMoveProgress(e, g);
      return;
    }
  }
  e.groupSend(g, { type: 'MOVE_CANCEL' });
  if (move.cause === 'failover') {
    // The offline step completes; the failover waits for a node that can host the group.
    noTarget(
      e,
      g,
      { cause: 'resource', from: g.owner },
      `target ${q(lost)} became unavailable before the group arrived and no other node can host it`,
    );
    return;
  }
  for (const r of g.resources) if (wantsOffline(r)) e.resSend(r, { type: 'KEEP_ONLINE' });
  bringGroupOnline(
    e,
    g,
    `${move.cause} to ${q(lost)} cancelled: ${q(lost)} is no longer available; back online on ${q(g.owner ?? '')}`,
  );
}

/** Every moving group whose target just became unavailable. */
export function targetsLost(e: Engine, nodes: ReadonlySet<string>): void {
  for (const g of byPriority(e.groups)) {
    const move = e.groupMove(g);
    if (move && nodes.has(move.target)) moveTargetLost(e, g);
  }
}

function noTarget(e: Engine, g: GroupRt, awaiting: Awaiting, detail: string): void {
  e.groupSend(g, { type: 'NO_TARGET', ...awaiting });
  e.emit({
    type: 'policy',
    rule: 'NoTargetNode',
    subject: g.spec.name,
    detail,
    reason: `no node can take group ${q(g.spec.name)}`,
  });
}

/**
 * Failover (contract §4.5). `nodeDown`: the owner was lost and its resources are already Offline;
 * there is no offline step.
 */
export function failoverGroup(
  e: Engine,
  g: GroupRt,
  cause: 'resource' | 'nodeDown',
  why: string,
  old: string | null = g.owner,
): void {
  // Already on its way elsewhere: it keeps its move (contract §4.8).
  if (e.groupMoving(g)) return;
  // Failures of one instant are decided together (§4.8): two recycles at one instant that both
  // exhaust restarts make one failover decision for the group, not two.
  if (cause === 'resource') {
    if (g.decidedAt === e.now()) return;
    g.decidedAt = e.now();
  }
  const name = g.spec.name;
  const p = g.spec.properties;
  const threshold = effectiveFailoverThreshold(p.FailoverThreshold, e.scenario.nodes.length);
  const history = g.snap.context.failoverTimes;
  const counted = failoversInWindow(history, e.now(), p.FailoverPeriod, e.semantics.failoverWindow);
  const counts = cause === 'resource' || e.semantics.nodeDownCountsAsFailover;
  const mode = failoverMode(e, g, cause, old);

  if (cause === 'nodeDown' && g.persistent === 'offline') {
    // Contract §4.8: an offline group that loses its owner moves to the first candidate of the
    // failover walk and stays Offline: no FailoverStarted, no threshold check, not counted.
    const to = chooseFor(e, g, { kind: 'afterCurrent', current: old });
    if (to === null) {
      setOwner(e, g, null, 'failover', `owner ${q(old ?? '')} lost and no node can host the group`);
      noTarget(e, g, { cause: 'nodeDown', from: old }, `owner lost; no Up node is a possible owner of every resource`);
      return;
    }
    setOwner(
      e,
      g,
      to,
      'failover',
      `owner ${q(old ?? '')} lost; the group's persistent state is offline, so it moves to ${q(to)}, the first candidate of the failover walk, and stays Offline`,
    );
    return;
  }

  const check = {
    at: e.now(),
    periodHours: p.FailoverPeriod,
    threshold,
    window: e.semantics.failoverWindow,
    counts: counts && g.persistent === 'online',
  };
  // The group machine's FailoverThreshold guard (its FAILOVER transition changes no state).
  if (failoverThresholdReached(g.snap.context, check)) {
    e.emit({
      type: 'policy',
      rule: 'FailoverThresholdExceeded',
      subject: name,
      detail: `${counted.length} failovers in the last ${p.FailoverPeriod} h reach FailoverThreshold ${threshold}`,
      reason: `${why}, but group ${q(name)} already failed over ${counted.length} times in ${p.FailoverPeriod} h (FailoverThreshold ${threshold}): it stays`,
    });
    if (cause === 'nodeDown') {
      // Given an owner but not brought online; its resources are set Failed (not counted,
      // no restart) and RetryPeriodOnFailure timers start (contract §4.5).
      const to = chooseFor(e, g, mode);
      if (to === null) {
        setOwner(e, g, null, 'failover', `owner ${q(old ?? '')} lost and no node can host the group`);
        noTarget(e, g, { cause, from: old }, `owner lost; no Up node is a possible owner of every resource`);
        return;
      }
      setOwner(
        e,
        g,
        to,
        'failover',
        `owner ${q(old ?? '')} lost; placed on ${q(to)} but not brought online (FailoverThreshold)`,
      );
      for (const r of g.resources) {
        if (e.resState(r) === 'Failed' || r.notAllowedOn?.has(to)) continue; // networks.md §4.10: never Failed
        failInPlace(e, r, 'FailoverThreshold exceeded after the node loss: not brought online');
      }
    }
    return;
  }

  const target = chooseFor(e, g, mode);
  if (target === null) {
    if (cause === 'nodeDown' && g.owner !== null)
      setOwner(e, g, null, 'failover', `owner ${q(old ?? '')} lost and no node can host the group`);
    noTarget(
      e,
      g,
      { cause, from: old },
      `${why}; no Up node other than the owner is a possible owner of every resource`,
    );
    return;
  }
  // A failover that starts counts (§4.8, also a waiting group's, whatever its persistent state became
  // meanwhile): it joins the history with its move, or here after a node loss.
  if (cause === 'nodeDown' && counts) e.groupSend(g, { type: 'FAILOVER_COUNTED', at: e.now() });
  const explanation = describeTarget(e, g, target, mode);
  e.emit({
    type: 'policy',
    rule: 'FailoverStarted',
    subject: name,
    detail: `${why}; from ${q(old ?? '')} to ${q(target)}: ${explanation}; failover ${counted.length + (counts ? 1 : 0)} of ${threshold} in ${p.FailoverPeriod} h`,
    reason: `${why}: failing over to ${q(target)} (${explanation})`,
  });
  if (cause === 'resource') {
    startMove(e, g, target, 'failover', `failover: ${why}; ${explanation}`, false, counts ? e.now() : undefined);
  } else {
    setOwner(e, g, target, 'failover', `owner ${q(old ?? '')} lost; ${explanation}`);
    if (g.persistent === 'online' && p.Priority > 0)
      bringGroupOnline(e, g, `failover to ${q(target)}: providers-first online`);
  }
}

/** The walk a failover takes: after the node it leaves, or a seeded draw after a node loss with no preferred owners (§4.5). */
function failoverMode(e: Engine, g: GroupRt, cause: 'resource' | 'nodeDown', old: string | null): WalkMode {
  return cause === 'nodeDown' && g.spec.preferredOwners.length === 0
    ? { kind: 'random', random: e.random }
    : { kind: 'afterCurrent', current: old };
}

function describeTarget(e: Engine, g: GroupRt, target: string, mode: WalkMode): string {
  const pref = g.spec.preferredOwners;
  if (mode.kind === 'random') return `no preferred owners: ${q(target)} drawn with the scenario's seed`;
  const i = pref.indexOf(target);
  const where = i >= 0 ? `preferred owner #${i + 1}` : `first possible owner by node ID after the preferred list`;
  const skipped = antiAffinityConflicts(e, g).size ? ' (anti-affinity considered)' : '';
  // networks.md §4.11: in site mode the walk is sorted by site tier first.
  if (e.net.siteMode) {
    const key = groupTierKey(e, g, target, g.owner);
    const tier = key === 0 ? 'same site as the owner' : `site tier ${key}`;
    return `${mode.kind === 'afterCurrent' ? 'after the current owner' : 'from the top'}, sorted by site (${tier}): ${where}${skipped}`;
  }
  return mode.kind === 'afterCurrent'
    ? `next in the walk after the current owner: ${where}${skipped}`
    : `first in the walk: ${where}${skipped}`;
}

/**
 * Groups waiting for a node (NoTargetNode, or none at t = 0) when a candidate may have appeared
 * (a node became Up). Contract §4.8: the failover a group was waiting for starts then, with its
 * FailoverStarted, threshold check and count; after QuorumRegained it is placed (its last owner
 * included), §4.7.
 */
export function placeAwaiting(e: Engine): void {
  for (const g of byPriority(e.groups)) {
    const w = g.snap.context.awaiting;
    if (!w || placementOf(g.snap) !== 'awaitingTarget') continue;
    if (w.cause === 'resource' || w.cause === 'nodeDown') {
      if (candidates(e, g).size === 0) continue;
      e.groupSend(g, { type: 'TARGET_FOUND' });
      if (w.cause === 'resource') {
        failoverGroup(e, g, 'resource', `a node that can host group ${q(g.spec.name)} is Up again`);
      } else if (g.persistent === 'offline') {
        const to = chooseFor(e, g, { kind: 'afterCurrent', current: w.from })!;
        setOwner(e, g, to, 'failover', `${q(to)} can host the group, which lost its owner; it stays Offline`);
      } else {
        failoverGroup(
          e,
          g,
          'nodeDown',
          `owner ${q(w.from ?? '')} was lost and ${q(g.spec.name)} waited for a node`,
          w.from,
        );
      }
      continue;
    }
    // quorum / initial: placed on the first candidate from the top, the last owner included.
    // networks.md §4.11: after QuorumRegained the last owner's site ranks first; at t = 0 none does.
    const tierOwner = w.cause === 'quorum' ? w.from : null;
    const to = chooseFor(e, { ...g, owner: null }, { kind: 'fromTop' }, tierOwner);
    if (to === null) continue;
    e.groupSend(g, { type: 'TARGET_FOUND' });
    if (to !== g.owner)
      setOwner(
        e,
        g,
        to,
        w.cause === 'quorum' ? 'quorum' : 'failover',
        `node ${q(to)} can now host the group (it had no live owner)`,
      );
    autoStart(e, [g], `placed on ${q(to)}: providers-first online`);
  }
}
