/**
 * One step of a machine with context (group, node): the next snapshot and the named actions its
 * transition lists, or null when the machine refuses the event. XState's pure `transition()`
 * builds a throwaway actor (and the machine's initial snapshot) on every call, which was most of
 * the cost of a failover; this runs the same `machine.transition` on one inert scope per machine
 * that only collects the actions (our machines spawn no children, so nothing else is needed).
 */
import {
  createActor,
  type ActorScope,
  type AnyStateMachine,
  type EventFrom,
  type ExecutableActionsFrom,
  type SnapshotFrom,
  type StateValue,
} from 'xstate';

interface Scope {
  scope: ActorScope<never, never>;
  collected: { type: string }[];
}

const scopes = new WeakMap<AnyStateMachine, Scope>();

function scopeOf(machine: AnyStateMachine): Scope {
  let s = scopes.get(machine);
  if (!s) {
    const self = createActor(machine, { input: {} });
    const collected: { type: string }[] = [];
    const noop = () => {};
    const scope = {
      self,
      defer: noop,
      id: '',
      logger: noop,
      sessionId: '',
      stopChild: noop,
      system: self.system,
      emit: noop,
      actionExecutor: (a: ExecutableActionsFrom<AnyStateMachine>) => collected.push(a),
    } as unknown as ActorScope<never, never>;
    s = { scope, collected };
    scopes.set(machine, s);
  }
  return s;
}

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
  const { scope, collected } = scopeOf(machine);
  collected.length = 0;
  const next = machine.transition(snap as never, event, scope as never) as SnapshotFrom<M>;
  return { next, effects: collected.map((a) => a.type) };
}

/** A state value's active leaves as dot paths (["placement.moving.relocating", "failback.idle"]). */
export function activeLeaves(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  return Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : activeLeaves(v, `${prefix}${k}.`)));
}

const leavesCache = new WeakMap<object, readonly string[]>();

/** A snapshot's active leaves, computed once per snapshot (snapshots are immutable; views ask often). */
export function leavesOf(snap: { value: StateValue }): readonly string[] {
  let leaves = leavesCache.get(snap);
  if (!leaves) {
    leaves = Object.freeze(activeLeaves(snap.value));
    leavesCache.set(snap, leaves);
  }
  return leaves;
}

/** A state value as dot paths ("placement.moving.relocating, failback.idle"), for messages. */
export function stateLabel(value: StateValue): string {
  return activeLeaves(value).join(', ');
}

/** A machine refused an event the engine sent: an engine bug, never dropped silently. */
export function refused(kind: 'resource' | 'group' | 'node', name: string, event: string, state: string): never {
  throw new Error(`internal: ${kind} "${name}" refused ${event} in ${state}`);
}
