import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine';
import { eventMatches, locateSteps, valueMatches } from './match';
import type { Lesson, LessonStep } from './types';

/** A hand-made trace: two events at 0, three at 5000 (one instant), one at 9000. */
const EVENTS = [
  {
    t: 0,
    type: 'resource.state',
    resource: 'D',
    group: 'G',
    node: 'N1',
    from: 'Offline',
    to: 'OnlinePending',
    reason: '',
  },
  { t: 0, type: 'group.state', group: 'G', from: 'Offline', to: 'Pending', reason: '' },
  { t: 5000, type: 'action', action: { action: 'crashNode', node: 'N1', at: 5000 }, reason: '' },
  { t: 5000, type: 'rhs.recycle', node: 'N1', resources: ['D', 'E'], reason: '' },
  {
    t: 5000,
    type: 'resource.state',
    resource: 'D',
    group: 'G',
    node: 'N1',
    from: 'OnlinePending',
    to: 'Failed',
    reason: '',
  },
  { t: 9000, type: 'group.state', group: 'G', from: 'Pending', to: 'Failed', reason: '' },
] as TraceEvent[];

const lesson = (...steps: LessonStep[]): Lesson => ({ id: 'T', title: 'T', steps });
const beat = (on: LessonStep extends never ? never : unknown): LessonStep => ({ on, say: 'x' }) as LessonStep;
const question = (pauseAfter: unknown, revealOn: unknown): LessonStep =>
  ({ pauseAfter, revealOn, ask: 'q', choices: ['a', 'b'], answer: 0, why: 'w' }) as LessonStep;

const place = (...steps: LessonStep[]) => locateSteps(lesson(...steps), EVENTS, 10_000);

describe('the matcher (lesson-format §2)', () => {
  it('"start" is position −1 at t = 0', () => {
    expect(place(beat('start'))).toEqual({ ok: true, positions: [{ step: 0, kind: 'beat', at: -1, t: 0 }] });
  });

  it('an event matcher takes the first event whose fields equal every key of the matcher', () => {
    expect(place(beat({ type: 'resource.state', to: 'Failed' }))).toMatchObject({ positions: [{ at: 4, t: 5000 }] });
    expect(place(beat({ type: 'group.state' }))).toMatchObject({ positions: [{ at: 1, t: 0 }] });
  });

  it('a matcher may name t', () => {
    expect(place(beat({ type: 'group.state', t: 9000 }))).toMatchObject({ positions: [{ at: 5 }] });
  });

  it('an object value matches when each of its own keys matches, recursively', () => {
    expect(place(beat({ type: 'action', action: { action: 'crashNode' } }))).toMatchObject({ positions: [{ at: 2 }] });
    expect(valueMatches({ a: { b: 1, c: 2 } }, { a: { b: 1 } })).toBe(true);
    expect(valueMatches({ a: { b: 1 } }, { a: { b: 1, c: 2 } })).toBe(false);
    expect(valueMatches({ a: 'x' }, { a: { b: 1 } })).toBe(false);
  });

  it('arrays must be equal element for element (no subset, no other order)', () => {
    expect(eventMatches(EVENTS[3]!, { type: 'rhs.recycle', resources: ['D', 'E'] })).toBe(true);
    expect(eventMatches(EVENTS[3]!, { type: 'rhs.recycle', resources: ['D'] })).toBe(false);
    expect(eventMatches(EVENTS[3]!, { type: 'rhs.recycle', resources: ['E', 'D'] })).toBe(false);
    expect(eventMatches(EVENTS[3]!, { type: 'rhs.recycle', resources: ['D', 'E', 'F'] })).toBe(false);
  });

  it('values compare as JSON: a number is not its string, null only matches null', () => {
    expect(eventMatches(EVENTS[5]!, { type: 'group.state', t: '9000' })).toBe(false);
    expect(valueMatches({ a: null }, { a: null })).toBe(true);
    expect(valueMatches({}, { a: null })).toBe(false);
  });

  it('each step searches strictly after the previous step, so the same matcher fires on the next event', () => {
    const r = place(beat({ type: 'group.state' }), beat({ type: 'group.state' }));
    expect(r).toMatchObject({ positions: [{ at: 1 }, { at: 5, t: 9000 }] });
  });

  it('a step can stop between two events of the same instant', () => {
    const r = place(
      beat({ type: 'action' }),
      beat({ type: 'rhs.recycle' }),
      beat({ type: 'resource.state', to: 'Failed' }),
    );
    expect(r).toMatchObject({
      positions: [
        { at: 2, t: 5000 },
        { at: 3, t: 5000 },
        { at: 4, t: 5000 },
      ],
    });
  });

  it('a question pauses at its trigger and ends at its reveal; the next step searches after the reveal', () => {
    const r = place(
      question({ type: 'action' }, { type: 'resource.state', to: 'Failed' }),
      beat({ type: 'resource.state' }),
    );
    // The only resource.state after the reveal (index 4) is none: the next step cannot fire.
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: 'ui.lesson.steps[1].on', message: 'no event matches {"type":"resource.state"} after t=5.000 s' },
      ],
    });
    expect(place(question({ type: 'action' }, { type: 'resource.state' }), beat({ type: 'group.state' }))).toEqual({
      ok: true,
      positions: [
        { step: 0, kind: 'question', at: 2, t: 5000, reveal: 4, revealT: 5000 },
        { step: 1, kind: 'beat', at: 5, t: 9000 },
      ],
    });
  });

  it('a reveal must come strictly after the pause, even at the same instant', () => {
    const r = place(question({ type: 'rhs.recycle' }, { type: 'rhs.recycle' }));
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: 'ui.lesson.steps[0].revealOn', message: 'no event matches {"type":"rhs.recycle"} after t=5.000 s' },
      ],
    });
  });

  it('a question may pause at "start"', () => {
    expect(place(question('start', { type: 'group.state' }))).toMatchObject({
      positions: [{ at: -1, t: 0, reveal: 1, revealT: 0 }],
    });
  });

  it('{at: MS} stops just before the first event at or after MS, with the clock at MS', () => {
    expect(place(beat({ at: 5000 }))).toMatchObject({ positions: [{ at: 1, t: 5000 }] });
    expect(place(beat({ at: 4000 }))).toMatchObject({ positions: [{ at: 1, t: 4000 }] });
    expect(place(beat({ at: 5001 }))).toMatchObject({ positions: [{ at: 4, t: 5001 }] });
    expect(place(beat({ at: 10_000 }))).toMatchObject({ positions: [{ at: 5, t: 10_000 }] });
    expect(place(beat({ at: 0 }))).toMatchObject({ positions: [{ at: -1, t: 0 }] });
  });

  it('{at} may share the previous position when its clock is later', () => {
    expect(place(beat({ at: 1000 }), beat({ at: 2000 }))).toMatchObject({
      positions: [
        { at: 1, t: 1000 },
        { at: 1, t: 2000 },
      ],
    });
    expect(place(beat({ type: 'group.state' }), beat({ at: 3000 }))).toMatchObject({
      positions: [{ at: 1 }, { at: 1, t: 3000 }],
    });
  });

  it('{at} is refused after until, before the previous clock, before the previous position, or at the same stop', () => {
    expect(place(beat({ at: 10_001 }))).toMatchObject({
      issues: [{ path: 'ui.lesson.steps[0].on.at', message: "10001 is after the scenario's end (until 10000)" }],
    });
    expect(place(beat({ type: 'group.state', t: 9000 }), beat({ at: 8000 }))).toMatchObject({
      issues: [{ path: 'ui.lesson.steps[1].on.at', message: "8000 is earlier than the previous step's t=9.000 s" }],
    });
    expect(place(beat({ type: 'rhs.recycle' }), beat({ at: 5000 }))).toMatchObject({
      issues: [
        {
          path: 'ui.lesson.steps[1].on.at',
          message: '5000 falls before event 3, where the previous step ended (events of that instant come before it)',
        },
      ],
    });
    expect(place(beat({ at: 2000 }), beat({ at: 2000 }))).toMatchObject({
      issues: [{ path: 'ui.lesson.steps[1].on.at', message: '2000 is exactly where the previous step ended' }],
    });
  });

  it("a question's {at} trigger is checked against the previous reveal time", () => {
    expect(place(question({ type: 'action' }, { type: 'group.state' }), beat({ at: 6000 }))).toMatchObject({
      issues: [{ path: 'ui.lesson.steps[1].on.at', message: "6000 is earlier than the previous step's t=9.000 s" }],
    });
  });

  it('only the first step that cannot be placed is reported', () => {
    const r = place(beat({ type: 'node.state' }), beat({ type: 'call' }));
    expect(r).toEqual({
      ok: false,
      issues: [{ path: 'ui.lesson.steps[0].on', message: 'no event matches {"type":"node.state"} after t=0.000 s' }],
    });
  });
});
