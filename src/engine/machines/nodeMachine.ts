/**
 * A cluster node (wsfc-semantics §8.1; contract §4.6, §4.7, §4.8), read top to bottom:
 *
 *   Down ──START──▶ Joining ──JOINED──▶ Up ◀──RESUME── Paused
 *     ▲                │                 │ └──PAUSE──▶   │
 *     │◀──CRASH/STOP───┘                 └─CRASH─▶ Crashed ◀─CRASH─┘
 *     └──────────────── DETECTED / STOP ◀─────────┘
 *
 * `visible` (context) is the state the cluster shows and traces (`node.state`). It changes on entry
 * to every state but one: `Crashed` is the interval between a crash and its detection, during
 * which the node is gone but the cluster still shows it as it was (Up or Paused), keeps its vote,
 * may choose it as a target and makes calls into it that never return (§4.8). Detection comes
 * SameSubnetDelay × SameSubnetThreshold later (§4.6); its timer is armed by the coordinator on the
 * one clock (cluster/nodes.ts). STOP is the cluster service stopping on every node when quorum is
 * lost (§4.7).
 *
 * Extending (network mode): a condition the cluster shows gets a state whose entry runs `show`
 * with its visible name (e.g. a `Stopping` state between Up/Paused and Down, entered on a STOP
 * that has to drain first); a condition it does not show keeps `visible` untouched, like
 * `Crashed` (e.g. `Waiting` for a network before Joining). Keep the top-level values plain names:
 * the coordinator compares them (Engine.nodeMachineState), and path tests
 * (machines/nodeMachine.test.ts) walk every state from both starts.
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

export interface NodeContext {
  /** What the cluster shows (and traces) for the node. */
  visible: NodeState;
  /** When it crashed, while the crash is undetected. */
  crashedAt: number | null;
}

export const nodeMachine = setup({
  types: {
    context: {} as NodeContext,
    input: {} as { initial: 'Up' | 'Down' },
    events: {} as NodeEvent,
  },
  guards: {
    /** The scenario says the node starts Up (`nodes[].state`, default Up). */
    startsUp: ({ context }) => context.visible === 'Up',
  },
  actions: {
    rememberCrash: assign({ crashedAt: ({ event }) => (event.type === 'CRASH' ? event.at : null) }),
    /** The cluster now shows this state (and no crash is pending). */
    show: assign({ visible: (_, params: { state: NodeState }) => params.state, crashedAt: null }),
  },
}).createMachine({
  id: 'node',
  context: ({ input }) => ({ visible: input.initial, crashedAt: null }),
  initial: 'boot',
  states: {
    // The scenario's starting state, taken at once (the engine starts from NODE_INITIAL directly).
    boot: { always: [{ guard: 'startsUp', target: 'Up' }, { target: 'Down' }] },
    Down: {
      entry: { type: 'show', params: { state: 'Down' } },
      on: { START: 'Joining' },
    },
    Joining: {
      // joinMs later it is Up; quorum is recomputed then (§4.7).
      entry: { type: 'show', params: { state: 'Joining' } },
      // A node that crashes or stops while joining never joined: Down at once, nothing to detect.
      on: { JOINED: 'Up', CRASH: 'Down', STOP: 'Down' },
    },
    Up: {
      entry: { type: 'show', params: { state: 'Up' } },
      on: { PAUSE: 'Paused', CRASH: { target: 'Crashed', actions: 'rememberCrash' }, STOP: 'Down' },
    },
    Paused: {
      // §4.6: never a failover or move target; its groups stay and may restart there.
      entry: { type: 'show', params: { state: 'Paused' } },
      on: { RESUME: 'Up', CRASH: { target: 'Crashed', actions: 'rememberCrash' }, STOP: 'Down' },
    },
    Crashed: {
      // No entry action: the visible state stays what it was until the cluster notices (§4.6).
      on: { DETECTED: 'Down', STOP: 'Down' },
    },
  },
});

/** Where a node starts: Up or Down as the scenario says (the `boot` state's choice, taken directly). */
export const NODE_INITIAL = {
  Up: nodeMachine.resolveState({ value: 'Up', context: { visible: 'Up', crashedAt: null } }),
  Down: nodeMachine.resolveState({ value: 'Down', context: { visible: 'Down', crashedAt: null } }),
} as const;
