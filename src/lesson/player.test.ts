import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine';
import { buildStops, captionsBetween, firstStop, keyframes, nextStop, previousStop, schedule } from './player';
import type { Lesson, StepPosition } from './types';

const lesson: Lesson = {
  id: 'T',
  title: 'T',
  steps: [
    { on: 'start', say: 'a' },
    { on: { type: 'x' }, say: 'caption', hold: false },
    { pauseAfter: { type: 'x' }, ask: 'q', choices: ['1', '2'], answer: 0, revealOn: { type: 'y' }, why: 'w' },
    { on: { type: 'z' }, say: 'b' },
  ],
};
const positions: StepPosition[] = [
  { step: 0, kind: 'beat', at: -1, t: 0 },
  { step: 1, kind: 'beat', at: 2, t: 10 },
  { step: 2, kind: 'question', at: 4, t: 20, reveal: 6, revealT: 30 },
  { step: 3, kind: 'beat', at: 8, t: 40 },
];
const stops = buildStops(lesson, positions);

describe('the player walk', () => {
  it('one stop per beat, two per question (its pause and its reveal)', () => {
    expect(stops.map((s) => `${s.step}${s.phase}@${s.cursor}${s.hold ? '' : ' caption'}`)).toEqual([
      '0beat@-1',
      '1beat@2 caption',
      '2ask@4',
      '2reveal@6',
      '3beat@8',
    ]);
    expect(firstStop(stops)).toBe(0);
  });

  it('Continue passes captions and stops at the next beat or question; nothing after the end', () => {
    expect(nextStop(stops, 0)).toBe(2);
    expect(captionsBetween(stops, 0, 2).map((s) => s.step)).toEqual([1]);
    expect(nextStop(stops, 2)).toBe(3);
    expect(nextStop(stops, 3)).toBe(4);
    expect(nextStop(stops, 4)).toBeNull();
  });

  it('Back from a reveal shows the same question at its pause; a question reached by Back is at its pause', () => {
    expect(previousStop(stops, 3)).toBe(2);
    expect(previousStop(stops, 4)).toBe(2);
    expect(previousStop(stops, 2)).toBe(0);
    expect(previousStop(stops, 0)).toBeNull();
  });

  it('keyframes: every event when few, the end of each instant when many, always ending at the target', () => {
    const ev = [0, 0, 5, 5, 5, 9].map((t) => ({ t }) as TraceEvent);
    expect(keyframes(ev, { cursor: -1, clock: 0 }, { cursor: 5, clock: 9 })).toHaveLength(6);
    expect(keyframes(ev, { cursor: -1, clock: 0 }, { cursor: 5, clock: 9 }, 2)).toEqual([
      { cursor: 1, clock: 0 },
      { cursor: 4, clock: 5 },
      { cursor: 5, clock: 9 },
    ]);
    // An {at} target: the clock moves on past the last event.
    expect(keyframes(ev, { cursor: 1, clock: 0 }, { cursor: 5, clock: 12 }, 0).at(-1)).toEqual({
      cursor: 5,
      clock: 12,
    });
    // Mid-instant target.
    expect(keyframes(ev, { cursor: 1, clock: 0 }, { cursor: 3, clock: 5 }, 0)).toEqual([{ cursor: 3, clock: 5 }]);
  });

  it('the schedule fits the budget however many keyframes there are', () => {
    expect(schedule(3)).toEqual([280, 560, 840]);
    expect(schedule(10_000).at(-1)).toBe(1200);
    expect(schedule(0)).toEqual([]);
  });
});
