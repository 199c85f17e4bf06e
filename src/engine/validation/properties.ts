/** Reading `properties`, `quorum` and `behavior` objects against PROPERTY_RULES (contract §1). */
import {
  checkPropertyValue,
  describeValue,
  effectiveIntegerValue,
  getPropertyRule,
  PROPERTY_NAMES,
  type PropertyScope,
} from '../model/resourceTypes';
import { didYouMean } from './didYouMean';
import { child, type Issues, isPlainObject, q } from './paths';

/** What a setting is called in messages: `group "SQL" property "FailoverPeriod" ...`. */
const NOUN: Record<PropertyScope, string> = {
  cluster: 'property',
  quorum: 'quorum setting',
  node: 'property',
  nodeBehavior: 'behavior',
  group: 'property',
  resource: 'property',
  resourceBehavior: 'behavior',
};

/** How `explicit` lists a setting of the scope: "FailoverPeriod", "behavior.onlineMs", "quorum.witness". */
const EXPLICIT_PREFIX: Record<PropertyScope, string> = {
  cluster: '',
  quorum: 'quorum.',
  node: '',
  nodeBehavior: 'behavior.',
  group: '',
  resource: '',
  resourceBehavior: 'behavior.',
};

/** The container key that holds a scope's settings, for "belongs inside" hints. */
export const CONTAINER: Record<PropertyScope, string> = {
  cluster: 'properties',
  quorum: 'quorum',
  node: 'properties',
  nodeBehavior: 'behavior',
  group: 'properties',
  resource: 'properties',
  resourceBehavior: 'behavior',
};

export interface SettingsResult<T> {
  values: T;
  explicit: string[];
  /** Names of settings present but rejected (left at their default in `values`). */
  invalid: string[];
}

/**
 * Validate the settings object `raw` found at `path` (absent = all defaults) and merge it over
 * `defaults`. `owner` names the element for messages (`group "SQL"`, `the cluster`). Valid values
 * are stored as their effective value; invalid ones are reported and left at the default.
 */
export function readSettings<T extends object>(
  issues: Issues,
  scope: PropertyScope,
  raw: unknown,
  path: string,
  owner: string,
  defaults: Readonly<T>,
): SettingsResult<T> {
  const values = { ...defaults } as Record<string, unknown>;
  for (const [k, v] of Object.entries(values)) if (Array.isArray(v)) values[k] = [...v];
  const explicit: string[] = [];
  const invalid: string[] = [];
  if (raw === undefined) return { values: values as T, explicit, invalid };
  if (!isPlainObject(raw)) {
    issues.add(path, `${owner}: "${CONTAINER[scope]}" must be an object, got ${describeValue(raw)}`);
    return { values: values as T, explicit, invalid };
  }
  for (const name of Object.keys(raw)) {
    const p = child(path, name);
    const rule = getPropertyRule(scope, name);
    if (!rule) {
      issues.add(p, `${owner} has unknown ${NOUN[scope]} ${q(name)}${didYouMean(name, PROPERTY_NAMES[scope])}`);
      continue;
    }
    const value = raw[name];
    const problem = checkPropertyValue(scope, name, value);
    if (problem !== null) {
      const hint = rule.kind === 'choice' ? didYouMean(value, rule.choices) : '';
      issues.add(p, `${owner} ${NOUN[scope]} ${q(name)} ${problem}${hint}`);
      invalid.push(name);
      continue;
    }
    explicit.push(EXPLICIT_PREFIX[scope] + name);
    if (rule.kind === 'integer') values[name] = effectiveIntegerValue(rule, value as number);
    else if (rule.kind === 'stringList') values[name] = [...(value as string[])];
    else values[name] = value;
  }
  return { values: values as T, explicit, invalid };
}

/**
 * The hint for an unknown key that is really a setting written at the wrong level:
 * `; "RestartAction" belongs inside "properties"`, or "".
 */
export function misplacedSettingHint(key: string, scopes: readonly PropertyScope[]): string {
  for (const scope of scopes) {
    if (getPropertyRule(scope, key)) return `; ${q(key)} belongs inside ${q(CONTAINER[scope])}`;
  }
  return '';
}
