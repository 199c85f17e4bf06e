/**
 * "Why is it there, and why did it stop trying?": the latest policy decision or owner change per
 * entity, kept incrementally as the trace grows.
 */
import type { TraceEvent } from '../engine';
import { policySubjectKind, refKey } from './refs';

export function latestDecisions(
  prev: Record<string, TraceEvent>,
  prevEvents: readonly TraceEvent[],
  events: readonly TraceEvent[],
): Record<string, TraceEvent> {
  // Same timeline grown at the end: scan only the new events. Otherwise (rewind, reload) rescan.
  const grown =
    events.length >= prevEvents.length &&
    (prevEvents.length === 0 || events[prevEvents.length - 1] === prevEvents.at(-1));
  const from = grown ? prevEvents.length : 0;
  if (grown && from === events.length) return prev;
  const out: Record<string, TraceEvent> = grown ? { ...prev } : {};
  for (let i = from; i < events.length; i++) {
    const e = events[i]!;
    // Keyed by kind and name (refs.ts): a group and a resource may share a name.
    if (e.type === 'policy') {
      const kind = policySubjectKind(e.rule);
      out[kind ? refKey(kind, e.subject) : 'cluster'] = e;
    } else if (e.type === 'group.owner') {
      out[refKey('group', e.group)] = e;
    }
  }
  return out;
}
