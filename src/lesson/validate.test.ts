import { describe, expect, it } from 'vitest';
import { validateLesson } from './validate';

/** One node pair, one role; SQL fails at 60 s, restarts, and fails over at 120 s. */
const scenario = (lesson: unknown, extra: object = {}) => ({
  format: 'failover-scenario@1',
  name: 'Tiny',
  until: 200_000,
  nodes: [{ name: 'N1' }, { name: 'N2' }],
  groups: [
    {
      name: 'SQL',
      ownerNode: 'N1',
      resources: [
        { name: 'SQL Disk', type: 'Physical Disk' },
        { name: 'SQL Server', type: 'SQL Server', dependsOn: ['SQL Disk'] },
      ],
    },
  ],
  script: [
    { at: 60_000, action: 'failResource', resource: 'SQL Server' },
    { at: 120_000, action: 'failResource', resource: 'SQL Server' },
  ],
  ui: { lesson },
  ...extra,
});

const good = () => ({
  id: 'T1',
  title: 'Tiny',
  steps: [
    { on: 'start', say: 'Start.' },
    { on: { type: 'group.state', group: 'SQL', to: 'Online' }, say: 'Online.', focus: ['SQL'] },
    {
      pauseAfter: { type: 'action', t: 120_000 },
      ask: 'What now?',
      choices: ['a', 'b'],
      answer: 1,
      revealOn: { type: 'group.owner', group: 'SQL' },
      why: 'Because.',
    },
  ],
});

/** The issues for a lesson built from `good()` with `edit` applied. */
function issues(edit: (l: ReturnType<typeof good> & Record<string, unknown>) => void, extra?: object) {
  const l = good() as ReturnType<typeof good> & Record<string, unknown>;
  edit(l);
  const r = validateLesson(scenario(l, extra));
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
}
const step = (l: { steps: unknown[] }, i: number) => l.steps[i] as Record<string, unknown>;

describe('a valid lesson', () => {
  it('is accepted with its positions, its trace and its scenario', () => {
    const r = validateLesson(scenario(good()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.positions.map((p) => p.kind)).toEqual(['beat', 'beat', 'question']);
    expect(r.value.events[r.value.positions[2]!.at]).toMatchObject({ type: 'action', t: 120_000 });
    expect(r.value.events[(r.value.positions[2] as { reveal: number }).reveal]).toMatchObject({ type: 'group.owner' });
  });
});

describe('invalid lessons name the place and the reason', () => {
  it("a scenario error is the engine's own message", () => {
    const r = validateLesson({ ...scenario(good()), nodes: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.path).toBe('nodes');
  });

  it('a scenario without a lesson', () => {
    const s = scenario(good()) as Record<string, unknown>;
    delete s.ui;
    const r = validateLesson(s);
    expect(r).toEqual({ ok: false, issues: [{ path: 'ui.lesson', message: 'missing: this scenario has no lesson' }] });
  });

  it('a lesson that is not an object', () => {
    expect(validateLesson(scenario([1]))).toEqual({
      ok: false,
      issues: [{ path: 'ui.lesson', message: 'a lesson is an object, not a list' }],
    });
  });

  it('unknown keys, with a suggestion', () => {
    expect(issues((l) => ((step(l, 1).sey = 'x'), delete step(l, 1).say))).toEqual([
      'ui.lesson.steps[1].say: required: the narration',
      'ui.lesson.steps[1].sey: unknown key; did you mean "say"?',
    ]);
    expect(issues((l) => (l.titel = 'x'))).toEqual(['ui.lesson.titel: unknown key; did you mean "title"?']);
  });

  it('a question key in a beat', () => {
    expect(issues((l) => (step(l, 1).why = 'x'))).toEqual([
      'ui.lesson.steps[1].why: unknown key: "why" belongs to a question, and this step is a beat',
    ]);
  });

  it('id: required, 1 to 32 characters of A-Z a-z 0-9 _ -', () => {
    expect(issues((l) => delete (l as Partial<typeof l>).id)).toEqual(['ui.lesson.id: required: the lesson id']);
    expect(issues((l) => (l.id = 'a b'))).toEqual(['ui.lesson.id: "a b": 1 to 32 characters of A-Z a-z 0-9 _ -']);
    expect(issues((l) => (l.id = 'x'.repeat(33)))).toHaveLength(1);
  });

  it('title and texts: required, text, not empty', () => {
    expect(issues((l) => delete (l as Partial<typeof l>).title)).toEqual(['ui.lesson.title: required: the title']);
    expect(issues((l) => (step(l, 0).say = 3))).toEqual([
      'ui.lesson.steps[0].say: the narration must be text, not number',
    ]);
    expect(issues((l) => (step(l, 2).why = '  '))).toEqual([
      'ui.lesson.steps[2].why: the explanation must not be empty',
    ]);
  });

  it('steps: required, at least one, each an object', () => {
    expect(issues((l) => delete (l as Partial<typeof l>).steps)).toEqual([
      'ui.lesson.steps: required: a list of steps',
    ]);
    expect(issues((l) => (l.steps = []))).toEqual(['ui.lesson.steps: at least one step']);
    expect(issues((l) => (l.steps[1] = 'x' as never))).toEqual([
      'ui.lesson.steps[1]: a step is an object (a beat or a question), not text',
    ]);
    expect(issues((l) => (l.steps[1] = { hold: true } as never))).toEqual([
      'ui.lesson.steps[1]: a step is a beat ("on", "say") or a question ("pauseAfter", "ask", "choices", "answer", "revealOn", "why")',
    ]);
  });

  it('a question needs every key', () => {
    expect(issues((l) => delete step(l, 2).revealOn)).toEqual([
      'ui.lesson.steps[2].revealOn: required: the event matcher that reveals the answer',
    ]);
    expect(issues((l) => delete step(l, 2).answer)).toEqual([
      'ui.lesson.steps[2].answer: required: the index of the right choice',
    ]);
  });

  it('choices: 2 to 6', () => {
    expect(issues((l) => (step(l, 2).choices = ['a']))).toEqual(['ui.lesson.steps[2].choices: 2 to 6 choices, not 1']);
    expect(issues((l) => (step(l, 2).choices = ['a', 'b', 'c', 'd', 'e', 'f', 'g']))).toEqual([
      'ui.lesson.steps[2].choices: 2 to 6 choices, not 7',
    ]);
  });

  it('answer: an index into choices', () => {
    expect(issues((l) => (step(l, 2).answer = 2))).toEqual([
      'ui.lesson.steps[2].answer: 2 is out of range: choices has 2 entries (0 to 1)',
    ]);
    expect(issues((l) => (step(l, 2).answer = 0.5))).toEqual([
      'ui.lesson.steps[2].answer: an index into choices (0, 1, ...), not 0.5',
    ]);
  });

  it('hold: a boolean', () => {
    expect(issues((l) => (step(l, 1).hold = 'no'))).toEqual(['ui.lesson.steps[1].hold: true or false, not text']);
  });

  it('focus: names that exist in the scenario', () => {
    expect(issues((l) => (step(l, 1).focus = ['SQL Dsk']))).toEqual([
      'ui.lesson.steps[1].focus[0]: no node, group or resource is named "SQL Dsk"; did you mean "SQL Disk"?',
    ]);
    expect(issues((l) => (step(l, 1).focus = 'SQL'))).toEqual([
      'ui.lesson.steps[1].focus: a list of node, group or resource names, not text',
    ]);
  });

  it('"start" only in the first step', () => {
    expect(issues((l) => (step(l, 1).on = 'start'))).toEqual([
      'ui.lesson.steps[1].on: "start" is allowed only in the first step',
    ]);
  });

  it('a trigger that is neither "start", {at} nor a matcher', () => {
    expect(issues((l) => (step(l, 1).on = 'begin'))).toEqual([
      'ui.lesson.steps[1].on: a trigger is "start", {"at": MS} or an event matcher {"type": ...}, not "begin"',
    ]);
    expect(issues((l) => (step(l, 1).on = { at: -5 }))).toEqual([
      'ui.lesson.steps[1].on.at: a time in ms (a whole number ≥ 0), not -5',
    ]);
    expect(issues((l) => (step(l, 1).on = { at: 5, after: 1 }))).toEqual([
      'ui.lesson.steps[1].on.after: unknown key: a time trigger is {"at": MS} only',
    ]);
  });

  it("matchers: a known type and that type's fields", () => {
    expect(issues((l) => (step(l, 1).on = { type: 'group.sate', group: 'SQL' }))).toEqual([
      'ui.lesson.steps[1].on.type: unknown event type "group.sate"; did you mean "group.state"?',
    ]);
    expect(issues((l) => (step(l, 1).on = { type: 'group.state', grup: 'SQL' }))).toEqual([
      'ui.lesson.steps[1].on.grup: "group.state" events have no field "grup"; did you mean "group"?',
    ]);
    expect(issues((l) => (step(l, 2).revealOn = { group: 'SQL' }))).toEqual([
      'ui.lesson.steps[2].revealOn.type: required: the event type (resource.state, group.state, group.owner, node.state, call, rhs.recycle, policy, quorum.vote, action, action.rejected, regroup, interface.state, network.state)',
    ]);
    // networks.md §3's events are matchers too, with their own fields.
    expect(issues((l) => (step(l, 1).on = { type: 'regroup', survivor: ['N1'] }))).toEqual([
      'ui.lesson.steps[1].on.survivor: "regroup" events have no field "survivor"; did you mean "survivors"?',
    ]);
    expect(issues((l) => (step(l, 1).on = { type: 'interface.state', nework: 'HB' }))).toEqual([
      'ui.lesson.steps[1].on.nework: "interface.state" events have no field "nework"; did you mean "network"?',
    ]);
    expect(issues((l) => (step(l, 2).revealOn = 'x'))).toEqual([
      'ui.lesson.steps[2].revealOn: an event matcher is an object with a "type", not text',
    ]);
  });

  it('a trigger that never matches within until', () => {
    expect(issues((l) => (step(l, 2).revealOn = { type: 'policy', rule: 'QuorumLost' }))).toEqual([
      'ui.lesson.steps[2].revealOn: no event matches {"type":"policy","rule":"QuorumLost"} after t=120.000 s',
    ]);
    // Within until: the failover at 120 s is cut off by a shorter run.
    expect(
      issues(() => undefined, {
        until: 100_000,
        script: [{ at: 60_000, action: 'failResource', resource: 'SQL Server' }],
      }),
    ).toEqual(['ui.lesson.steps[2].pauseAfter: no event matches {"type":"action","t":120000} after t=10.000 s']);
  });

  it('an {at} after until', () => {
    expect(issues((l) => (step(l, 1).on = { at: 300_000 }))).toEqual([
      "ui.lesson.steps[1].on.at: 300000 is after the scenario's end (until 200000)",
    ]);
  });

  it('several shape problems are reported together, in step order', () => {
    expect(
      issues((l) => {
        step(l, 0).say = '';
        step(l, 2).choices = ['only'];
      }),
    ).toEqual([
      'ui.lesson.steps[0].say: the narration must not be empty',
      'ui.lesson.steps[2].choices: 2 to 6 choices, not 1',
    ]);
  });
});
