/**
 * The shape of `ui.lesson` (lesson-format.md §1), checked with zod. Every problem is reported as
 * `path: message` with the path from the file's root (`ui.lesson.steps[3].sey: unknown key; did you
 * mean "say"?`). Where the steps fall on the trace is checked afterwards, by ./match.
 */
import { z } from 'zod';
import { didYouMean } from '../engine';
import type { EventMatcher, Lesson, LessonIssue, LessonStep } from './types';

export const LESSON_PATH = 'ui.lesson';

const BEAT_KEYS = ['on', 'say', 'hold', 'focus'] as const;
const QUESTION_KEYS = ['pauseAfter', 'ask', 'choices', 'answer', 'revealOn', 'why', 'focus'] as const;
const LESSON_KEYS = ['id', 'title', 'objective', 'steps'] as const;

/** Fields of each trace event type (scenario-format.md §3, networks.md §3), plus `t`, `type` and `reason`. */
export const EVENT_FIELDS: Record<string, readonly string[]> = {
  'resource.state': ['resource', 'group', 'node', 'from', 'to'],
  'group.state': ['group', 'from', 'to'],
  'group.owner': ['group', 'from', 'to', 'cause'],
  'node.state': ['node', 'from', 'to'],
  call: ['resource', 'node', 'call', 'result'],
  'rhs.recycle': ['node', 'resources'],
  policy: ['rule', 'subject', 'detail'],
  'quorum.vote': ['voter', 'from', 'to'],
  action: ['action'],
  'action.rejected': ['action'],
  // networks.md §3 (network mode only)
  regroup: ['survivors', 'removed', 'lost', 'witness'],
  'interface.state': ['node', 'network', 'from', 'to'],
  'network.state': ['network', 'from', 'to'],
};
const COMMON_FIELDS = ['t', 'type', 'reason'];

const kindOf = (input: unknown) =>
  input === null ? 'null' : Array.isArray(input) ? 'a list' : typeof input === 'string' ? 'text' : typeof input;

const text = (what: string) =>
  z
    .string({
      error: (i) => (i.input === undefined ? `required: ${what}` : `${what} must be text, not ${kindOf(i.input)}`),
    })
    .refine((s) => s.trim().length > 0, { error: `${what} must not be empty` });

const focus = z.array(z.string({ error: 'a name (text)' }), {
  error: (i) => `a list of node, group or resource names, not ${kindOf(i.input)}`,
});

/** A trigger or matcher field is checked by hand (./triggers); here it only has to be present. */
const present = (what: string) => z.custom<unknown>((v) => v !== undefined, { error: `required: ${what}` });

const beatSchema = z.strictObject({
  on: present('the trigger ("start", {"at": MS} or an event matcher)'),
  say: text('the narration'),
  hold: z.boolean({ error: (i) => `true or false, not ${kindOf(i.input)}` }).optional(),
  focus: focus.optional(),
});

const questionSchema = z.strictObject({
  pauseAfter: present('the trigger the question pauses after'),
  ask: text('the question'),
  choices: z
    .array(text('a choice'), {
      error: (i) => `required: 2 to 6 choices (text)${i.input === undefined ? '' : `, not ${kindOf(i.input)}`}`,
    })
    .min(2, { error: (i) => `2 to 6 choices, not ${(i.input as unknown[]).length}` })
    .max(6, { error: (i) => `2 to 6 choices, not ${(i.input as unknown[]).length}` }),
  answer: z.int({
    error: (i) =>
      i.input === undefined
        ? 'required: the index of the right choice'
        : `an index into choices (0, 1, ...), not ${JSON.stringify(i.input)}`,
  }),
  revealOn: present('the event matcher that reveals the answer'),
  why: text('the explanation'),
  focus: focus.optional(),
});

const lessonSchema = z.strictObject({
  id: z
    .string({
      error: (i) => (i.input === undefined ? 'required: the lesson id' : `the id must be text, not ${kindOf(i.input)}`),
    })
    .regex(/^[A-Za-z0-9_-]{1,32}$/, {
      error: (i) => `${JSON.stringify(i.input)}: 1 to 32 characters of A-Z a-z 0-9 _ -`,
    }),
  title: text('the title'),
  objective: text('the objective').optional(),
  steps: z
    .array(z.unknown(), {
      error: (i) => `required: a list of steps${i.input === undefined ? '' : `, not ${kindOf(i.input)}`}`,
    })
    .min(1, { error: 'at least one step' }),
});

export function pathString(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

function translate(base: string, error: z.ZodError, keys: readonly string[], other: string | null): LessonIssue[] {
  const out: LessonIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = pathString(base, [...issue.path, key]);
        const otherKeys = other === 'beat' ? BEAT_KEYS : other === 'question' ? QUESTION_KEYS : [];
        const belongs = (otherKeys as readonly string[]).includes(key) && !keys.includes(key);
        out.push({
          path,
          message: belongs
            ? `unknown key: ${JSON.stringify(key)} belongs to a ${other}, and this step is a ${other === 'beat' ? 'question' : 'beat'}`
            : `unknown key${didYouMean(key, [...keys, ...otherKeys])}`,
        });
      }
    } else {
      out.push({ path: pathString(base, issue.path), message: issue.message });
    }
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An event matcher's shape: an object with a known `type` and only that type's fields. */
export function checkMatcher(value: unknown, path: string): LessonIssue[] {
  if (!isObject(value)) return [{ path, message: `an event matcher is an object with a "type", not ${kindOf(value)}` }];
  const type = value.type;
  if (typeof type !== 'string')
    return [{ path: `${path}.type`, message: `required: the event type (${Object.keys(EVENT_FIELDS).join(', ')})` }];
  const fields = EVENT_FIELDS[type];
  if (!fields)
    return [
      {
        path: `${path}.type`,
        message: `unknown event type ${JSON.stringify(type)}${didYouMean(type, Object.keys(EVENT_FIELDS))}`,
      },
    ];
  const known = [...COMMON_FIELDS, ...fields];
  const out: LessonIssue[] = [];
  for (const key of Object.keys(value)) {
    if (!known.includes(key))
      out.push({
        path: `${path}.${key}`,
        message: `"${type}" events have no field ${JSON.stringify(key)}${didYouMean(key, known)}`,
      });
  }
  if ('t' in value && !(Number.isSafeInteger(value.t) && (value.t as number) >= 0))
    out.push({ path: `${path}.t`, message: `a time in ms (a whole number ≥ 0), not ${JSON.stringify(value.t)}` });
  return out;
}

/** A trigger's shape: "start", {"at": MS} or an event matcher. Where it fires is ./match's business. */
export function checkTrigger(value: unknown, path: string, first: boolean): LessonIssue[] {
  if (value === 'start') return first ? [] : [{ path, message: '"start" is allowed only in the first step' }];
  if (isObject(value) && !('type' in value) && 'at' in value) {
    const extra = Object.keys(value).filter((k) => k !== 'at');
    if (extra.length)
      return extra.map((k) => ({
        path: `${path}.${k}`,
        message: `unknown key: a time trigger is {"at": MS} only${didYouMean(k, ['at'])}`,
      }));
    const at = value.at;
    if (!Number.isSafeInteger(at) || (at as number) < 0)
      return [{ path: `${path}.at`, message: `a time in ms (a whole number ≥ 0), not ${JSON.stringify(at)}` }];
    return [];
  }
  if (isObject(value)) return checkMatcher(value, path);
  return [
    {
      path,
      message: `a trigger is "start", {"at": MS} or an event matcher {"type": ...}, not ${JSON.stringify(value)}`,
    },
  ];
}

export type LessonShape = { ok: true; lesson: Lesson } | { ok: false; issues: LessonIssue[] };

/**
 * Check the raw `ui.lesson` value (and the names in `focus` against the scenario's names).
 * `names`: every node, group and resource name of the scenario.
 */
export function parseLesson(raw: unknown, names: ReadonlySet<string>): LessonShape {
  if (raw === undefined)
    return { ok: false, issues: [{ path: LESSON_PATH, message: 'missing: this scenario has no lesson' }] };
  if (!isObject(raw))
    return { ok: false, issues: [{ path: LESSON_PATH, message: `a lesson is an object, not ${kindOf(raw)}` }] };
  const top = lessonSchema.safeParse(raw);
  const issues: LessonIssue[] = top.success ? [] : translate(LESSON_PATH, top.error, LESSON_KEYS, null);
  const steps: LessonStep[] = [];
  const rawSteps = Array.isArray(raw.steps) ? raw.steps : [];
  rawSteps.forEach((s, i) => {
    const base = `${LESSON_PATH}.steps[${i}]`;
    if (!isObject(s)) {
      issues.push({ path: base, message: `a step is an object (a beat or a question), not ${kindOf(s)}` });
      return;
    }
    const question = 'pauseAfter' in s || (!('on' in s) && ('ask' in s || 'revealOn' in s || 'choices' in s));
    if (!question && !('on' in s) && !('say' in s)) {
      issues.push({
        path: base,
        message:
          'a step is a beat ("on", "say") or a question ("pauseAfter", "ask", "choices", "answer", "revealOn", "why")',
      });
      return;
    }
    const parsed = (question ? questionSchema : beatSchema).safeParse(s);
    if (!parsed.success) {
      issues.push(
        ...translate(base, parsed.error, question ? QUESTION_KEYS : BEAT_KEYS, question ? 'beat' : 'question'),
      );
    }
    issues.push(...checkTrigger(question ? s.pauseAfter : s.on, `${base}.${question ? 'pauseAfter' : 'on'}`, i === 0));
    if (question) {
      if (s.revealOn !== undefined) issues.push(...checkMatcher(s.revealOn, `${base}.revealOn`));
      const n = Array.isArray(s.choices) ? s.choices.length : 0;
      if (Number.isSafeInteger(s.answer) && n >= 2 && ((s.answer as number) < 0 || (s.answer as number) >= n))
        issues.push({
          path: `${base}.answer`,
          message: `${s.answer as number} is out of range: choices has ${n} entries (0 to ${n - 1})`,
        });
    }
    if (Array.isArray(s.focus)) {
      s.focus.forEach((name, k) => {
        if (typeof name === 'string' && !names.has(name))
          issues.push({
            path: `${base}.focus[${k}]`,
            message: `no node, group or resource is named ${JSON.stringify(name)}${didYouMean(name, names)}`,
          });
      });
    }
    if (parsed.success) steps.push(s as unknown as LessonStep);
  });
  if (issues.length) return { ok: false, issues };
  const lesson = top.data!;
  return { ok: true, lesson: { ...lesson, steps } };
}

export type { EventMatcher };
