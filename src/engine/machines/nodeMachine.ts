/**
 * A cluster node (wsfc-semantics §8.1; contract §4.6). `Crashed` is the interval between a crash
 * and its detection: the cluster still shows the node as it was (Up or Paused).
 */
import { assign, setup } from 'xstate';
import type { NodeState } from '../model/trace';

export type NodeEvent =
  | { type: 'START' }
  | { type: 'JOINED' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'CRASH'; at: number }
  | { type: 'DETECTED' }
  | { type: 'STOP' };

export const nodeMachine = setup({
  types: {
    context: {} as { visible: NodeState; crashedAt: number | null },
    input: {} as { initial: 'Up' | 'Down' },
    events: {} as NodeEvent,
  },
  guards: {
    startsUp: ({ context }) => context.visible === 'Up',
  },
  actions: {
    crash: assign({ crashedAt: ({ event }) => (event.type === 'CRASH' ? event.at : null) }),
    show: assign({ visible: (_, params: { state: NodeState }) => params.state, crashedAt: null }),
  },
}).createMachine({
  id: 'node',
  context: ({ input }) => ({ visible: input.initial, crashedAt: null }),
  initial: 'boot',
  states: {
    boot: { always: [{ guard: 'startsUp', target: 'Up' }, { target: 'Down' }] },
    Down: {
      entry: { type: 'show', params: { state: 'Down' } },
      on: { START: 'Joining' },
    },
    Joining: {
      entry: { type: 'show', params: { state: 'Joining' } },
      on: { JOINED: 'Up', CRASH: 'Down', STOP: 'Down' },
    },
    Up: {
      entry: { type: 'show', params: { state: 'Up' } },
      on: { PAUSE: 'Paused', CRASH: { target: 'Crashed', actions: 'crash' }, STOP: 'Down' },
    },
    Paused: {
      entry: { type: 'show', params: { state: 'Paused' } },
      on: { RESUME: 'Up', CRASH: { target: 'Crashed', actions: 'crash' }, STOP: 'Down' },
    },
    Crashed: {
      // visible state stays what it was: the cluster has not noticed yet
      on: { DETECTED: 'Down', STOP: 'Down' },
    },
  },
});

/** Where a node starts: Up or Down as the scenario says (the `boot` state's choice, taken directly). */
export const NODE_INITIAL = {
  Up: nodeMachine.resolveState({ value: 'Up', context: { visible: 'Up', crashedAt: null } }),
  Down: nodeMachine.resolveState({ value: 'Down', context: { visible: 'Down', crashedAt: null } }),
} as const;
