/** The `lesson` command's document (lesson-format.md §4): where every step fired. */
import type { StepPosition } from './types';

export const LESSON_CHECK_FORMAT = 'failover-lesson-check@1';

export interface LessonCheck {
  format: typeof LESSON_CHECK_FORMAT;
  lesson: string;
  steps: StepPosition[];
}

export function lessonCheck(id: string, positions: readonly StepPosition[]): LessonCheck {
  // Key order as in the contract's example: step, kind, at, t, then reveal, revealT.
  const steps = positions.map((p) =>
    p.kind === 'beat'
      ? { step: p.step, kind: p.kind, at: p.at, t: p.t }
      : { step: p.step, kind: p.kind, at: p.at, t: p.t, reveal: p.reveal, revealT: p.revealT },
  );
  return { format: LESSON_CHECK_FORMAT, lesson: id, steps };
}
