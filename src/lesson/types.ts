/** A lesson (lesson-format.md §1) and where its steps fall on the trace (§2). Plain data only. */

/** An event matcher: an object with a `type`; every key must equal the event's field (objects recursively). */
export type EventMatcher = { type: string } & Record<string, unknown>;

/** `"start"`, `{ "at": MS }` or an event matcher. */
export type Trigger = 'start' | { at: number } | EventMatcher;

export interface BeatStep {
  on: Trigger;
  say: string;
  hold?: boolean;
  focus?: string[];
}

export interface QuestionStep {
  pauseAfter: Trigger;
  ask: string;
  choices: string[];
  answer: number;
  revealOn: EventMatcher;
  why: string;
  focus?: string[];
}

export type LessonStep = BeatStep | QuestionStep;

export interface Lesson {
  id: string;
  title: string;
  objective?: string;
  steps: LessonStep[];
}

export const isQuestion = (s: LessonStep): s is QuestionStep => 'pauseAfter' in s;

/** Where one step fires: `at` is an event index (−1 before the first event), `t` the clock there. */
export type StepPosition =
  | { step: number; kind: 'beat'; at: number; t: number }
  | { step: number; kind: 'question'; at: number; t: number; reveal: number; revealT: number };

/** A lesson problem, as `path: message` (the same shape as the engine's validation issues). */
export interface LessonIssue {
  path: string;
  message: string;
}
