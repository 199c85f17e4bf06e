/**
 * From zod's issues to the project's messages (contract §1: the place, the reason, the names of the
 * element at fault and of what it refers to, and "did you mean"), and the document order they are
 * reported in.
 */
import type { z } from 'zod';
import type { ValidationIssue } from '../model/scenario';
import { SCENARIO_FORMAT } from '../model/scenario';
import { checkPropertyValue, describeValue, PROPERTY_NAMES, type PropertyScope } from '../model/resourceTypes';
import { didYouMean } from './didYouMean';
import { child, isPlainObject, item, label, q, qList, ROOT_PATH } from './paths';
import { misplacedSettingHint, NOUN } from './properties';
import type { CustomRule } from './schema';
import { AtSchema, ClusterObject, GroupObject, NodeObject, ResourceObject, ScenarioObject } from './schema';
import { describeArgs, isActionName, SCRIPT_ACTIONS } from './script';
import { NETWORK_SETTING_NAMES } from './networkSchema';

export type PathKey = string | number;

/** An issue at a place in the input, before it is put in document order. */
export interface LocatedIssue {
  path: PathKey[];
  message: string;
  /** About a key the input lacks: reported after the element's other issues, not before. */
  trailing?: boolean;
}

type ZodIssue = z.core.$ZodIssue;
type Context = 'scenario' | 'cluster' | 'node' | 'group' | 'resource' | 'entry';

/** The element an issue is about, its name for messages, and which settings scopes sit inside it. */
interface Element {
  context: Context;
  path: PathKey[];
  raw: unknown;
  owner: string;
  settings: Readonly<Record<string, PropertyScope>>;
  keys: readonly string[];
}

const TOP_CONTAINERS = new Set(['cluster', 'nodes', 'groups', 'script']);

/** Keys of a zod object schema, for "did you mean". */
const shapeKeys = (o: { shape: object }) => Object.keys(o.shape);
const KEYS: Record<Exclude<Context, 'entry'>, readonly string[]> = {
  scenario: shapeKeys(ScenarioObject),
  cluster: shapeKeys(ClusterObject),
  node: shapeKeys(NodeObject),
  group: shapeKeys(GroupObject),
  resource: shapeKeys(ResourceObject),
};

export function toPathString(path: readonly PathKey[]): string {
  let s = '';
  for (const k of path) s = typeof k === 'number' ? item(s, k) : child(s, k);
  return s === '' ? ROOT_PATH : s;
}

/** The value at `path` inside `root` (undefined where the way is not there). */
export function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathKey, unknown>)[k];
  }
  return v;
}

function hasKey(obj: unknown, key: PathKey): boolean {
  return isPlainObject(obj) && Object.hasOwn(obj, key);
}

/** `script action "crashNode" at 60000`, or `script entry at script[0]` when the action is unusable. */
export function entrySubject(raw: unknown, path: string): string {
  const entry = isPlainObject(raw) ? raw : {};
  if (!isActionName(entry.action)) return `script entry at ${path}`;
  return `script action ${q(entry.action)}${AtSchema.safeParse(entry.at).success ? ` at ${entry.at as number}` : ''}`;
}

function elementOf(root: unknown, path: readonly PathKey[]): Element {
  const [top, i, sub, j] = path;
  const at = (n: number) => path.slice(0, n);
  const make = (context: Context, p: PathKey[], kind: string, settings: Element['settings']): Element => {
    const raw = valueAt(root, p);
    const name = isPlainObject(raw) ? raw.name : undefined;
    const owner = context === 'entry' ? entrySubject(raw, toPathString(p)) : label(kind, name, toPathString(p));
    return { context, path: p, raw, owner, settings, keys: context === 'entry' ? [] : KEYS[context] };
  };
  if (path.length >= 2 && typeof i === 'number') {
    if (top === 'nodes') return make('node', at(2), 'node', { properties: 'node', behavior: 'nodeBehavior' });
    if (top === 'script') return make('entry', at(2), 'entry', {});
    if (top === 'groups') {
      if (sub === 'resources' && typeof j === 'number') {
        return make('resource', at(4), 'resource', { properties: 'resource', behavior: 'resourceBehavior' });
      }
      return make('group', at(2), 'group', { properties: 'group' });
    }
  }
  if (top === 'cluster' && path.length >= 2) {
    return {
      context: 'cluster',
      path: ['cluster'],
      raw: valueAt(root, ['cluster']),
      owner: 'the cluster',
      settings: { properties: 'cluster', quorum: 'quorum' },
      keys: KEYS.cluster,
    };
  }
  return { context: 'scenario', path: [], raw: root, owner: 'the scenario', settings: {}, keys: KEYS.scenario };
}

/** Translate one zod issue (with every issue it nests) into located messages. */
export function translateIssue(root: unknown, issue: ZodIssue, out: LocatedIssue[]): void {
  const path = issue.path as PathKey[];
  // An unknown key belongs to the object it is found in.
  const el = elementOf(root, issue.code === 'unrecognized_keys' ? [...path, ...issue.keys.slice(0, 1)] : path);
  const field = path.slice(el.path.length);
  const at = (p: PathKey[], message: string): void => {
    out.push({ path: p, message });
  };
  const value = valueAt(root, path);
  const got = `got ${describeValue(value)}`;

  if (issue.code === 'invalid_union') {
    if ('note' in issue && issue.note === 'No matching discriminator') return actionProblem(root, el, out);
    // A union of alternatives of different JSON types: report inside the one whose type matches.
    const matching = issue.errors.filter(
      (branch) => !branch.some((b) => b.path.length === 0 && b.code === 'invalid_type'),
    );
    if (matching.length === 1) {
      for (const nested of matching[0]!)
        translateIssue(root, { ...nested, path: [...path, ...(nested.path as PathKey[])] }, out);
      return;
    }
  }

  // A setting inside `properties` / `quorum` / `behavior`.
  const scope =
    field.length >= 1 && typeof field[0] === 'string' && Object.hasOwn(el.settings, field[0])
      ? el.settings[field[0]]
      : undefined;
  if (scope && field.length >= 2) {
    const name = String(field[1]);
    const p = path.slice(0, el.path.length + 2);
    const params =
      issue.code === 'custom' ? (issue.params as { rule?: CustomRule } & Record<string, unknown>) : undefined;
    if (params?.rule === 'retryBelowRestart') {
      const { retry, restart, retrySet, restartSet } = params as unknown as {
        retry: number;
        restart: number;
        retrySet: boolean;
        restartSet: boolean;
      };
      return at(
        p,
        `${el.owner} property "RetryPeriodOnFailure" is ${retry}${retrySet ? '' : ' (the default)'}, below RestartPeriod ${restart}${restartSet ? '' : ' (the default)'}; ` +
          'it must be at least RestartPeriod, or 4294967295 (never retry)',
      );
    }
    const v = valueAt(root, p);
    // networks.md §1.2/§1.5 settings are not in PROPERTY_RULES: zod's phrase says what they must be.
    if (NETWORK_SETTING_NAMES[scope]?.includes(name))
      return at(p, `${el.owner} ${NOUN[scope]} ${q(name)} must be ${issue.message}, got ${describeValue(v)}`);
    const problem = checkPropertyValue(scope, name, v);
    if (problem === null) return; // (cannot happen: zod and checkPropertyValue read the same rules)
    const hint = issue.code === 'invalid_value' ? didYouMean(v, issue.values.map(String)) : '';
    return at(p, `${el.owner} ${NOUN[scope]} ${q(name)} ${problem}${hint}`);
  }

  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const p = [...path, key];
      if (scope)
        at(
          p,
          `${el.owner} has unknown ${NOUN[scope]} ${q(key)}${didYouMean(key, [...PROPERTY_NAMES[scope], ...(NETWORK_SETTING_NAMES[scope] ?? [])])}`,
        );
      else if (el.context === 'entry') {
        const action = (el.raw as { action: keyof typeof SCRIPT_ACTIONS }).action;
        const args = SCRIPT_ACTIONS[action];
        at(
          p,
          `${el.owner} has unknown argument ${q(key)} (${action} ${describeArgs(args)})${didYouMean(key, Object.keys(args))}`,
        );
      } else {
        const scopes = Object.values(el.settings);
        at(p, `${el.owner} has unknown key ${q(key)}${misplacedSettingHint(key, scopes) || didYouMean(key, el.keys)}`);
      }
    }
    return;
  }

  if (issue.code === 'custom') {
    const params = issue.params as { rule?: CustomRule; broken?: string } | undefined;
    if (params?.rule === 'dependsOnSyntax')
      return at(path, `${el.owner} has an invalid dependsOn expression ${q(String(value))}: ${issue.message}`);
    // A rule of the action's own (actions/<name>.ts `entryRule`): it words the tail.
    if (params?.rule === 'actionEntryRule') return at(path, `${el.owner} ${params.broken}`);
  }

  // The element itself (or the whole document) is not an object.
  if (field.length === 0) return at(path, `${issue.message}, ${got}`);

  const key = String(field[0]);
  const parent = valueAt(root, path.slice(0, -1));
  if (field.length === 1 && !hasKey(parent, key)) return missing(el, key, path, out);

  if (el.context === 'scenario' && key === 'format') {
    return at(path, `unsupported "format" ${describeValue(value)}; it must be ${q(SCENARIO_FORMAT)}`);
  }
  const hint = issue.code === 'invalid_value' ? didYouMean(value, issue.values.map(String)) : '';
  if (field.length === 2 && typeof field[1] === 'number') {
    return at(path, `${el.owner}: ${q(key)} item ${field[1]} must be ${issue.message}, ${got}`);
  }
  const prefix = el.context === 'scenario' && TOP_CONTAINERS.has(key) ? '' : `${el.owner}: `;
  at(path, `${prefix}${q(key)} must be ${issue.message}, ${got}${hint}`);
}

/** A required key the element lacks. */
function missing(el: Element, key: string, path: PathKey[], out: LocatedIssue[]): void {
  const elPath = toPathString(el.path);
  if (el.context === 'scenario') {
    out.push({ path, message: `the scenario has no "format"; it must be ${q(SCENARIO_FORMAT)}` });
  } else if (key === 'name') {
    out.push({ path, message: `${el.context} at ${elPath} has no "name"; every ${el.context} needs a non-empty name` });
  } else if (key === 'at') {
    out.push({ path, message: `${el.owner} has no "at" (the time in ms to apply it)` });
  } else {
    const action = (el.raw as { action: keyof typeof SCRIPT_ACTIONS }).action;
    const arg = SCRIPT_ACTIONS[action][key];
    // The schema and the action table list the same keys; a key only the schema knows still gets a message.
    const what =
      arg === undefined
        ? `a ${q(key)}`
        : arg.kind === 'choice'
          ? `a ${q(key)} (${qList(arg.choices, 'or')})`
          : `a ${q(key)} naming the ${arg.kind}`;
    out.push({ path, message: `${el.owner} needs ${what}`, trailing: true });
  }
}

/** A script entry whose `action` is missing, unknown or not a string; its `at` is still checked. */
function actionProblem(root: unknown, el: Element, out: LocatedIssue[]): void {
  const raw = el.raw as Record<string, unknown>;
  const atPath = [...el.path, 'at'];
  if (!Object.hasOwn(raw, 'at'))
    out.push({ path: atPath, message: `${el.owner} has no "at" (the time in ms to apply it)` });
  else {
    for (const issue of AtSchema.safeParse(raw.at).error?.issues ?? [])
      translateIssue(root, { ...issue, path: atPath }, out);
  }
  const p = [...el.path, 'action'];
  const action = raw.action;
  if (!Object.hasOwn(raw, 'action')) {
    out.push({
      path: p,
      message: `${el.owner} has no "action"; it must be one of ${qList(Object.keys(SCRIPT_ACTIONS), 'or')}`,
    });
  } else if (typeof action === 'string') {
    out.push({
      path: p,
      message: `${el.owner} has unknown action ${q(action)}${didYouMean(action, Object.keys(SCRIPT_ACTIONS))}`,
    });
  } else {
    out.push({ path: p, message: `${el.owner}: "action" must be an action name, got ${describeValue(action)}` });
  }
}

/**
 * Put issues in document order: by the position of each step of their path in the input (the
 * file's key order, array order); an issue about a whole object after those inside it; a missing
 * key before the element's other issues (after them when `trailing`); ties keep their order.
 * Repeated (path, message) pairs are dropped.
 */
export function inDocumentOrder(root: unknown, issues: readonly LocatedIssue[]): ValidationIssue[] {
  const keyIndex = new Map<object, Map<string, number>>();
  const rank = (container: unknown, key: PathKey, trailing: boolean): number => {
    if (Array.isArray(container) && typeof key === 'number') return key;
    if (container === null || typeof container !== 'object') return trailing ? Infinity : -1;
    let index = keyIndex.get(container);
    if (!index) {
      index = new Map(Object.keys(container).map((k, i) => [k, i]));
      keyIndex.set(container, index);
    }
    return index.get(String(key)) ?? (trailing ? Number.MAX_VALUE : -1);
  };
  const keyed = issues.map((issue, order) => {
    const ranks: number[] = [];
    let v: unknown = root;
    issue.path.forEach((k, i) => {
      ranks.push(rank(v, k, issue.trailing === true && i === issue.path.length - 1));
      v = v !== null && typeof v === 'object' ? (v as Record<PathKey, unknown>)[k] : undefined;
    });
    ranks.push(Infinity); // the object itself after what is inside it
    return { issue, order, ranks };
  });
  keyed.sort((a, b) => {
    const n = Math.min(a.ranks.length, b.ranks.length);
    for (let i = 0; i < n; i++) if (a.ranks[i] !== b.ranks[i]) return a.ranks[i]! < b.ranks[i]! ? -1 : 1;
    return a.order - b.order;
  });
  const seen = new Set<string>();
  const out: ValidationIssue[] = [];
  for (const { issue } of keyed) {
    const path = toPathString(issue.path);
    const id = `${path}\n${issue.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ path, message: issue.message });
  }
  return out;
}
