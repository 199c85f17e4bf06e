/**
 * One step of a machine with context (group, node), by XState's pure `transition()`: the next
 * snapshot and the named actions it lists, or null when the machine refuses the event.
 */
import { transition, type AnyStateMachine, type EventFrom, type SnapshotFrom, type StateValue } from 'xstate';

/**
 * Accepted when a transition is enabled, a targetless one without actions included (XState's
 * `can()` counts those as refusals; for us "stays put on purpose" is an answer, not a refusal).
 */
export function machineStep<M extends AnyStateMachine>(
  machine: M,
  snap: SnapshotFrom<M>,
  event: EventFrom<M>,
): { next: SnapshotFrom<M>; effects: string[] } | null {
  if (machine.getTransitionData(snap as never, event).length === 0) return null;
  const [next, actions] = transition(machine, snap, event);
  return { next: next as SnapshotFrom<M>, effects: actions.map((a) => a.type) };
}

/** A state value's active leaves as dot paths (["placement.moving.relocating", "failback.idle"]). */
export function activeLeaves(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  return Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : activeLeaves(v, `${prefix}${k}.`)));
}

/** A state value as dot paths ("placement.moving.relocating, failback.idle"), for messages. */
export function stateLabel(value: StateValue): string {
  return activeLeaves(value).join(', ');
}

/** A machine refused an event the engine sent: an engine bug, never dropped silently. */
export function refused(kind: 'resource' | 'group' | 'node', name: string, event: string, state: string): never {
  throw new Error(`internal: ${kind} "${name}" refused ${event} in ${state}`);
}
