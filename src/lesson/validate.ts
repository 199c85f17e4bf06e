/**
 * A lesson file, checked as a whole: a valid scenario (the engine's validation), a well-formed
 * `ui.lesson` (./schema), and every step placed on the scenario's trace (./match).
 */
import { runScenario, validateScenario } from '../engine';
import type { Scenario, TraceEvent } from '../engine';
import { locateSteps } from './match';
import { parseLesson } from './schema';
import type { Lesson, LessonIssue, StepPosition } from './types';

export interface CheckedLesson {
  /** The file as given (what links and exports carry). */
  source: unknown;
  scenario: Scenario;
  lesson: Lesson;
  /** The scenario's whole trace up to `until`. */
  events: readonly TraceEvent[];
  positions: StepPosition[];
}

export type LessonResult = { ok: true; value: CheckedLesson } | { ok: false; issues: LessonIssue[] };

/** Every node, group and resource name: what `focus` may name. */
export function scenarioNames(s: Scenario): Set<string> {
  const names = new Set<string>();
  s.nodes.forEach((n) => names.add(n.name));
  s.groups.forEach((g) => {
    names.add(g.name);
    g.resources.forEach((r) => names.add(r.name));
  });
  return names;
}

const lessonOf = (s: Scenario): unknown =>
  typeof s.ui === 'object' && s.ui !== null ? (s.ui as Record<string, unknown>).lesson : undefined;

/** Does this raw file carry a lesson (so "Open scenario…" should open it as one)? */
export function hasLesson(source: unknown): boolean {
  if (typeof source !== 'object' || source === null) return false;
  const ui = (source as Record<string, unknown>).ui;
  return typeof ui === 'object' && ui !== null && 'lesson' in ui;
}

/** Check a scenario that the engine has already accepted. */
export function checkLessonScenario(source: unknown, scenario: Scenario): LessonResult {
  const shape = parseLesson(lessonOf(scenario), scenarioNames(scenario));
  if (!shape.ok) return { ok: false, issues: shape.issues };
  const events = runScenario(scenario).events;
  const located = locateSteps(shape.lesson, events, scenario.until);
  if (!located.ok) return { ok: false, issues: located.issues };
  return { ok: true, value: { source, scenario, lesson: shape.lesson, events, positions: located.positions } };
}

/** Check raw JSON: first as a scenario, then as a lesson. Never throws. */
export function validateLesson(source: unknown): LessonResult {
  const v = validateScenario(source);
  if (!v.ok) return { ok: false, issues: v.errors };
  try {
    return checkLessonScenario(source, v.scenario);
  } catch (e) {
    // An engine failure on a valid scenario is a bug, but the player must not crash on it.
    return { ok: false, issues: [{ path: '(lesson)', message: `could not be checked: ${(e as Error).message}` }] };
  }
}
