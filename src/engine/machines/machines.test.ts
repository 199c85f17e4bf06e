/**
 * Path tests over the lifecycle machines (xstate/graph): every state is reachable from the start,
 * each state accepts exactly the events its definition lists, and every other event is refused
 * (the machine stays put; the engine turns that into an error, for groups too).
 */
import { describe, expect, it } from 'vitest';
import { transition, type AnyStateMachine } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { resourceMachine, type ResourceEvent } from './resourceMachine';
import { groupMachine, GROUP_INITIAL, type GroupEvent } from './groupMachine';
import { nodeMachine, type NodeEvent } from './nodeMachine';
import { nextResourceState } from './resourceTable';
import type { ResourceState } from '../model/trace';

const RESOURCE_EVENTS: ResourceEvent[] = [
  'CALL_ONLINE',
  'ONLINE_DONE',
  'CALL_OFFLINE',
  'OFFLINE_DONE',
  'FAIL',
  'TAKE_DOWN',
].map((type) => ({ type }) as ResourceEvent);
const GROUP_EVENTS: GroupEvent[] = [
  { type: 'MOVE_START', target: 'N2', cause: 'move', reason: 'test', named: true },
  { type: 'RETARGET', target: 'N3', reason: 'test' },
  { type: 'MOVE_DONE' },
  { type: 'MOVE_CANCEL' },
];
const NODE_EVENTS: NodeEvent[] = [
  { type: 'START' },
  { type: 'JOINED' },
  { type: 'PAUSE' },
  { type: 'RESUME' },
  { type: 'CRASH', at: 5 },
  { type: 'DETECTED' },
  { type: 'STOP' },
];

/** Every snapshot reachable from the machine's start, by the shortest path to each. */
function reachable(machine: AnyStateMachine, events: readonly { type: string }[], input?: unknown) {
  return getShortestPaths(machine, { events: events as never, input } as never).map((p) => p.state);
}

/** The events a state's definition accepts. */
function accepted(machine: AnyStateMachine, state: string): Set<string> {
  return new Set((machine.root.states[state]!.transitions as Map<string, unknown>).keys());
}

function checkRefusals(machine: AnyStateMachine, events: readonly { type: string }[], input?: unknown) {
  for (const snap of reachable(machine, events, input)) {
    const value = snap.value as string;
    const ok = accepted(machine, value);
    for (const ev of events) {
      const [next] = transition(machine, snap, ev as never);
      if (ok.has(ev.type)) expect(next, `${machine.id} ${value} accepts ${ev.type}`).not.toBe(snap);
      else expect(next, `${machine.id} ${value} refuses ${ev.type}`).toBe(snap);
    }
  }
}

describe('resource machine', () => {
  it('reaches the five WSFC states from Offline', () => {
    const values = new Set(reachable(resourceMachine, RESOURCE_EVENTS).map((s) => s.value));
    expect([...values].sort()).toEqual(['Failed', 'Offline', 'OfflinePending', 'Online', 'OnlinePending']);
  });

  it('refuses every event its state does not list, and the engine table agrees with XState', () => {
    checkRefusals(resourceMachine, RESOURCE_EVENTS);
    const states: ResourceState[] = ['Offline', 'OnlinePending', 'Online', 'OfflinePending', 'Failed'];
    for (const s of states) {
      for (const ev of RESOURCE_EVENTS) {
        const listed = accepted(resourceMachine, s).has(ev.type);
        expect(nextResourceState(s, ev.type) !== null, `${s} ${ev.type}`).toBe(listed);
      }
    }
    expect(nextResourceState('Online', 'ONLINE_DONE')).toBeNull();
    expect(nextResourceState('Failed', 'CALL_ONLINE')).toBe('OnlinePending');
  });
});

describe('group machine', () => {
  it('reaches stable and moving, and a move remembers its intent', () => {
    const snaps = reachable(groupMachine, GROUP_EVENTS);
    expect(new Set(snaps.map((s) => s.value))).toEqual(new Set(['stable', 'moving']));
    const [moving] = transition(groupMachine, GROUP_INITIAL, GROUP_EVENTS[0] as never);
    expect(moving.context.move).toEqual({ target: 'N2', cause: 'move', reason: 'test', named: true });
    const [retargeted] = transition(groupMachine, moving, GROUP_EVENTS[1] as never);
    expect(retargeted.context.move?.target).toBe('N3');
  });

  it('refuses what a state does not list (a second MOVE_START, a MOVE_DONE while stable)', () => {
    checkRefusals(groupMachine, GROUP_EVENTS);
  });
});

describe('node machine', () => {
  it('reaches every state from either start (Up or Down), boot is left at once', () => {
    const values = new Set([
      ...reachable(nodeMachine, NODE_EVENTS, { initial: 'Up' }).map((s) => s.value),
      ...reachable(nodeMachine, NODE_EVENTS, { initial: 'Down' }).map((s) => s.value),
    ]);
    expect([...values].sort()).toEqual(['Crashed', 'Down', 'Joining', 'Paused', 'Up']);
  });

  it('refuses what a state does not list, and a crash keeps the visible state until detection', () => {
    checkRefusals(nodeMachine, NODE_EVENTS, { initial: 'Up' });
    checkRefusals(nodeMachine, NODE_EVENTS, { initial: 'Down' });
    const up = reachable(nodeMachine, [], { initial: 'Up' })[0]!;
    const [crashed] = transition(nodeMachine, up, { type: 'CRASH', at: 5 });
    expect(crashed.context).toEqual({ visible: 'Up', crashedAt: 5 });
    const [down] = transition(nodeMachine, crashed, { type: 'DETECTED' });
    expect(down.context).toEqual({ visible: 'Down', crashedAt: null });
  });
});

describe('the engine throws on a refused event', () => {
  it('for a group as for a resource: an event the machine refuses is an engine bug, never dropped', async () => {
    const { Coordinator } = await import('../coordinator');
    const { CONTRACT_SEMANTICS } = await import('../semantics');
    const { validateScenario } = await import('../validation');
    const v = validateScenario({
      format: 'failover-scenario@1',
      name: 't',
      nodes: [{ name: 'N1' }, { name: 'N2' }],
      groups: [{ name: 'G', resources: [{ name: 'R' }] }],
    });
    if (!v.ok) throw new Error('invalid');
    const e = new Coordinator(v.scenario, { ...CONTRACT_SEMANTICS }, true);
    expect(() => e.groupSend(e.groups[0]!, { type: 'MOVE_DONE' })).toThrow(
      'internal: group "G" refused MOVE_DONE in stable',
    );
    expect(() => e.resTransition(e.resources[0]!, { type: 'OFFLINE_DONE' }, 'x')).toThrow(
      /internal: resource "R" refused OFFLINE_DONE in (OnlinePending|Online)/,
    );
  });
});
