/**
 * A cluster resource's lifecycle (wsfc-semantics §1.1; contract §4.1–§4.4), read top to bottom.
 *
 * The five top-level states are the ones WSFC shows and the trace records (`resource.state`):
 *
 *   Offline ──CALL_ONLINE──▶ OnlinePending ──ONLINE_DONE──▶ Online ──CALL_OFFLINE──▶ OfflinePending
 *      ▲                          │                            │                          │
 *      └────────── TAKE_DOWN / OFFLINE_DONE ◀──────────────────┴──────── FAIL ──▶ Failed ─┘
 *
 * Inside them are the conditions the cluster tracks but does not show:
 * - a pending call (OnlinePending, OfflinePending): `calling` (its answer is on its way),
 *   `stalled` (it will not answer; PendingTimeout ends it), `hung` (it never returns; the monitor
 *   is recycled after DeadlockTimeout) or `unanswered` (made into a node that crashed unnoticed);
 * - health checking while Online: `healthy` (no check will see a fault, so none is scheduled),
 *   `watching` (the next poll that will see an injected fault is armed), `checkHung` (a check
 *   never returned: no more checks on this node) or `unmonitored` (its node crashed);
 * - an Offline the cluster wants (`wish`): `stay`, or `leave` once a move or an administrator
 *   offline asked for it, while the Offline call waits for the dependents (dependents-first);
 * - a failure's aftermath (Failed): `stopped` (nothing scheduled), `restartScheduled` (RestartDelay
 *   armed), `waitingForProviders` (the restart or retry is due; its Online call waits for its providers,
 *   the owner or the end of a move),
 *   `retryWait` (restarts exhausted; RetryPeriodOnFailure armed) or `gaveUp` (for good).
 *
 * The machine has no context: numbers (deadlines, the restart window, tOnline) stay in the
 * engine's records, so the next state is a function of (state, event) and the engine memoises it
 * (resourceTable.ts). Guards call the pure policies (policies/restart.ts). Actions are named
 * effects that the cluster coordinator carries out, in order, on the one virtual clock
 * (cluster/restarts.ts), because the contract orders same-instant timers of every entity by the
 * order they were armed (§3).
 */
import { and, not, setup } from 'xstate';
import type { ResourceState } from '../model/trace';
import { escalatesToFailover, neverRestarts, restartsRemain, retriesAfterFailure } from '../policies/restart';

/** What a counted failure's restart decision needs (§4.4): the window's count and the properties. */
export interface RestartInputs {
  count: number;
  threshold: number;
  restartAction: number;
  retryPeriod: number;
}

export type ResourceEvent =
  // the five traced transitions
  | { type: 'CALL_ONLINE' }
  | { type: 'ONLINE_DONE' }
  | { type: 'CALL_OFFLINE' }
  | { type: 'OFFLINE_DONE' }
  | { type: 'FAIL' }
  | { type: 'TAKE_DOWN' }
  // a pending call
  | { type: 'STALL' }
  | { type: 'HANG' }
  | { type: 'NO_ANSWER' }
  // health checking while Online
  | { type: 'HEALTH_QUIET' }
  | { type: 'HEALTH_WATCH' }
  | { type: 'CHECK_HUNG' }
  // the cluster's wish for an Offline
  | { type: 'WANT_OFFLINE' }
  | { type: 'KEEP_ONLINE' }
  // a failure's aftermath
  | ({ type: 'COUNTED' } & RestartInputs)
  | ({ type: 'FAILED_IN_PLACE' } & Pick<RestartInputs, 'restartAction' | 'retryPeriod'>)
  | { type: 'RESTART_DUE' }
  | { type: 'RETRY_DUE' }
  | { type: 'OWNER_CHANGED' }
  | { type: 'ADMIN_ONLINE' }
  | { type: 'RESTART_CANCELLED' };

export type ResourceEventType = ResourceEvent['type'];

/** Effects the coordinator carries out when a transition names them (cluster/resources.ts). */
export type ResourceEffect =
  'armRestartDelay' | 'traceRestartThresholdExceeded' | 'armRetryPeriod' | 'escalateToGroupFailover';

const noEffect = () => {};

/** One pending call, the same for Online and Offline calls (contract §4.1, "Offline mirrors it"). */
const pendingCall = {
  initial: 'calling',
  states: {
    calling: {
      on: {
        // `stall`: the call will not answer; min(PendingTimeout, DeadlockTimeout) ends it (§4.1).
        STALL: 'stalled',
        // `hang`: the call never returns; DeadlockTimeout recycles its monitor (§4.3).
        HANG: 'hung',
      },
    },
    stalled: {},
    hung: {},
    unanswered: {},
  },
  // §4.8: a call into a node that crashed, before the crash is detected, never completes; the
  // node-loss detection ends it. Any pending call can become one when its node crashes.
  on: { NO_ANSWER: '.unanswered' },
} as const;

/** The cluster wants the resource Offline (a move, a drain, an administrator offline). */
const offlineWish = {
  initial: 'stay',
  states: {
    stay: { on: { WANT_OFFLINE: 'leave' } },
    // Dependents-first (§4.1): the Offline call waits until every dependent is Offline or Failed.
    leave: { on: { WANT_OFFLINE: 'leave', KEEP_ONLINE: 'stay' } },
  },
} as const;

export const resourceMachine = setup({
  types: {
    events: {} as ResourceEvent,
  },
  guards: {
    neverRestarts: ({ event }) => event.type === 'COUNTED' && neverRestarts(event.restartAction),
    restartsRemain: ({ event }) => event.type === 'COUNTED' && restartsRemain(event.count, event.threshold),
    escalatesToFailover: ({ event }) => event.type === 'COUNTED' && escalatesToFailover(event.restartAction),
    retriesAfterFailure: ({ event }) =>
      (event.type === 'COUNTED' || event.type === 'FAILED_IN_PLACE') &&
      !neverRestarts(event.restartAction) &&
      retriesAfterFailure(event.retryPeriod),
  },
  actions: {
    // Effects: the coordinator arms the timer or starts the failover (see the file comment).
    armRestartDelay: noEffect,
    traceRestartThresholdExceeded: noEffect,
    armRetryPeriod: noEffect,
    escalateToGroupFailover: noEffect,
  },
}).createMachine({
  id: 'resource',
  initial: 'Offline',
  states: {
    Offline: {
      on: {
        CALL_ONLINE: 'OnlinePending',
        // A provider's failure can set an Offline dependent Failed (semantics option), and so can
        // a FailoverThreshold refusal after a node loss (§4.5: "its resources are set Failed").
        FAIL: 'Failed',
      },
    },
    OnlinePending: {
      type: 'parallel',
      states: {
        call: pendingCall,
        wish: {
          ...offlineWish,
          states: {
            ...offlineWish.states,
            // An Offline asked for while the Online call is pending on a node that crashed unnoticed
            // is made once the call completes (it never does: detection takes the resource down).
            leave: { on: { ...offlineWish.states.leave.on, ONLINE_DONE: '#resource.Online.wish.leave' } },
          },
        },
      },
      on: {
        ONLINE_DONE: 'Online',
        // `fail`, or PendingTimeout on a stalled call: Terminate, Failed (§4.1).
        FAIL: 'Failed',
        // Terminate with no Offline call: a provider failed (§4.4), the node was lost (§4.6), quorum
        // was lost (§4.7), or a move while the Online call was pending.
        TAKE_DOWN: 'Offline',
      },
    },
    Online: {
      type: 'parallel',
      states: {
        health: {
          initial: 'healthy',
          states: {
            // Healthy polls are not events: nothing is scheduled until a poll would see a fault (§4.2).
            healthy: {},
            watching: {},
            // §4.8: while a call of this resource hangs on its node, no further check runs there.
            checkHung: {},
            // §4.8: nothing runs on a crashed node, health checks included.
            unmonitored: {},
          },
          on: {
            HEALTH_QUIET: '.healthy',
            HEALTH_WATCH: '.watching',
            CHECK_HUNG: '.checkHung',
            NO_ANSWER: '.unmonitored',
          },
        },
        wish: offlineWish,
      },
      on: {
        CALL_OFFLINE: 'OfflinePending',
        // IsAlive `fail` (after a LooksAlive `fail`, or on its own poll), `failResource`, or a
        // monitor recycle (§4.2, §4.3).
        FAIL: 'Failed',
        TAKE_DOWN: 'Offline',
      },
    },
    OfflinePending: {
      ...pendingCall,
      on: {
        ...pendingCall.on,
        OFFLINE_DONE: 'Offline',
        // A failed or timed-out Offline ends Failed, never counted (§4.5).
        FAIL: 'Failed',
        TAKE_DOWN: 'Offline',
      },
    },
    Failed: {
      initial: 'stopped',
      states: {
        stopped: {
          on: {
            // §4.5: FailoverThreshold refused a failover after a node loss: the resources are set
            // Failed, not counted, no restart, but RetryPeriodOnFailure timers start then.
            FAILED_IN_PLACE: [
              { guard: 'retriesAfterFailure', target: 'retryWait', actions: 'armRetryPeriod' },
              { target: 'stopped' },
            ],
          },
        },
        restartScheduled: {
          on: {
            // RestartDelay elapsed: the restart's Online call starts once the providers are Online
            // (§4.1 providers-first: "a restart or a retry alike").
            RESTART_DUE: 'waitingForProviders',
            RESTART_CANCELLED: 'stopped',
          },
        },
        waitingForProviders: {
          on: { RESTART_CANCELLED: 'stopped' },
        },
        retryWait: {
          on: {
            // RetryPeriodOnFailure elapsed: count reset, Online tried again (§4.4).
            RETRY_DUE: 'waitingForProviders',
            // §4.4: RetryPeriodOnFailure is not reset by an owner change: it tries again "on
            // whatever node owns the group then".
            OWNER_CHANGED: {},
            // An administrator online ends the wait (the retry timer is cancelled; §4.8: it does
            // not reset the restart window).
            ADMIN_ONLINE: 'stopped',
          },
        },
        gaveUp: {
          on: { ADMIN_ONLINE: 'stopped' },
        },
      },
      on: {
        // Every transition into Failed of a persistent-online resource counts (§4.4); the decision
        // is made on the node where it failed, in this order of rules:
        COUNTED: [
          // RestartAction 0: stay Failed for good, no RetryPeriodOnFailure either.
          { guard: 'neverRestarts', target: '.gaveUp' },
          // count ≤ RestartThreshold: Online again RestartDelay later, on the same node.
          { guard: 'restartsRemain', target: '.restartScheduled', actions: 'armRestartDelay' },
          // Exhausted: RestartThresholdExceeded, retry later unless never; RestartAction 2 fails
          // the group over (§4.5).
          {
            guard: and(['retriesAfterFailure', 'escalatesToFailover']),
            target: '.retryWait',
            actions: ['traceRestartThresholdExceeded', 'armRetryPeriod', 'escalateToGroupFailover'],
          },
          {
            guard: 'retriesAfterFailure',
            target: '.retryWait',
            actions: ['traceRestartThresholdExceeded', 'armRetryPeriod'],
          },
          {
            guard: and([not('retriesAfterFailure'), 'escalatesToFailover']),
            target: '.gaveUp',
            actions: ['traceRestartThresholdExceeded', 'escalateToGroupFailover'],
          },
          { target: '.gaveUp', actions: 'traceRestartThresholdExceeded' },
        ],
        // §4.5: an owner change resets the restart count and cancels a pending restart (a
        // `retryWait` keeps its retry, above).
        OWNER_CHANGED: '.stopped',
        // A move cancels a pending restart (restartScheduled, waitingForProviders above); a decided
        // give-up or retry stays as it is.
        RESTART_CANCELLED: {},
        // An administrator online ends a give-up or a retry wait (above); nothing else changes.
        ADMIN_ONLINE: {},
        // A restart or retry is an Online call straight from Failed.
        CALL_ONLINE: 'OnlinePending',
        // A node loss, quorum loss or an administrator offline takes it to Offline.
        TAKE_DOWN: 'Offline',
      },
    },
  },
});

/** The top-level (WSFC) state a machine state value is in. */
export function topState(value: unknown): ResourceState {
  return (typeof value === 'string' ? value : Object.keys(value as object)[0]) as ResourceState;
}
