/**
 * The player's walk through a lesson, headless (lesson-format §3): the stops Continue and Back move
 * between, and the keyframes Continue animates through on the way.
 */
import type { TraceEvent } from '../engine';
import type { Lesson, StepPosition } from './types';
import { isQuestion } from './types';

/** One place the player can be: a beat, a question at its pause ("ask"), or at its reveal. */
export interface Stop {
  step: number;
  phase: 'beat' | 'ask' | 'reveal';
  cursor: number;
  clock: number;
  /** A beat with `hold: false` is a caption: shown while playing through, never stopped at. */
  hold: boolean;
}

export function buildStops(lesson: Lesson, positions: readonly StepPosition[]): Stop[] {
  const stops: Stop[] = [];
  for (const p of positions) {
    const step = lesson.steps[p.step]!;
    if (p.kind === 'question') {
      stops.push({ step: p.step, phase: 'ask', cursor: p.at, clock: p.t, hold: true });
      stops.push({ step: p.step, phase: 'reveal', cursor: p.reveal, clock: p.revealT, hold: true });
    } else {
      stops.push({
        step: p.step,
        phase: 'beat',
        cursor: p.at,
        clock: p.t,
        hold: isQuestion(step) || step.hold !== false,
      });
    }
  }
  return stops;
}

/** Where the player opens: the first stop that holds (a lesson may start with captions). */
export function firstStop(stops: readonly Stop[]): number {
  const i = stops.findIndex((s) => s.hold);
  return i < 0 ? stops.length - 1 : i;
}

/** The next stop Continue goes to (captions are passed through), or null at the end. */
export function nextStop(stops: readonly Stop[], i: number): number | null {
  for (let j = i + 1; j < stops.length; j++) if (stops[j]!.hold) return j;
  // Only captions left: play through them and rest on the last one.
  return i + 1 < stops.length ? stops.length - 1 : null;
}

/**
 * The stop Back goes to. A revealed question goes back to its own pause; a question reached by
 * Back is shown at its pause (unanswered), never at its reveal.
 */
export function previousStop(stops: readonly Stop[], i: number): number | null {
  if (stops[i]?.phase === 'reveal') return i - 1;
  for (let j = i - 1; j >= 0; j--) {
    if (!stops[j]!.hold) continue;
    return stops[j]!.phase === 'reveal' ? j - 1 : j;
  }
  return null;
}

/** The captions (hold: false beats) passed between two stops, in order, with where they fire. */
export function captionsBetween(stops: readonly Stop[], from: number, to: number): Stop[] {
  return stops.slice(from + 1, to).filter((s) => !s.hold);
}

export interface Keyframe {
  cursor: number;
  clock: number;
}

/**
 * The frames Continue shows from one stop to the next: each event on its own when there are few,
 * else the end of each instant; always ending exactly at the target.
 */
export function keyframes(events: readonly TraceEvent[], from: Keyframe, to: Keyframe, fine = 12): Keyframe[] {
  const out: Keyframe[] = [];
  const perEvent = to.cursor - from.cursor <= fine;
  for (let i = from.cursor + 1; i <= to.cursor; i++) {
    const endOfInstant = i === to.cursor || events[i + 1]?.t !== events[i]!.t;
    if (perEvent || endOfInstant) out.push({ cursor: i, clock: events[i]!.t });
  }
  const last = out.at(-1);
  if (!last || last.cursor !== to.cursor || last.clock !== to.clock) out.push({ ...to });
  return out;
}

/** Wall-clock plan: each keyframe's time (ms from the start), within `budget` in total. */
export function schedule(count: number, budget = 1200, perFrame = 280): number[] {
  if (count <= 0) return [];
  const step = Math.min(perFrame, budget / count);
  return Array.from({ length: count }, (_, k) => Math.round((k + 1) * step));
}
