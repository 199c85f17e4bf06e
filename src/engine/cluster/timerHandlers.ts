/**
 * What each timer does when it fires. Timers are data (runtime.ts `Timer`): they name a handler
 * here, their owner and a payload, so the clock's heap can be saved and restored.
 */
import type { Engine } from './engine';
import { failbackDue } from './failback';
import type { GroupRt, NodeRt, ResRt, TimerHandler, TimerOwner, TimerPayload } from './runtime';
import { callDone, callFailed, restartDue, retryNow } from './resources';
import { recycleMonitor, runHealthCheck } from './monitor';
import { detectDown, joined } from './nodes';
import { joinedNetwork, membershipStep } from '../network/membership';

type Handler = (e: Engine, owner: TimerOwner, payload: TimerPayload | null) => void;

const res = (o: TimerOwner) => o as ResRt;

export const TIMER_HANDLERS: Record<TimerHandler, Handler> = {
  /** An Online or Offline call returned after onlineMs/offlineMs (contract §4.1). */
  callDone: (e, o, p) => callDone(e, res(o), (p as { call: 'Online' | 'Offline' }).call),
  /** A call returned an error, or PendingTimeout ended a stalled one. */
  callFail: (e, o, p) => {
    const { call, reason } = p as { call: 'Online' | 'Offline'; reason: string };
    callFailed(e, res(o), call, reason);
  },
  /** RestartDelay elapsed: the restart's Online call starts once the providers are Online (§4.4). */
  restart: (e, o) => restartDue(e, res(o)),
  /** RetryPeriodOnFailure elapsed (§4.4). */
  retry: (e, o) => retryNow(e, res(o)),
  /** The first poll instant that sees an injected health fault (§4.2). */
  health: (e, o) => runHealthCheck(e, res(o)),
  /** DeadlockTimeout: the monitor the call hung in is recycled (§4.3). */
  deadlock: (e, o, p) => {
    const { node, own, since } = p as { node: string; own: boolean; since: number };
    recycleMonitor(e, res(o), node, own, since);
  },
  /** Heartbeats missed: the crashed node is detected Down (§4.6); with routes, the membership step (networks.md §4.4). */
  detect: (e, _o, p) => {
    const reason = (p as { reason: string }).reason;
    if (e.net.routesOn) membershipStep(e, reason);
    else detectDown(e, reason);
  },
  /** A route is declared down (networks.md §4.2): the membership step (§4.4). */
  routeDown: (e) => membershipStep(e, null),
  /** joinMs elapsed: the started node is Up (§4.6). */
  join: (e, o) => (e.net.networkMode ? joinedNetwork(e, o as NodeRt) : joined(e, o as NodeRt)),
  /** The failback window opened (§4.6). */
  failback: (e, o) => failbackDue(e, o as GroupRt),
};
