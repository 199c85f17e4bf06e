/**
 * Recording a lesson in Simulate (headless parts): a step's trigger from the event on screen, and
 * the lesson file from the scenario, the actions the trainer applied, and the steps.
 */
import type { AppliedAction, TraceEvent } from '../engine';
import type { EventMatcher, Trigger } from './types';

/**
 * A matcher that picks out this event: its type, time and identifying fields. `reason` and
 * `detail` are prose (their wording may change); `t` keeps an earlier look-alike from matching.
 */
export function matcherFromEvent(e: TraceEvent): EventMatcher {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (k === 'reason' || k === 'detail') continue;
    if ((e.type === 'action' || e.type === 'action.rejected') && k === 'action') {
      const { at: _at, ...action } = v as Record<string, unknown>;
      out.action = action;
    } else out[k] = v;
  }
  return { type: e.type, ...out };
}

/** One line of JSON for the trigger field ("start" stays a bare word). */
export const triggerText = (t: Trigger | EventMatcher): string => (t === 'start' ? 'start' : JSON.stringify(t));

/** Parse the trigger field back: "start", or JSON. */
export function parseTriggerText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const s = text.trim();
  if (s === 'start' || s === '"start"') return { ok: true, value: 'start' };
  try {
    return { ok: true, value: JSON.parse(s) };
  } catch (e) {
    return { ok: false, message: `not "start" nor valid JSON: ${(e as Error).message}` };
  }
}

type RawScenario = Record<string, unknown>;

/**
 * The scenario's script plus the trainer's actions as script entries. A user action at time `at`
 * was applied after everything at that instant, script entries included, so it goes after the
 * script entries of its instant (a stable merge keeps that order).
 */
export function mergeScript(script: unknown, actions: readonly AppliedAction[]): unknown[] {
  const base: unknown[] = Array.isArray(script) ? (script as unknown[]) : [];
  const added = actions.map((a) => ({ at: a.at, ...a.action }));
  const atOf = (x: unknown) =>
    typeof x === 'object' && x !== null && typeof (x as { at?: unknown }).at === 'number'
      ? (x as { at: number }).at
      : 0;
  return [...base, ...added]
    .map((x, i) => ({ x, i }))
    .sort((a, b) => atOf(a.x) - atOf(b.x) || a.i - b.i)
    .map(({ x }) => x);
}

/** The lesson file: the scenario as loaded, its script with the trainer's actions, and `ui.lesson`. */
export function lessonFile(source: unknown, actions: readonly AppliedAction[], lesson: unknown): RawScenario {
  const raw = (typeof source === 'object' && source !== null ? source : {}) as RawScenario;
  const ui = typeof raw.ui === 'object' && raw.ui !== null ? (raw.ui as RawScenario) : {};
  const out: RawScenario = { ...raw, ui: { ...ui, lesson } };
  if (actions.length || 'script' in raw) out.script = mergeScript(raw.script, actions);
  return out;
}
