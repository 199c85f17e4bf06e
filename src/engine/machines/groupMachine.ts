/**
 * A group's failover/move operation (contract §4.5 steps): `stable`, or `moving` while its
 * resources go offline dependents-first before the owner changes. The derived group state
 * (Online/Pending/...) is computed from the resources, never stored (MS-CMRP §3.1.4.2.46).
 */
import { assign, setup } from 'xstate';
import type { OwnerCause } from '../model/trace';

export interface MoveIntent {
  target: string;
  cause: OwnerCause;
  reason: string;
  /** An administrator move to a node the administrator named (cancelled, not re-targeted, when that node goes away). */
  named: boolean;
}

export type GroupEvent =
  | ({ type: 'MOVE_START' } & MoveIntent)
  | { type: 'RETARGET'; target: string; reason: string }
  | { type: 'MOVE_DONE' }
  | { type: 'MOVE_CANCEL' };

export const groupMachine = setup({
  types: {
    context: {} as { move: MoveIntent | null },
    events: {} as GroupEvent,
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
  },
}).createMachine({
  id: 'group',
  context: { move: null },
  initial: 'stable',
  states: {
    stable: {
      on: { MOVE_START: { target: 'moving', actions: 'rememberMove' } },
    },
    moving: {
      on: {
        // §4.8: the target went away before the group arrived; a failover, drain or move to the
        // best node chooses again by its own rule.
        RETARGET: { actions: 'retarget' },
        MOVE_DONE: { target: 'stable', actions: 'forgetMove' },
        MOVE_CANCEL: { target: 'stable', actions: 'forgetMove' },
      },
    },
  },
});

/** Where every group starts (snapshots are immutable, so all groups share it). */
export const GROUP_INITIAL = groupMachine.resolveState({ value: 'stable', context: { move: null } });
