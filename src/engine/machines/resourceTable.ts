/**
 * The resource machine's transitions, computed by XState itself and memoised. The resource machine
 * has no context, so its next state is a function of (state, event type) alone: each pair is asked
 * of XState's pure `transition()` once and remembered. A cluster of 100,000 resources then costs
 * one string per resource instead of one actor each (creating actors was most of the start-up).
 */
import { transition } from 'xstate';
import type { ResourceState } from '../model/trace';
import { resourceMachine, type ResourceEvent } from './resourceMachine';

const memo = new Map<string, ResourceState | null>();

/** The state the resource machine goes to, or null when it refuses the event in that state. */
export function nextResourceState(from: ResourceState, event: ResourceEvent['type']): ResourceState | null {
  const key = `${from}|${event}`;
  let to = memo.get(key);
  if (to === undefined) {
    const snap = resourceMachine.resolveState({ value: from, context: {} });
    const [next] = transition(resourceMachine, snap, { type: event });
    to = next === snap ? null : next.value;
    memo.set(key, to);
  }
  return to;
}
