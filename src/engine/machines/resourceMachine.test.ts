/**
 * Path tests over the resource machine (xstate/graph): every state, sub-states included, is
 * reachable from Offline; every event a state does not list is refused; the memoised table the
 * engine uses agrees with XState; the restart policy's guards and effects follow contract §4.4.
 */
import { describe, expect, it } from 'vitest';
import { transition, type AnyMachineSnapshot } from 'xstate';
import { DWORD_MAX } from '../model/scenario';
import { resourceMachine, type ResourceEvent, type RestartInputs } from './resourceMachine';
import { resourceStateFromKey, resourceStep, RESOURCE_INITIAL } from './resourceTable';
import { checkRefusals, leafPaths, leavesOf, reachable } from './pathTesting';

const HOUR = 3_600_000;
const counted = (i: Partial<RestartInputs>): ResourceEvent => ({
  type: 'COUNTED',
  count: 1,
  threshold: 1,
  restartAction: 2,
  retryPeriod: HOUR,
  ...i,
});
const plain = [
  'CALL_ONLINE',
  'ONLINE_DONE',
  'CALL_OFFLINE',
  'OFFLINE_DONE',
  'FAIL',
  'TAKE_DOWN',
  'STALL',
  'HANG',
  'NO_ANSWER',
  'HEALTH_QUIET',
  'HEALTH_WATCH',
  'CHECK_HUNG',
  'WANT_OFFLINE',
  'KEEP_ONLINE',
  'RESTART_DUE',
  'RETRY_DUE',
  'OWNER_CHANGED',
  'ADMIN_ONLINE',
  'RESTART_CANCELLED',
] as const;
const EVENTS: ResourceEvent[] = [
  ...plain.map((type) => ({ type })),
  counted({}), // restart scheduled
  counted({ count: 2 }), // exhausted, retry, fail over
  counted({ count: 2, restartAction: 1 }), // exhausted, retry, stay
  counted({ count: 2, retryPeriod: DWORD_MAX }), // exhausted for good, fail over
  counted({ count: 2, restartAction: 1, retryPeriod: DWORD_MAX }), // exhausted for good
  counted({ restartAction: 0 }), // never restarts
  { type: 'FAILED_IN_PLACE', restartAction: 1, retryPeriod: HOUR },
  { type: 'FAILED_IN_PLACE', restartAction: 1, retryPeriod: DWORD_MAX },
];
const snaps = reachable(resourceMachine, EVENTS);
const leaves = (s: AnyMachineSnapshot) => leavesOf(s);

describe('resource machine', () => {
  it('reaches every state and sub-state from Offline', () => {
    const seen = new Set(snaps.flatMap(leaves));
    expect([...seen].sort()).toEqual(leafPaths(resourceMachine));
    expect(leafPaths(resourceMachine)).toEqual([
      'Failed.gaveUp',
      'Failed.restartScheduled',
      'Failed.retryWait',
      'Failed.stopped',
      'Failed.waitingForProviders',
      'Offline',
      'OfflinePending.calling',
      'OfflinePending.hung',
      'OfflinePending.stalled',
      'OfflinePending.unanswered',
      'Online.health.checkHung',
      'Online.health.healthy',
      'Online.health.unmonitored',
      'Online.health.watching',
      'Online.wish.leave',
      'Online.wish.stay',
      'OnlinePending.call.calling',
      'OnlinePending.call.hung',
      'OnlinePending.call.stalled',
      'OnlinePending.call.unanswered',
      'OnlinePending.wish.leave',
      'OnlinePending.wish.stay',
    ]);
  });

  it('keeps the five WSFC states at the top level (the trace is unchanged)', () => {
    expect(Object.keys(resourceMachine.root.states)).toEqual([
      'Offline',
      'OnlinePending',
      'Online',
      'OfflinePending',
      'Failed',
    ]);
  });

  it('refuses every event its active states do not list', () => {
    expect(checkRefusals(resourceMachine, snaps, EVENTS)).toBe(snaps.length * EVENTS.length);
    // A few refusals a reader should expect: a call answer with no call, a second Offline call,
    // health events outside Online, an Online call while one is pending.
    const at = (key: unknown) => resourceStateFromKey(JSON.stringify(key));
    expect(resourceStep(RESOURCE_INITIAL, { type: 'ONLINE_DONE' })).toBeNull();
    expect(resourceStep(at({ OfflinePending: 'calling' }), { type: 'CALL_OFFLINE' })).toBeNull();
    expect(resourceStep(at({ Failed: 'stopped' }), { type: 'HEALTH_WATCH' })).toBeNull();
    expect(resourceStep(at({ OnlinePending: { call: 'hung', wish: 'stay' } }), { type: 'CALL_ONLINE' })).toBeNull();
    expect(resourceStep(at({ Failed: 'gaveUp' }), { type: 'RESTART_DUE' })).toBeNull();
  });

  it('the engine table agrees with XState for every reachable state and event', () => {
    for (const snap of snaps) {
      const from = resourceStateFromKey(JSON.stringify(snap.value));
      for (const ev of EVENTS) {
        const step = resourceStep(from, ev);
        if (!step) continue;
        const [next, actions] = transition(resourceMachine, snap as never, ev);
        expect(step.to.key, `${from.key} ${ev.type}`).toBe(JSON.stringify(next.value));
        expect(step.effects).toEqual(actions.map((a) => a.type).filter((t) => !t.startsWith('xstate.')));
      }
    }
  });

  it('the restart policy after a counted failure (contract §4.4), effects in order', () => {
    const failed = resourceStateFromKey(JSON.stringify({ Failed: 'stopped' }));
    const decide = (i: Partial<RestartInputs>) => {
      const step = resourceStep(failed, counted(i))!;
      return [step.to.key, ...step.effects];
    };
    expect(decide({ count: 1, threshold: 1 })).toEqual(['{"Failed":"restartScheduled"}', 'armRestartDelay']);
    expect(decide({ count: 2, threshold: 1 })).toEqual([
      '{"Failed":"retryWait"}',
      'traceRestartThresholdExceeded',
      'armRetryPeriod',
      'escalateToGroupFailover',
    ]);
    expect(decide({ count: 2, restartAction: 1 })).toEqual([
      '{"Failed":"retryWait"}',
      'traceRestartThresholdExceeded',
      'armRetryPeriod',
    ]);
    expect(decide({ count: 2, retryPeriod: DWORD_MAX })).toEqual([
      '{"Failed":"gaveUp"}',
      'traceRestartThresholdExceeded',
      'escalateToGroupFailover',
    ]);
    // RestartAction 0: Failed for good, silently: no RestartThresholdExceeded, no retry.
    expect(decide({ count: 5, restartAction: 0 })).toEqual(['{"Failed":"gaveUp"}']);
  });

  it('an Offline the cluster wants is forgotten when the resource leaves Online', () => {
    const s = (key: unknown) => resourceStateFromKey(JSON.stringify(key));
    const leaving = s({ Online: { health: 'watching', wish: 'leave' } });
    expect(resourceStep(leaving, { type: 'CALL_OFFLINE' })!.to.key).toBe('{"OfflinePending":"calling"}');
    expect(resourceStep(leaving, { type: 'TAKE_DOWN' })!.to.key).toBe('"Offline"');
    const pending = s({ OnlinePending: { call: 'unanswered', wish: 'leave' } });
    // Asked while the Online call was pending: made once it completes.
    expect(resourceStep(pending, { type: 'ONLINE_DONE' })!.to.leaves).toEqual([
      'Online.health.healthy',
      'Online.wish.leave',
    ]);
    expect(resourceStep(pending, { type: 'TAKE_DOWN' })!.to.key).toBe('"Offline"');
  });

  it('an owner change keeps a RetryPeriodOnFailure wait, and ends a restart or a give-up (§4.4, §4.5)', () => {
    const s = (sub: string) => resourceStateFromKey(JSON.stringify({ Failed: sub }));
    const owner = (sub: string) => resourceStep(s(sub), { type: 'OWNER_CHANGED' })!.to.key;
    expect(owner('retryWait')).toBe('{"Failed":"retryWait"}');
    expect(owner('restartScheduled')).toBe('{"Failed":"stopped"}');
    expect(owner('gaveUp')).toBe('{"Failed":"stopped"}');
  });
});
