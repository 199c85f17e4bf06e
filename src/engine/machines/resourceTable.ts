/**
 * The resource machine's transitions, computed by XState itself and memoised. The resource machine
 * has no context, so its next state is a function of (state, event) alone: each (state value,
 * event type) pair is asked of XState's pure `transition()` once and remembered, with the named
 * effects the transition lists, in order. Every resource holds one shared, interned state object
 * (the serialised nested state value is its key), so a cluster of 100,000 resources costs one
 * pointer per resource instead of one actor each (creating actors was most of the start-up:
 * 13 s at 100k resources, pure transition() on every event 25 s, this table 0.9 s).
 *
 * Events that carry data for a guard (COUNTED, FAILED_IN_PLACE) are keyed by that data too.
 */
import { transition, type SnapshotFrom, type StateValue } from 'xstate';
import type { ResourceState } from '../model/trace';
import { resourceMachine, topState, type ResourceEffect, type ResourceEvent } from './resourceMachine';
import { activeLeaves } from './step';

type ResourceSnapshot = SnapshotFrom<typeof resourceMachine>;

/** One state of the resource machine, shared by every resource in it. */
export interface ResourceMachineState {
  /** The serialised state value (JSON): the memo key and what a snapshot saves. */
  readonly key: string;
  /** The WSFC state shown and traced. */
  readonly top: ResourceState;
  /** Active leaf states as dot paths ("Online.health.watching", "Online.wish.stay"). */
  readonly leaves: readonly string[];
  readonly snap: ResourceSnapshot;
  /** Memoised steps by event type (and guard data); null when the machine refuses the event here. */
  readonly next: Map<string, ResourceStep | null>;
  /** Memoised answers of resourceIn (the engine asks the same few paths on hot paths). */
  readonly within: Map<string, boolean>;
}

export interface ResourceStep {
  to: ResourceMachineState;
  effects: readonly ResourceEffect[];
}

const EFFECTS = new Set<string>([
  'armRestartDelay',
  'traceRestartThresholdExceeded',
  'armRetryPeriod',
  'escalateToGroupFailover',
] satisfies ResourceEffect[]);

const byKey = new Map<string, ResourceMachineState>();

function intern(snap: ResourceSnapshot): ResourceMachineState {
  const key = JSON.stringify(snap.value);
  let s = byKey.get(key);
  if (!s) {
    s = {
      key,
      top: topState(snap.value),
      leaves: Object.freeze(activeLeaves(snap.value)),
      snap,
      next: new Map(),
      within: new Map(),
    };
    byKey.set(key, s);
  }
  return s;
}

/** The state a saved key names (cluster/snapshot.ts), resolved by the machine. */
export function resourceStateFromKey(key: string): ResourceMachineState {
  const known = byKey.get(key);
  if (known) return known;
  return intern(resourceMachine.resolveState({ value: JSON.parse(key) as StateValue, context: {} }));
}

/** Where every resource starts. */
export const RESOURCE_INITIAL: ResourceMachineState = resourceStateFromKey(JSON.stringify('Offline'));

function compute(from: ResourceMachineState, event: ResourceEvent): ResourceStep | null {
  // Accepted when a transition is enabled, a targetless one without actions included (XState's
  // `can()` counts those as refusals; here "stays put on purpose" is not a refusal).
  if (resourceMachine.getTransitionData(from.snap, event).length === 0) return null;
  const [next, actions] = transition(resourceMachine, from.snap, event);
  const effects = actions.map((a) => a.type).filter((t): t is ResourceEffect => EFFECTS.has(t));
  return { to: intern(next), effects };
}

/** The step the resource machine takes, or null when it refuses the event in that state. */
export function resourceStep(from: ResourceMachineState, event: ResourceEvent): ResourceStep | null {
  // An event with data for a guard is keyed by that data too (a handful of distinct values).
  const key =
    event.type === 'COUNTED'
      ? `COUNTED ${event.count} ${event.threshold} ${event.restartAction} ${event.retryPeriod}`
      : event.type === 'FAILED_IN_PLACE'
        ? `FAILED_IN_PLACE ${event.restartAction} ${event.retryPeriod}`
        : event.type;
  let step = from.next.get(key);
  if (step === undefined) {
    step = compute(from, event);
    from.next.set(key, step);
  }
  return step;
}

/** Is the resource machine in this state (a dot path: "Failed", "Online.wish.leave")? */
export function resourceIn(s: ResourceMachineState, path: string): boolean {
  let yes = s.within.get(path);
  if (yes === undefined) {
    yes = s.leaves.some((l) => l === path || l.startsWith(`${path}.`));
    s.within.set(path, yes);
  }
  return yes;
}
