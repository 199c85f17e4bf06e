/**
 * Path tests over the group machine (xstate/graph): every placement and failback state is
 * reachable, what a state does not list is refused, and the FailoverThreshold guard reads the
 * failover history in the machine's context through the pure window policy (contract §4.5).
 */
import { describe, expect, it } from 'vitest';
import { transition, type AnyMachineSnapshot } from 'xstate';
import { groupMachine, GROUP_INITIAL, type GroupEvent } from './groupMachine';
import { machineStep } from './step';
import { checkRefusals, leafPaths, leavesOf, reachable } from './pathTesting';

const HOUR = 3_600_000;
const failover = (at: number, counts = true): GroupEvent => ({
  type: 'FAILOVER',
  at,
  periodHours: 6,
  threshold: 2,
  window: 'sliding',
  counts,
});
const EVENTS: GroupEvent[] = [
  { type: 'MOVE_START', target: 'N2', cause: 'move', reason: 'test', named: true },
  { type: 'MOVE_START', target: 'N2', cause: 'failover', reason: 'test', named: false },
  { type: 'RETARGET', target: 'N3', reason: 'test' },
  { type: 'MOVE_DONE' },
  { type: 'MOVE_CANCEL' },
  failover(0),
  { type: 'NO_TARGET', cause: 'resource', from: 'N1' },
  { type: 'TARGET_FOUND' },
  { type: 'OWNER_SET' },
  { type: 'FAILBACK_SCHEDULED' },
  { type: 'FAILBACK_DUE' },
  { type: 'FAILBACK_CANCEL' },
];
// FAILOVER_COUNTED grows the history without bound, so the walk leaves it out (tested below).
const snaps = reachable(groupMachine, EVENTS);

function send(snap: AnyMachineSnapshot, ...events: GroupEvent[]) {
  let s = snap;
  const effects: string[] = [];
  for (const ev of events) {
    const step = machineStep(groupMachine, s as never, ev)!;
    expect(step, ev.type).not.toBeNull();
    s = step.next;
    effects.push(...step.effects.filter((t) => !t.startsWith('xstate.')));
  }
  return { snap: s, effects };
}

describe('group machine', () => {
  it('reaches every placement and failback state', () => {
    const seen = new Set(snaps.flatMap(leavesOf));
    expect([...seen].sort()).toEqual(leafPaths(groupMachine));
    expect(leafPaths(groupMachine)).toEqual([
      'failback.idle',
      'failback.scheduled',
      'placement.awaitingTarget',
      'placement.moving.failingOver',
      'placement.moving.relocating',
      'placement.placed',
    ]);
  });

  it('refuses what a state does not list (a second move, a MOVE_DONE while placed, OWNER_SET while moving)', () => {
    const counted: GroupEvent = { type: 'FAILOVER_COUNTED', at: 0 };
    expect(checkRefusals(groupMachine, snaps, [...EVENTS, counted])).toBeGreaterThan(0);
    const moving = send(GROUP_INITIAL, EVENTS[0]!).snap;
    expect(machineStep(groupMachine, moving as never, EVENTS[1]!)).toBeNull();
    expect(machineStep(groupMachine, moving as never, { type: 'OWNER_SET' })).toBeNull();
    expect(machineStep(groupMachine, moving as never, failover(0))).toBeNull();
    expect(machineStep(groupMachine, GROUP_INITIAL, { type: 'MOVE_DONE' })).toBeNull();
    expect(machineStep(groupMachine, GROUP_INITIAL, { type: 'FAILBACK_DUE' })).toBeNull();
  });

  it('a move remembers its intent and a failover is told apart from a relocation', () => {
    const { snap } = send(GROUP_INITIAL, EVENTS[0]!, EVENTS[2]!);
    expect(snap.context.move).toEqual({ target: 'N3', cause: 'move', reason: 'test', named: true });
    expect(snap.matches({ placement: { moving: 'relocating' } })).toBe(true);
    expect(send(GROUP_INITIAL, EVENTS[1]!).snap.matches({ placement: { moving: 'failingOver' } })).toBe(true);
  });

  it('FailoverThreshold in FailoverPeriod: the guard counts the history in its context (sliding, §4.5)', () => {
    const counted = (at: number): GroupEvent => ({ type: 'FAILOVER_COUNTED', at });
    const { snap } = send(GROUP_INITIAL, counted(0), counted(HOUR));
    expect(snap.context.failoverTimes).toEqual([0, HOUR]);
    // Two failovers in the last 6 h reach FailoverThreshold 2: refused, the group stays.
    expect(send(snap, failover(2 * HOUR)).effects).toEqual(['traceFailoverThresholdExceeded']);
    // A failover that would not count (persistent offline, or a node loss under that option) is never refused.
    expect(send(snap, failover(2 * HOUR, false)).effects).toEqual(['startFailover']);
    // The first one ages out of the window 6 h after it started.
    expect(send(snap, failover(6 * HOUR + 1)).effects).toEqual(['startFailover']);
    expect(send(snap, failover(2 * HOUR)).snap.value).toEqual(snap.value);
  });

  it('a group waiting for a target that is moved goes back to waiting when the move is cancelled (§4.8)', () => {
    const waiting = send(GROUP_INITIAL, { type: 'NO_TARGET', cause: 'nodeDown', from: 'N1' }).snap;
    const cancelled = send(waiting, EVENTS[0]!, { type: 'MOVE_CANCEL' }).snap;
    expect(cancelled.matches({ placement: 'awaitingTarget' })).toBe(true);
    expect(cancelled.context.awaiting).toEqual({ cause: 'nodeDown', from: 'N1' });
    const arrived = send(waiting, EVENTS[0]!, { type: 'MOVE_DONE' }).snap;
    expect(arrived.matches({ placement: 'placed' })).toBe(true);
    expect(arrived.context).toEqual({ move: null, awaiting: null, failoverTimes: [] });
  });

  it('XState agrees: transition() and the engine step give the same snapshot', () => {
    for (const snap of snaps) {
      for (const ev of EVENTS) {
        const step = machineStep(groupMachine, snap as never, ev);
        if (step) expect(step.next.value).toEqual(transition(groupMachine, snap as never, ev)[0].value);
      }
    }
  });
});
