/**
 * A group's failover attempts (contract §4.5, §4.6, §4.8), read top to bottom. Two regions run side
 * by side:
 *
 * placement — where the group is going:
 *   placed ──MOVE_START──▶ moving (failingOver | relocating) ──MOVE_DONE──▶ placed
 *      │  ▲                    │ RETARGET (the target went away; chosen again by the same rule)
 *      │  └──TARGET_FOUND──┐   └─MOVE_CANCEL─▶ placed, or back to awaitingTarget
 *      └──NO_TARGET──▶ awaitingTarget (NoTargetNode: waits for a node that can host it)
 *
 * failback — whether a failback waits for its window: idle ⇄ scheduled (§4.6).
 *
 * The derived group state (Online, PartialOnline, Pending, Failed, Offline) is computed from the
 * resources at the end of each instant, never stored here (MS-CMRP §3.1.4.2.46). The failover
 * history (start instants of counted failovers) is the machine's context, and the FailoverThreshold
 * decision is its named guard over the pure window policy (policies/windows.ts). The engine
 * advances each group's snapshot with XState's pure `transition()` and carries out the effects
 * it names; an event the machine refuses is an engine bug and throws.
 */
import { assign, setup } from 'xstate';
import type { OwnerCause } from '../model/trace';
import { mayFailover } from '../policies/windows';

export interface MoveIntent {
  target: string;
  cause: OwnerCause;
  reason: string;
  /** An administrator move to a node the administrator named (cancelled, not re-targeted, when that node goes away). */
  named: boolean;
}

/** Why a group waits for a node (after NoTargetNode, or before its first placement). */
export interface Awaiting {
  /** resource: a failover after a resource failure; nodeDown: the owner was lost; quorum: after QuorumRegained; initial: no Up node could host it at t = 0. */
  cause: 'resource' | 'nodeDown' | 'quorum' | 'initial';
  /** The node it was failing over from (the walk starts after it). */
  from: string | null;
}

export interface GroupContext {
  move: MoveIntent | null;
  awaiting: Awaiting | null;
  /** Start instants of the failovers that counted against FailoverThreshold (§4.5), oldest first. */
  failoverTimes: number[];
}

/** What the FailoverThreshold check needs besides the history (§4.5). */
export interface FailoverCheck {
  at: number;
  periodHours: number;
  threshold: number;
  window: 'sliding' | 'fixed';
  /** Would this failover count? (a resource failure, or a node loss under the semantics; persistent online) */
  counts: boolean;
}

export type GroupEvent =
  // countedAt: a failover after a resource failure that counts against FailoverThreshold (§4.5)
  | ({ type: 'MOVE_START'; countedAt?: number } & MoveIntent)
  | { type: 'RETARGET'; target: string; reason: string }
  | { type: 'MOVE_DONE' }
  | { type: 'MOVE_CANCEL' }
  | ({ type: 'FAILOVER' } & FailoverCheck)
  | { type: 'FAILOVER_COUNTED'; at: number }
  | ({ type: 'NO_TARGET' } & Awaiting)
  | { type: 'TARGET_FOUND' }
  | { type: 'OWNER_SET' }
  | { type: 'FAILBACK_SCHEDULED' }
  | { type: 'FAILBACK_DUE' }
  | { type: 'FAILBACK_CANCEL' };

/** Effects the coordinator carries out when a transition names them (cluster/groups.ts). */
export type GroupEffect = 'traceFailoverThresholdExceeded' | 'startFailover';

const noEffect = () => {};

/**
 * FailoverThreshold in FailoverPeriod (§4.5): FailoverThreshold failovers that counted already
 * started in the preceding FailoverPeriod hours, so this one may not start. The machine's
 * `failoverThresholdReached` guard; the engine asks it directly when it decides a failover (the
 * decision changes no state, so it costs no transition).
 */
export function failoverThresholdReached(context: GroupContext, check: FailoverCheck): boolean {
  return (
    check.counts && !mayFailover(context.failoverTimes, check.at, check.periodHours, check.threshold, check.window)
  );
}

/**
 * A failover may start only if fewer than FailoverThreshold failovers started in the preceding
 * FailoverPeriod hours (§4.5); refused, the group stays where it is (`FailoverThresholdExceeded`).
 */
const failoverDecision = [
  { guard: 'failoverThresholdReached', actions: 'traceFailoverThresholdExceeded' },
  { actions: 'startFailover' },
] as const;

/** A move starts: a failover (counted, §4.5) or a relocation (administrator move, drain, failback). */
const moveStart = [
  { guard: 'isFailover', target: 'moving.failingOver', actions: ['rememberMove', 'countFailover'] },
  { target: 'moving.relocating', actions: 'rememberMove' },
] as const;

export const groupMachine = setup({
  types: {
    context: {} as GroupContext,
    events: {} as GroupEvent,
  },
  guards: {
    /** FailoverThreshold failovers already started in the preceding FailoverPeriod hours (§4.5). */
    failoverThresholdReached: ({ context, event }) =>
      event.type === 'FAILOVER' && failoverThresholdReached(context, event),
    isFailover: ({ event }) => event.type === 'MOVE_START' && event.cause === 'failover',
    stillAwaiting: ({ context }) => context.awaiting !== null,
  },
  actions: {
    rememberMove: assign({
      move: ({ event }) =>
        event.type === 'MOVE_START'
          ? { target: event.target, cause: event.cause, reason: event.reason, named: event.named }
          : null,
    }),
    retarget: assign({
      move: ({ context, event }) =>
        event.type === 'RETARGET' && context.move
          ? { ...context.move, target: event.target, reason: event.reason }
          : context.move,
    }),
    forgetMove: assign({ move: null }),
    rememberAwaiting: assign({
      awaiting: ({ event }) => (event.type === 'NO_TARGET' ? { cause: event.cause, from: event.from } : null),
    }),
    forgetAwaiting: assign({ awaiting: null }),
    countFailover: assign({
      failoverTimes: ({ context, event }) =>
        event.type === 'FAILOVER_COUNTED'
          ? [...context.failoverTimes, event.at]
          : event.type === 'MOVE_START' && event.countedAt !== undefined
            ? [...context.failoverTimes, event.countedAt]
            : context.failoverTimes,
    }),
    // Effects: the coordinator traces the refusal, or goes on with the failover's steps.
    traceFailoverThresholdExceeded: noEffect,
    startFailover: noEffect,
  },
}).createMachine({
  id: 'group',
  context: { move: null, awaiting: null, failoverTimes: [] },
  type: 'parallel',
  states: {
    placement: {
      initial: 'placed',
      states: {
        placed: {
          on: {
            FAILOVER: failoverDecision,
            NO_TARGET: { target: 'awaitingTarget', actions: 'rememberAwaiting' },
            MOVE_START: moveStart,
            OWNER_SET: {},
          },
        },
        awaitingTarget: {
          on: {
            // A failover while waiting (another resource exhausted its restarts, or the owner was
            // lost): decided as any other.
            FAILOVER: failoverDecision,
            // §4.8: when a candidate appears, the failover it waited for starts then (with its
            // own threshold check and count), or it is placed after QuorumRegained (§4.7).
            TARGET_FOUND: { target: 'placed', actions: 'forgetAwaiting' },
            NO_TARGET: { target: 'awaitingTarget', actions: 'rememberAwaiting' },
            // An administrator move of a group with no live owner: nothing to take offline.
            MOVE_START: moveStart,
            // An owner change ends the wait (§4.5, §4.8).
            OWNER_SET: { target: 'placed', actions: 'forgetAwaiting' },
          },
        },
        // §4.8: a group already moving keeps its move (MOVE_START is refused here): a drain skips
        // it and it is not moved twice.
        moving: {
          // Dependents-first offline, then the owner changes, then providers-first online (§4.5).
          initial: 'relocating',
          states: {
            // A failover after a resource failure (RestartAction 2 exhausted): it counted.
            failingOver: {},
            // An administrator move, a drain or a failback: never counted (§4.5).
            relocating: {},
          },
          on: {
            // §4.8: the target went away before the group arrived; a failover, a drain or a move
            // to the best node chooses again by its own rule.
            RETARGET: { actions: 'retarget' },
            MOVE_DONE: { target: 'placed', actions: ['forgetMove', 'forgetAwaiting'] },
            // §4.8: a failback or a move to a named node is cancelled: back online where it is (or
            // back to waiting, for a group that was waiting for a target when it was moved).
            MOVE_CANCEL: [
              { guard: 'stillAwaiting', target: 'awaitingTarget', actions: 'forgetMove' },
              { target: 'placed', actions: 'forgetMove' },
            ],
          },
        },
      },
      on: {
        FAILOVER_COUNTED: { actions: 'countFailover' },
      },
    },
    failback: {
      initial: 'idle',
      states: {
        idle: {
          // §4.6: a preferred owner ranks above the current one, but failback may happen only
          // inside [FailbackWindowStart, FailbackWindowEnd): armed for the window's opening.
          on: { FAILBACK_SCHEDULED: 'scheduled' },
        },
        scheduled: {
          on: {
            // The window opened: failback is considered again, at that instant.
            FAILBACK_DUE: 'idle',
            // The owner was lost or quorum was lost: nothing to fail back from.
            FAILBACK_CANCEL: 'idle',
          },
        },
      },
    },
  },
});

type GroupValue = { placement: 'placed' | 'awaitingTarget' | { moving: string }; failback: 'idle' | 'scheduled' };

/** The placement region's state, read straight from the value (hot path: no state matching). */
export function placementOf(snap: { value: unknown }): 'placed' | 'awaitingTarget' | 'moving' {
  const p = (snap.value as GroupValue).placement;
  return typeof p === 'string' ? p : 'moving';
}

/** Is a failback waiting for its window? */
export function failbackScheduled(snap: { value: unknown }): boolean {
  return (snap.value as GroupValue).failback === 'scheduled';
}

/** Where every group starts (snapshots are immutable, so all groups share it). */
export const GROUP_INITIAL = groupMachine.resolveState({
  value: { placement: 'placed', failback: 'idle' },
  context: { move: null, awaiting: null, failoverTimes: [] },
});
