/** A lesson being recorded: editable drafts of its steps, and turning them into a lesson file. */
import type { AppliedAction, TraceEvent } from '../engine';
import { effectiveSource } from '../store/branches';
import type { AppState } from '../store/types';
import { lessonFile, matcherFromEvent, parseTriggerText, triggerText } from '../lesson/record';
import type { LessonIssue } from '../lesson/types';

export interface DraftBeat {
  kind: 'beat';
  key: number;
  trigger: string;
  say: string;
  hold: boolean;
  focus: string;
}

export interface DraftQuestion {
  kind: 'question';
  key: number;
  trigger: string;
  ask: string;
  /** One choice per line. */
  choices: string;
  answer: number;
  revealOn: string;
  why: string;
  focus: string;
}

export type DraftStep = DraftBeat | DraftQuestion;

export interface Recording {
  /** IndexedDB key. */
  key: string;
  id: string;
  title: string;
  objective: string;
  steps: DraftStep[];
}

let nextKey = 1;
export const newKey = () => nextKey++;

/** The trigger for "here": "start" for a first step at t = 0, else the event on screen, else the time. */
export function triggerHere(events: readonly TraceEvent[], t: number, first: boolean): string {
  if (first && t === 0) return 'start';
  const last = events.at(-1);
  return last ? triggerText(matcherFromEvent(last)) : triggerText({ at: t });
}

export const splitChoices = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

const names = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The `ui.lesson` object, or the issues with the drafts' own fields (unparsable JSON). */
export function draftLesson(r: Recording): { ok: true; lesson: unknown } | { ok: false; issues: LessonIssue[] } {
  const issues: LessonIssue[] = [];
  const json = (text: string, path: string) => {
    const p = parseTriggerText(text);
    if (!p.ok) issues.push({ path, message: p.message });
    return p.ok ? p.value : undefined;
  };
  const steps = r.steps.map((s, i) => {
    const base = `ui.lesson.steps[${i}]`;
    const focus = names(s.focus);
    if (s.kind === 'beat') {
      return {
        on: json(s.trigger, `${base}.on`),
        say: s.say,
        ...(s.hold ? {} : { hold: false }),
        ...(focus.length ? { focus } : {}),
      };
    }
    return {
      pauseAfter: json(s.trigger, `${base}.pauseAfter`),
      ask: s.ask,
      choices: splitChoices(s.choices),
      answer: s.answer,
      revealOn: json(s.revealOn, `${base}.revealOn`),
      why: s.why,
      ...(focus.length ? { focus } : {}),
    };
  });
  if (issues.length) return { ok: false, issues };
  const lesson: Record<string, unknown> = { id: r.id, title: r.title };
  if (r.objective.trim()) lesson.objective = r.objective;
  lesson.steps = steps;
  return { ok: true, lesson };
}

export function recordingFile(r: Recording, source: unknown, actions: readonly AppliedAction[]) {
  const d = draftLesson(r);
  return d.ok ? { ok: true as const, file: lessonFile(source, actions, d.lesson) } : d;
}

/** Drafts from a lesson file (to edit a saved recording again). */
export function recordingFromFile(key: string, file: unknown): Recording | null {
  const l = (file as { ui?: { lesson?: Record<string, unknown> } })?.ui?.lesson;
  if (!l || !Array.isArray(l.steps)) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const trig = (v: unknown) => (v === undefined ? '' : v === 'start' ? 'start' : JSON.stringify(v));
  return {
    key,
    id: text(l.id),
    title: text(l.title),
    objective: text(l.objective),
    steps: (l.steps as Record<string, unknown>[]).map((s): DraftStep => {
      const focus = Array.isArray(s.focus) ? s.focus.join(', ') : '';
      if ('pauseAfter' in s)
        return {
          kind: 'question',
          key: newKey(),
          trigger: trig(s.pauseAfter),
          ask: text(s.ask),
          choices: Array.isArray(s.choices) ? s.choices.join('\n') : '',
          answer: typeof s.answer === 'number' ? s.answer : 0,
          revealOn: trig(s.revealOn),
          why: text(s.why),
          focus,
        };
      return { kind: 'beat', key: newKey(), trigger: trig(s.on), say: text(s.say), hold: s.hold !== false, focus };
    }),
  };
}

/**
 * What the trainer is running: the scenario of the current branch (its script and run length) and
 * the actions applied on it so far. These become the lesson file's scenario and script.
 */
export function recordedRun(s: AppState): { source: unknown; actions: AppliedAction[] } {
  const b = s.branches.find((x) => x.id === s.branchId);
  return { source: b ? effectiveSource(s.source, b) : s.source, actions: s.actions.slice(0, s.appliedCount) };
}
