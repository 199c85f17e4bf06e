/** Script entries (contract §2): `{ at, action, ...arguments }`. */
import type { ActionName, ScriptEntry } from '../model/scenario';
import { describeValue } from '../model/resourceTypes';
import { didYouMean } from './didYouMean';
import type { ElementKind, NameRegistry } from './names';
import { child, type Issues, isPlainObject, item, q, qList } from './paths';
import { referenceProblem } from './references';

export type ArgSpec =
  | { kind: ElementKind; required: boolean }
  | { kind: 'boolean'; required: boolean }
  | { kind: 'choice'; choices: readonly string[]; required: boolean };

const node = { kind: 'node', required: true } as const;
const group = { kind: 'group', required: true } as const;
const resource = { kind: 'resource', required: true } as const;
const HEALTH = ['ok', 'fail', 'hang'] as const;
const CALL = ['ok', 'fail', 'stall', 'hang'] as const;

/** Every action and its arguments (besides `at` and `action`), as data for the editor too. */
export const SCRIPT_ACTIONS: Readonly<Record<ActionName, Readonly<Record<string, ArgSpec>>>> = Object.freeze({
  crashNode: { node },
  startNode: { node },
  pauseNode: { node, drain: { kind: 'boolean', required: false } },
  resumeNode: { node, failback: { kind: 'choice', choices: ['NoFailback', 'Immediate', 'Policy'], required: false } },
  moveGroup: { group, node: { kind: 'node', required: false } },
  onlineGroup: { group },
  offlineGroup: { group },
  onlineResource: { resource },
  offlineResource: { resource },
  failResource: { resource },
  setHealth: {
    resource,
    looksAlive: { kind: 'choice', choices: HEALTH, required: false },
    isAlive: { kind: 'choice', choices: HEALTH, required: false },
  },
  setOnline: { resource, result: { kind: 'choice', choices: CALL, required: true } },
  setOffline: { resource, result: { kind: 'choice', choices: CALL, required: true } },
  signalFailure: { resource },
  heal: { resource },
  failWitness: {},
  restoreWitness: {},
});

export const ACTION_NAMES = Object.keys(SCRIPT_ACTIONS) as ActionName[];

function isActionName(value: unknown): value is ActionName {
  return typeof value === 'string' && Object.hasOwn(SCRIPT_ACTIONS, value);
}

function describeArgs(spec: Readonly<Record<string, ArgSpec>>): string {
  const names = Object.keys(spec);
  return names.length ? `takes ${qList(names)}` : 'takes no arguments';
}

/**
 * Validate `script` (absent = []) and return the entries sorted stably by `at` (file order within
 * an instant, which is the order the engine applies them in).
 */
export function readScript(issues: Issues, raw: unknown, reg: NameRegistry): ScriptEntry[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issues.add('script', `"script" must be an array of actions, got ${describeValue(raw)}`);
    return [];
  }
  const out: ScriptEntry[] = [];
  raw.forEach((entry, i) => {
    const e = readEntry(issues, entry, item('script', i), reg);
    if (e) out.push(e);
  });
  return out
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map((x) => x.e);
}

function readEntry(issues: Issues, raw: unknown, path: string, reg: NameRegistry): ScriptEntry | null {
  if (!isPlainObject(raw)) {
    issues.add(path, `each script entry must be an object like { "at": 60000, "action": "crashNode", "node": "NODE1" }, got ${describeValue(raw)}`);
    return null;
  }
  const before = issues.count;
  const action = raw.action;
  const at = raw.at;
  const atOk = typeof at === 'number' && Number.isSafeInteger(at) && at >= 0;
  const subject = isActionName(action) ? `script action ${q(action)}${atOk ? ` at ${at}` : ''}` : `script entry at ${path}`;

  if (!Object.hasOwn(raw, 'at')) issues.add(child(path, 'at'), `${subject} has no "at" (the time in ms to apply it)`);
  else if (!atOk) issues.add(child(path, 'at'), `${subject}: "at" must be a non-negative integer number of ms, got ${describeValue(at)}`);

  if (!Object.hasOwn(raw, 'action')) {
    issues.add(child(path, 'action'), `${subject} has no "action"; it must be one of ${qList(ACTION_NAMES, 'or')}`);
    return null;
  }
  if (!isActionName(action)) {
    const hint = didYouMean(action, ACTION_NAMES);
    issues.add(
      child(path, 'action'),
      typeof action === 'string'
        ? `${subject} has unknown action ${q(action)}${hint}`
        : `${subject}: "action" must be an action name, got ${describeValue(action)}`,
    );
    return null;
  }

  const spec = SCRIPT_ACTIONS[action];
  const entry: Record<string, unknown> = { at, action };
  for (const key of Object.keys(raw)) {
    if (key === 'at' || key === 'action') continue;
    const p = child(path, key);
    const arg = Object.hasOwn(spec, key) ? spec[key] : undefined;
    if (!arg) {
      issues.add(p, `${subject} has unknown argument ${q(key)} (${action} ${describeArgs(spec)})${didYouMean(key, Object.keys(spec))}`);
      continue;
    }
    const value = raw[key];
    if (arg.kind === 'boolean') {
      if (typeof value !== 'boolean') issues.add(p, `${subject}: ${q(key)} must be true or false, got ${describeValue(value)}`);
      else entry[key] = value;
    } else if (arg.kind === 'choice') {
      if (typeof value !== 'string' || !arg.choices.includes(value)) {
        issues.add(p, `${subject}: ${q(key)} must be one of ${qList(arg.choices, 'or')}, got ${describeValue(value)}${didYouMean(value, arg.choices)}`);
      } else entry[key] = value;
    } else if (typeof value !== 'string') {
      issues.add(p, `${subject}: ${q(key)} must be the name of a ${arg.kind}, got ${describeValue(value)}`);
    } else {
      const problem = referenceProblem(reg, arg.kind, value, `${subject} names`);
      if (problem) issues.add(p, problem);
      else entry[key] = value;
    }
  }
  for (const [key, arg] of Object.entries(spec)) {
    if (arg.required && !Object.hasOwn(raw, key)) {
      const what = arg.kind === 'choice' ? `a ${q(key)} (${qList(arg.choices, 'or')})` : `a ${q(key)} naming the ${arg.kind}`;
      issues.add(child(path, key), `${subject} needs ${what}`);
    }
  }
  if (action === 'setHealth' && !Object.hasOwn(raw, 'looksAlive') && !Object.hasOwn(raw, 'isAlive')) {
    issues.add(path, `${subject} needs "looksAlive" or "isAlive" (or both), each ${qList(HEALTH, 'or')}`);
  }
  return issues.count === before ? (entry as ScriptEntry) : null;
}
