/**
 * The one matcher (lesson-format.md §2), shared by the player and the `lesson` command: where each
 * step of a lesson fires on a trace. Positions are event indexes, so a step can stop between two
 * events of the same instant; −1 is "before the first event".
 */
import type { TraceEvent } from '../engine';
import { LESSON_PATH } from './schema';
import type { EventMatcher, Lesson, LessonIssue, StepPosition, Trigger } from './types';
import { isQuestion } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON equality (arrays element for element, objects key for key). */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * Does the value match the pattern? An object pattern matches an object whose fields match each of
 * the pattern's own keys (recursively); an array must be equal element for element; anything else
 * compares as JSON.
 */
export function valueMatches(value: unknown, pattern: unknown): boolean {
  if (Array.isArray(pattern)) return jsonEqual(value, pattern);
  if (isObject(pattern)) {
    if (!isObject(value)) return false;
    return Object.keys(pattern).every((k) => valueMatches(value[k], pattern[k]));
  }
  return value === pattern;
}

export const eventMatches = (event: TraceEvent, matcher: EventMatcher): boolean => valueMatches(event, matcher);

/** `t=70.000 s`, the form the messages use. */
export const formatT = (ms: number) => `t=${(ms / 1000).toFixed(3)} s`;

/** Where the previous step ended: its event index and the clock there. */
interface End {
  at: number;
  t: number;
  /** False before the first step: there is no previous stop to coincide with. */
  step?: boolean;
}

type Located = { ok: true; at: number; t: number } | { ok: false; issue: LessonIssue };

function findEvent(events: readonly TraceEvent[], matcher: EventMatcher, after: End, path: string): Located {
  for (let i = after.at + 1; i < events.length; i++) {
    if (eventMatches(events[i]!, matcher)) return { ok: true, at: i, t: events[i]!.t };
  }
  return {
    ok: false,
    issue: { path, message: `no event matches ${JSON.stringify(matcher)} after ${formatT(after.t)}` },
  };
}

function locateTrigger(
  events: readonly TraceEvent[],
  trigger: Trigger,
  prev: End,
  until: number,
  path: string,
): Located {
  if (trigger === 'start') return { ok: true, at: -1, t: 0 };
  if (!('type' in trigger)) {
    const ms = trigger.at;
    const atPath = `${path}.at`;
    if (ms > until)
      return { ok: false, issue: { path: atPath, message: `${ms} is after the scenario's end (until ${until})` } };
    if (ms < prev.t)
      return {
        ok: false,
        issue: { path: atPath, message: `${ms} is earlier than the previous step's ${formatT(prev.t)}` },
      };
    // Just before the first event at or after MS: every event before MS is shown, none at or after.
    let first = events.findIndex((e) => e.t >= ms);
    if (first < 0) first = events.length;
    const at = first - 1;
    if (at < prev.at)
      return {
        ok: false,
        issue: {
          path: atPath,
          message: `${ms} falls before event ${prev.at}, where the previous step ended (events of that instant come before it)`,
        },
      };
    if (prev.step && at === prev.at && ms === prev.t)
      return { ok: false, issue: { path: atPath, message: `${ms} is exactly where the previous step ended` } };
    return { ok: true, at, t: ms };
  }
  return findEvent(events, trigger, prev, path);
}

export type LessonPositions = { ok: true; positions: StepPosition[] } | { ok: false; issues: LessonIssue[] };

/**
 * Locate every step on the trace, in file order, each searching strictly after the previous
 * step's end (a beat ends where it fires, a question at its reveal). The first step that cannot
 * be placed is reported: the steps after it have nowhere to start from.
 */
export function locateSteps(lesson: Lesson, events: readonly TraceEvent[], until: number): LessonPositions {
  const positions: StepPosition[] = [];
  let prev: End = { at: -1, t: 0 };
  for (let i = 0; i < lesson.steps.length; i++) {
    const step = lesson.steps[i]!;
    const base = `${LESSON_PATH}.steps[${i}]`;
    if (isQuestion(step)) {
      const pause = locateTrigger(events, step.pauseAfter, prev, until, `${base}.pauseAfter`);
      if (!pause.ok) return { ok: false, issues: [pause.issue] };
      const reveal = findEvent(events, step.revealOn, { at: pause.at, t: pause.t }, `${base}.revealOn`);
      if (!reveal.ok) return { ok: false, issues: [reveal.issue] };
      positions.push({ step: i, kind: 'question', at: pause.at, t: pause.t, reveal: reveal.at, revealT: reveal.t });
      prev = { at: reveal.at, t: reveal.t, step: true };
    } else {
      const on = locateTrigger(events, step.on, prev, until, `${base}.on`);
      if (!on.ok) return { ok: false, issues: [on.issue] };
      positions.push({ step: i, kind: 'beat', at: on.at, t: on.t });
      prev = { at: on.at, t: on.t, step: true };
    }
  }
  return { ok: true, positions };
}
