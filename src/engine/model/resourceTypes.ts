/**
 * Defaults and allowed values for everything a scenario file may set (contract §1, wsfc-semantics §12).
 * One source of truth: `validateScenario` checks values with `checkPropertyValue`, and the editor
 * reuses `PROPERTY_RULES` for inline validation, hints and units.
 */
import type {
  ClusterProperties,
  GroupProperties,
  NodeInitialState,
  PersistentState,
  ResourceBehavior,
  ResourceProperties,
  WitnessKind,
} from './scenario';
import { DWORD_MAX } from './scenario';

// ---------------------------------------------------------------------------------------------
// Resource types and the simulated DLL's timings (contract §1 `behavior`: "a per-type default that
// the project documents" — this table is that documentation).

export interface ResourceTypeInfo {
  type: string;
  behavior: Readonly<ResourceBehavior>;
}

/** The resource types the project knows by name. `type` is free text: any other string is allowed. */
export const RESOURCE_TYPES: readonly ResourceTypeInfo[] = Object.freeze([
  { type: 'Physical Disk', behavior: Object.freeze({ onlineMs: 2000, offlineMs: 1000 }) },
  { type: 'IP Address', behavior: Object.freeze({ onlineMs: 500, offlineMs: 200 }) },
  { type: 'Network Name', behavior: Object.freeze({ onlineMs: 1500, offlineMs: 500 }) },
  { type: 'File Server', behavior: Object.freeze({ onlineMs: 1000, offlineMs: 500 }) },
  { type: 'Generic Service', behavior: Object.freeze({ onlineMs: 2000, offlineMs: 1000 }) },
  { type: 'Generic Application', behavior: Object.freeze({ onlineMs: 2000, offlineMs: 1000 }) },
  { type: 'SQL Server', behavior: Object.freeze({ onlineMs: 8000, offlineMs: 3000 }) },
  { type: 'SQL Server Agent', behavior: Object.freeze({ onlineMs: 2000, offlineMs: 1000 }) },
  { type: 'Virtual Machine', behavior: Object.freeze({ onlineMs: 10000, offlineMs: 5000 }) },
]);

/** The type of a resource whose file gives none. */
export const DEFAULT_RESOURCE_TYPE = 'Generic Application';

/** Timings of a type not in RESOURCE_TYPES. */
export const FALLBACK_BEHAVIOR: Readonly<ResourceBehavior> = Object.freeze({ onlineMs: 1000, offlineMs: 1000 });

/** Default Online/Offline durations of a resource type (exact, case-sensitive type name). */
export function defaultBehavior(type: string): ResourceBehavior {
  const known = RESOURCE_TYPES.find((t) => t.type === type);
  return { ...(known ? known.behavior : FALLBACK_BEHAVIOR) };
}

// ---------------------------------------------------------------------------------------------
// Defaults (contract §1).

export const DEFAULT_RESOURCE_PROPERTIES: Readonly<ResourceProperties> = Object.freeze({
  RestartAction: 2,
  RestartThreshold: 1,
  RestartPeriod: 900000,
  RestartDelay: 500,
  RetryPeriodOnFailure: 3600000,
  PendingTimeout: 180000,
  DeadlockTimeout: 300000,
  LooksAlivePollInterval: 5000,
  IsAlivePollInterval: 60000,
  SeparateMonitor: 0,
});

export const DEFAULT_GROUP_PROPERTIES: Readonly<GroupProperties> = Object.freeze({
  FailoverThreshold: DWORD_MAX,
  FailoverPeriod: 6,
  AutoFailbackType: 0,
  FailbackWindowStart: -1,
  FailbackWindowEnd: -1,
  Priority: 2000,
  AntiAffinityClassNames: Object.freeze([]) as unknown as string[],
});

export const DEFAULT_CLUSTER_PROPERTIES: Readonly<ClusterProperties> = Object.freeze({
  SameSubnetDelay: 1000,
  SameSubnetThreshold: 10,
  CrossSubnetDelay: 1000,
  CrossSubnetThreshold: 20,
});

export const DEFAULT_WITNESS: WitnessKind = 'none';
export const WITNESS_KINDS: readonly WitnessKind[] = Object.freeze([
  'none',
  'disk',
  'fileShare',
  'cloud',
] as WitnessKind[]);
export const DEFAULT_DYNAMIC_QUORUM = 1;
export const DEFAULT_NODE_WEIGHT = 1;
export const DEFAULT_NODE_STATE: NodeInitialState = 'Up';
export const NODE_STATES: readonly NodeInitialState[] = Object.freeze(['Up', 'Down'] as NodeInitialState[]);
export const DEFAULT_JOIN_MS = 5000;
export const DEFAULT_PERSISTENT_STATE: PersistentState = 'online';
export const PERSISTENT_STATES: readonly PersistentState[] = Object.freeze(['online', 'offline'] as PersistentState[]);
export const DEFAULT_START_TIME = '00:00';
export const DEFAULT_SEED = 1;
export const DEFAULT_SCENARIO_NAME = 'Untitled scenario';
/** `until` defaults to the last script action's `at` plus this. */
export const DEFAULT_RUN_TAIL_MS = 3600000;

// ---------------------------------------------------------------------------------------------
// Allowed values, as data.

/**
 * Where a setting lives in the file: `cluster.properties`, `cluster.quorum`, a node's `properties`
 * or `behavior`, a group's `properties`, a resource's `properties` or `behavior`.
 */
export type PropertyScope = 'cluster' | 'quorum' | 'node' | 'nodeBehavior' | 'group' | 'resource' | 'resourceBehavior';

export type PropertyUnit = 'ms' | 'hours' | 'hour' | 'count' | 'flag' | 'enum' | 'priority';

export interface PropertySentinel {
  value: number;
  /** What the value means, e.g. "use the resource type's value". */
  meaning: string;
}

export interface IntegerPropertyRule {
  kind: 'integer';
  scope: PropertyScope;
  name: string;
  /** Inclusive range of ordinary values. */
  min: number;
  max: number;
  /** Values outside [min, max] that are allowed anyway, with their meaning. */
  sentinels: readonly PropertySentinel[];
  unit: PropertyUnit;
  /** Effective default. */
  default: number;
  /**
   * A sentinel that stands for the default: the validated scenario holds `default` in its place
   * (the poll intervals' 4294967295 = "use the resource type's value").
   */
  sentinelMeansDefault?: number;
  /** Labels of enumerated values, for the editor (e.g. RestartAction 0/1/2). */
  labels?: Readonly<Record<number, string>>;
}

export interface StringListPropertyRule {
  kind: 'stringList';
  scope: PropertyScope;
  name: string;
  default: readonly string[];
}

export interface ChoicePropertyRule {
  kind: 'choice';
  scope: PropertyScope;
  name: string;
  choices: readonly string[];
  default: string;
}

export type PropertyRule = IntegerPropertyRule | StringListPropertyRule | ChoicePropertyRule;

/** Largest ordinary DWORD when 4294967295 is not a sentinel for the property. */
const DWORD_ORDINARY_MAX = DWORD_MAX - 1;
/** Simulated durations that are not WSFC properties (behavior.*): any non-negative safe integer. */
const DURATION_MAX = Number.MAX_SAFE_INTEGER;

const USE_TYPE_VALUE = "use the resource type's value";

function int(
  scope: PropertyScope,
  name: string,
  def: number,
  min: number,
  max: number,
  unit: PropertyUnit,
  extra: Partial<Pick<IntegerPropertyRule, 'sentinels' | 'sentinelMeansDefault' | 'labels'>> = {},
): IntegerPropertyRule {
  return Object.freeze({
    kind: 'integer',
    scope,
    name,
    default: def,
    min,
    max,
    unit,
    sentinels: Object.freeze(extra.sentinels ?? []),
    ...extra,
  });
}

const RULE_LIST: readonly PropertyRule[] = [
  // cluster.properties (wsfc-semantics §12, 2016+ defaults)
  int('cluster', 'SameSubnetDelay', 1000, 250, 2000, 'ms'),
  int('cluster', 'SameSubnetThreshold', 10, 3, 120, 'count'),
  int('cluster', 'CrossSubnetDelay', 1000, 250, 4000, 'ms'),
  int('cluster', 'CrossSubnetThreshold', 20, 3, 120, 'count'),
  // cluster.quorum
  { kind: 'choice', scope: 'quorum', name: 'witness', choices: WITNESS_KINDS, default: DEFAULT_WITNESS },
  int('quorum', 'DynamicQuorum', 1, 0, 1, 'flag'),
  // node
  int('node', 'NodeWeight', 1, 0, 1, 'flag'),
  int('nodeBehavior', 'joinMs', DEFAULT_JOIN_MS, 0, DURATION_MAX, 'ms'),
  // group
  int('group', 'FailoverThreshold', DWORD_MAX, 0, DWORD_ORDINARY_MAX, 'count', {
    sentinels: [{ value: DWORD_MAX, meaning: 'the number of nodes minus 1' }],
  }),
  // FailoverPeriod: 0 on the SDK page, 1 per WMI; wsfc-semantics §10 C12 picks 1.
  int('group', 'FailoverPeriod', 6, 1, 1193, 'hours'),
  int('group', 'AutoFailbackType', 0, 0, 1, 'enum', { labels: { 0: 'prevent failback', 1: 'allow failback' } }),
  int('group', 'FailbackWindowStart', -1, 0, 23, 'hour', {
    sentinels: [{ value: -1, meaning: 'no window: any time' }],
  }),
  int('group', 'FailbackWindowEnd', -1, 0, 23, 'hour', { sentinels: [{ value: -1, meaning: 'no window: any time' }] }),
  // WMI accepts 0–4999 (wsfc-semantics §7.3); the named levels are 0, 1000, 2000, 3000.
  int('group', 'Priority', 2000, 0, 4999, 'priority', {
    labels: { 0: 'no auto start', 1000: 'low', 2000: 'medium', 3000: 'high' },
  }),
  { kind: 'stringList', scope: 'group', name: 'AntiAffinityClassNames', default: Object.freeze([]) },
  // resource
  int('resource', 'RestartAction', 2, 0, 2, 'enum', {
    labels: { 0: 'do not restart', 1: 'restart, no failover', 2: 'restart, then fail over' },
  }),
  int('resource', 'RestartThreshold', 1, 0, DWORD_ORDINARY_MAX, 'count'),
  int('resource', 'RestartPeriod', 900000, 0, DWORD_ORDINARY_MAX, 'ms'),
  int('resource', 'RestartDelay', 500, 0, DWORD_ORDINARY_MAX, 'ms'),
  int('resource', 'RetryPeriodOnFailure', 3600000, 0, DWORD_ORDINARY_MAX, 'ms', {
    sentinels: [{ value: DWORD_MAX, meaning: 'never retry' }],
  }),
  int('resource', 'PendingTimeout', 180000, 10, DWORD_ORDINARY_MAX, 'ms'),
  int('resource', 'DeadlockTimeout', 300000, 1000, DWORD_ORDINARY_MAX, 'ms'),
  int('resource', 'LooksAlivePollInterval', 5000, 10, DWORD_ORDINARY_MAX, 'ms', {
    sentinels: [{ value: DWORD_MAX, meaning: USE_TYPE_VALUE }],
    sentinelMeansDefault: DWORD_MAX,
  }),
  int('resource', 'IsAlivePollInterval', 60000, 10, DWORD_ORDINARY_MAX, 'ms', {
    sentinels: [{ value: DWORD_MAX, meaning: USE_TYPE_VALUE }],
    sentinelMeansDefault: DWORD_MAX,
  }),
  int('resource', 'SeparateMonitor', 0, 0, 1, 'flag'),
  int('resourceBehavior', 'onlineMs', 1000, 0, DURATION_MAX, 'ms'),
  int('resourceBehavior', 'offlineMs', 1000, 0, DURATION_MAX, 'ms'),
];

/**
 * Every accepted setting, keyed `${scope}.${name}` (e.g. "resource.RestartAction", "quorum.witness",
 * "resourceBehavior.onlineMs"). The behavior rules' `default` is the fallback; the per-type value is
 * `defaultBehavior(type)`.
 */
export const PROPERTY_RULES: Readonly<Record<string, PropertyRule>> = Object.freeze(
  Object.fromEntries(RULE_LIST.map((r) => [`${r.scope}.${r.name}`, r])),
);

/** Accepted names per scope, in the contract's order. */
export const PROPERTY_NAMES: Readonly<Record<PropertyScope, readonly string[]>> = Object.freeze({
  cluster: names('cluster'),
  quorum: names('quorum'),
  node: names('node'),
  nodeBehavior: names('nodeBehavior'),
  group: names('group'),
  resource: names('resource'),
  resourceBehavior: names('resourceBehavior'),
});

function names(scope: PropertyScope): readonly string[] {
  return Object.freeze(RULE_LIST.filter((r) => r.scope === scope).map((r) => r.name));
}

/** The rule for a setting, or undefined when the name is not accepted in that scope (exact case). */
export function getPropertyRule(scope: PropertyScope, name: string): PropertyRule | undefined {
  const key = `${scope}.${name}`;
  return Object.hasOwn(PROPERTY_RULES, key) ? PROPERTY_RULES[key] : undefined;
}

const SCOPE_WORD: Record<PropertyScope, string> = {
  cluster: 'cluster property',
  quorum: 'quorum setting',
  node: 'node property',
  nodeBehavior: 'node behavior setting',
  group: 'group property',
  resource: 'resource property',
  resourceBehavior: 'resource behavior setting',
};

/** "cluster property", "resource behavior setting", ... */
export function scopeWord(scope: PropertyScope): string {
  return SCOPE_WORD[scope];
}

const UNIT_WORD: Record<PropertyUnit, string> = {
  ms: ' ms',
  hours: ' hours',
  hour: ' (hour of the day)',
  count: '',
  flag: '',
  enum: '',
  priority: '',
};

/** "an integer from 0 to 1193 hours", "-1 (no window: any time) or an integer from 0 to 23 (hour of the day)". */
export function describeAllowed(rule: PropertyRule): string {
  if (rule.kind === 'stringList') return 'an array of strings';
  if (rule.kind === 'choice') {
    const quoted = rule.choices.map((c) => JSON.stringify(c));
    return quoted.length > 1
      ? `one of ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`
      : `${quoted.join('')}`;
  }
  const range =
    rule.max === DURATION_MAX
      ? 'a non-negative whole number of milliseconds'
      : rule.min === 0 && rule.max === 1
        ? 'an integer, 0 or 1'
        : `an integer from ${rule.min} to ${rule.max}${UNIT_WORD[rule.unit]}`;
  const sentinels = rule.sentinels.map((s) => `${s.value} (${s.meaning})`);
  return sentinels.length ? `${range}, or ${sentinels.join(' or ')}` : range;
}

/** How a JSON value appears in a message: `"6h"`, `1.5`, `true`, `null`, `an array`, `an object`. Never throws. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * Why `value` is not acceptable for setting `name` of `scope`, or null when it is. The reason reads
 * after the setting's name: `must be an integer from 0 to 1193 hours, got "6h"`. An unknown name
 * gives `is not a group property`.
 */
export function checkPropertyValue(scope: PropertyScope, name: string, value: unknown): string | null {
  const rule = getPropertyRule(scope, name);
  if (!rule) return `is not a ${scopeWord(scope)}`;
  const must = `must be ${describeAllowed(rule)}, got ${describeValue(value)}`;
  if (rule.kind === 'stringList') {
    if (!Array.isArray(value)) return must;
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] !== 'string')
        return `must be an array of strings, but item ${i} is ${describeValue(value[i])}`;
    }
    return null;
  }
  if (rule.kind === 'choice') {
    return typeof value === 'string' && rule.choices.includes(value) ? null : must;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return must;
  if (!Number.isInteger(value)) return `${must} (not a whole number)`;
  if (rule.sentinels.some((s) => s.value === value)) return null;
  if (value >= rule.min && value <= rule.max) return null;
  if (value < 0 && !rule.sentinels.some((s) => s.value < 0)) {
    const hint =
      value === -1 && rule.sentinelMeansDefault !== undefined
        ? `; use ${rule.sentinelMeansDefault} for the default`
        : '';
    return `${must} (negative values are not allowed${hint})`;
  }
  if (value === DWORD_MAX) return `${must} (4294967295 is not a special value for ${name})`;
  return `${must} (out of range)`;
}

/** The effective value of a valid integer setting: a "means the default" sentinel becomes the default. */
export function effectiveIntegerValue(rule: IntegerPropertyRule, value: number): number {
  return rule.sentinelMeansDefault !== undefined && value === rule.sentinelMeansDefault ? rule.default : value;
}
