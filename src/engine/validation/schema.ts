/**
 * The scenario file as zod schemas (contract §1, §2): shapes (strict: any unknown key is an issue),
 * types, integer ranges, allowed values and defaults. One schema for the engine, the command line
 * and the editor; the editor can also take a single level (`NodeSchema`, `settingsSchema('group')`,
 * `ScriptEntrySchema`, ...) to check what the user is typing.
 *
 * Each schema's `error` is the "must be ..." phrase of its message (`an integer from 0 to 4294967295`);
 * `./issues` turns zod's issues into the project's messages (place, names, did-you-mean). What zod
 * cannot say simply — names, references, cycles — is checked by `./references` over the same input.
 */
import { z } from 'zod';
import type { ClusterSpec, DependencyExpr, GroupSpec, NodeSpec, ResourceSpec } from '../model/scenario';
import { DWORD_MAX, MAX_SCENARIO_TIME_MS, SCENARIO_FORMAT } from '../model/scenario';
import {
  DEFAULT_NODE_STATE,
  DEFAULT_PERSISTENT_STATE,
  DEFAULT_RESOURCE_TYPE,
  DEFAULT_RUN_TAIL_MS,
  DEFAULT_SCENARIO_NAME,
  DEFAULT_SEED,
  DEFAULT_START_TIME,
  defaultBehavior,
  describeAllowed,
  effectiveIntegerValue,
  getPropertyRule,
  NODE_STATES,
  PERSISTENT_STATES,
  PROPERTY_NAMES,
  type PropertyRule,
  type PropertyScope,
} from '../model/resourceTypes';
import { parseDependencyExpr } from '../policies/dependencyExpr';
import { isName, isPlainObject, type PlainObject, qList } from './paths';
import {
  NETWORK_ARG_SCHEMAS,
  NETWORK_CLUSTER_KEYS,
  NETWORK_NODE_KEYS,
  NETWORK_RESOURCE_KEYS,
  NETWORK_SETTINGS,
  NetworksSchema,
} from './networkSchema';
import { ACTIONS } from '../actions/registry';
import { ACTION_NAMES, SCRIPT_ACTIONS, type ArgSpec } from './script';

const START_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `custom` issues this module raises, told apart by `params.rule`. */
export type CustomRule = 'dependsOnSyntax' | 'retryBelowRestart' | 'actionEntryRule';

const nonBlank = (what: string) => z.string({ error: what }).refine(isName);
const ms = () => z.int({ error: 'a non-negative integer number of ms' }).min(0);
/** A time in the scenario (`until`, a script `at`): at most ten years (contract §1). */
const time = () => ms().max(MAX_SCENARIO_TIME_MS, { error: `at most ${MAX_SCENARIO_TIME_MS} ms (ten years)` });
const NAME = nonBlank('a non-empty string');
const NODE_LIST = z.array(z.string({ error: 'a node name' }), { error: 'an array of node names' });

// ---------------------------------------------------------------------------------------------
// Settings: `properties`, `quorum`, `behavior` — one strict object per scope, built from PROPERTY_RULES.

/** The schema of one setting's value; valid values come out as their effective value. */
export function ruleSchema(rule: PropertyRule): z.ZodType<unknown> {
  const error = describeAllowed(rule);
  if (rule.kind === 'stringList') return z.array(z.string(), { error });
  if (rule.kind === 'choice') return z.enum(rule.choices as [string, ...string[]], { error });
  return z
    .int({ error })
    .refine((v) => rule.sentinels.some((s) => s.value === v) || (v >= rule.min && v <= rule.max))
    .transform((v) => effectiveIntegerValue(rule, v));
}

function settingsShape(scope: PropertyScope) {
  return z.strictObject(
    {
      ...Object.fromEntries(PROPERTY_NAMES[scope].map((n) => [n, ruleSchema(getPropertyRule(scope, n)!).optional()])),
      // networks.md §1.2, §1.5: optional, present in the output only when given.
      ...NETWORK_SETTINGS[scope],
    },
    {
      error: 'an object',
    },
  );
}

const DEFAULTS = new Map<PropertyScope, Readonly<Record<string, unknown>>>();

/** The defaults of a scope from PROPERTY_RULES, fresh (arrays copied). */
function ruleDefaults(scope: PropertyScope): Record<string, unknown> {
  let template = DEFAULTS.get(scope);
  if (!template) {
    template = Object.fromEntries(PROPERTY_NAMES[scope].map((n) => [n, getPropertyRule(scope, n)!.default]));
    DEFAULTS.set(scope, template);
  }
  const out = { ...template };
  for (const k in out) if (Array.isArray(out[k])) out[k] = [...(out[k] as unknown[])];
  return out;
}

/** `over` (the values the file set) laid over `defaults`, keeping the defaults' key order. */
function withDefaults<T>(defaults: Record<string, unknown>, over: Record<string, unknown>): T {
  for (const k in over) if (over[k] !== undefined) defaults[k] = over[k];
  return defaults as T;
}

/** RetryPeriodOnFailure must be at least RestartPeriod unless it is 4294967295 (never retry). */
const retryNotBelowRestart = (p: Record<string, unknown>, ctx: z.RefinementCtx) => {
  const retrySet = p.RetryPeriodOnFailure !== undefined;
  const restartSet = p.RestartPeriod !== undefined;
  const retry = (p.RetryPeriodOnFailure ?? getPropertyRule('resource', 'RetryPeriodOnFailure')!.default) as number;
  const restart = (p.RestartPeriod ?? getPropertyRule('resource', 'RestartPeriod')!.default) as number;
  if (retry === DWORD_MAX || retry >= restart) return;
  ctx.addIssue({
    code: 'custom',
    path: [retrySet || !restartSet ? 'RetryPeriodOnFailure' : 'RestartPeriod'],
    params: { rule: 'retryBelowRestart' satisfies CustomRule, retry, restart, retrySet, restartSet },
  });
};

/**
 * The settings object of `scope` (absent = `{}`), merged over the scope's defaults — except a
 * resource's `behavior`, whose defaults depend on its type (merged by `ResourceSchema`).
 */
export function settingsSchema(scope: PropertyScope) {
  const shape = settingsShape(scope);
  if (scope === 'resourceBehavior') return shape.optional();
  const checked =
    scope === 'resource'
      ? shape.superRefine(retryNotBelowRestart, {
          // Still checked when other properties are invalid, not when one of the two is.
          when: (payload) =>
            !payload.issues.some((i) => i.path?.[0] === 'RetryPeriodOnFailure' || i.path?.[0] === 'RestartPeriod'),
        })
      : shape;
  // Absent: the defaults, without parsing an empty object for every element.
  return checked.optional().transform((v) => withDefaults<Record<string, unknown>>(ruleDefaults(scope), v ?? {}));
}

// ---------------------------------------------------------------------------------------------
// Cluster, nodes, groups, resources.

export const ClusterObject = z.strictObject(
  {
    startTime: z
      .string({ error: 'a time of day "HH:MM" from "00:00" to "23:59"' })
      .regex(START_TIME)
      .default(DEFAULT_START_TIME),
    properties: settingsSchema('cluster'),
    quorum: settingsSchema('quorum'),
    ...NETWORK_CLUSTER_KEYS,
  },
  { error: 'an object' },
);

export const ClusterSchema = ClusterObject.transform((c): ClusterSpec => ({
  startTime: c.startTime,
  startTimeMs: (Number(c.startTime.slice(0, 2)) * 60 + Number(c.startTime.slice(3, 5))) * 60000,
  properties: c.properties as unknown as ClusterSpec['properties'],
  quorum: c.quorum as unknown as ClusterSpec['quorum'],
  ...(c.functionalLevel !== undefined ? { functionalLevel: c.functionalLevel } : {}),
  explicit: [],
})).prefault({});

export const NodeObject = z.strictObject(
  {
    name: NAME,
    state: z.enum(NODE_STATES as ['Up', 'Down'], { error: '"Up" or "Down"' }).default(DEFAULT_NODE_STATE),
    properties: settingsSchema('node'),
    behavior: settingsSchema('nodeBehavior'),
    ...NETWORK_NODE_KEYS,
  },
  { error: 'each node must be an object like { "name": "NODE1" }' },
);

/** A node; `id` is set from its position by `ScenarioSchema`. */
export const NodeSchema = NodeObject.transform((n): NodeSpec => ({
  name: n.name,
  id: 0,
  state: n.state,
  properties: n.properties as unknown as NodeSpec['properties'],
  behavior: n.behavior as unknown as NodeSpec['behavior'],
  ...(n.interfaces !== undefined ? { interfaces: n.interfaces } : {}),
  ...(n.site !== undefined ? { site: n.site } : {}),
  explicit: [],
}));

const DEPENDS_ON = 'an array of resource names or a dependency expression like "([IP1] or [IP2]) and [Disk]"';

/** `dependsOn`: an array of names (all required) or a WSFC dependency expression, as ANDs of ORs. */
export const DependsOnSchema = z.union(
  [
    z.array(z.string({ error: 'a resource name' }).min(1)).transform((names): DependencyExpr => names.map((n) => [n])),
    z.string().transform((text, ctx): DependencyExpr => {
      const parsed = parseDependencyExpr(text);
      if (parsed.ok) return parsed.expr;
      ctx.addIssue({
        code: 'custom',
        message: parsed.message,
        params: { rule: 'dependsOnSyntax' satisfies CustomRule },
      });
      return z.NEVER;
    }),
  ],
  { error: DEPENDS_ON },
);

export const ResourceObject = z.strictObject(
  {
    name: NAME,
    type: nonBlank('a non-empty string such as "Physical Disk"').default(DEFAULT_RESOURCE_TYPE),
    dependsOn: DependsOnSchema.default(() => []),
    possibleOwners: NODE_LIST.default(() => []),
    properties: settingsSchema('resource'),
    behavior: settingsSchema('resourceBehavior'),
    ...NETWORK_RESOURCE_KEYS,
  },
  { error: 'each resource must be an object like { "name": "SQL Disk", "type": "Physical Disk" }' },
);

/** A resource; `group` and the scenario-wide `index` are set by `ScenarioSchema`. */
export const ResourceSchema = ResourceObject.transform((r): ResourceSpec => ({
  name: r.name,
  type: r.type,
  group: '',
  index: 0,
  dependsOn: r.dependsOn,
  possibleOwners: r.possibleOwners,
  properties: r.properties as unknown as ResourceSpec['properties'],
  behavior: withDefaults({ ...defaultBehavior(r.type) }, r.behavior ?? {}),
  ...(r.parameters !== undefined ? { parameters: r.parameters } : {}),
  explicit: [],
}));

export const GroupObject = z.strictObject(
  {
    name: NAME,
    ownerNode: z.string({ error: 'a node name or null' }).nullable().default(null),
    preferredOwners: NODE_LIST.default(() => []),
    persistentState: z
      .enum(PERSISTENT_STATES as ['online', 'offline'], { error: '"online" or "offline"' })
      .default(DEFAULT_PERSISTENT_STATE),
    properties: settingsSchema('group'),
    resources: z.array(ResourceSchema, { error: 'an array of resources' }).default(() => []),
  },
  { error: 'each group must be an object like { "name": "SQL", "resources": [] }' },
);

/** A group; `index` is set from its position by `ScenarioSchema`. */
export const GroupSchema = GroupObject.transform((g): GroupSpec => ({
  name: g.name,
  index: 0,
  ownerNode: g.ownerNode,
  preferredOwners: g.preferredOwners,
  persistentState: g.persistentState,
  properties: g.properties as unknown as GroupSpec['properties'],
  resources: g.resources.map((r) => ((r.group = g.name), r)),
  explicit: [],
}));

// ---------------------------------------------------------------------------------------------
// Script entries (contract §2): one strict object per action, chosen by `action`.

function argSchema(arg: ArgSpec): z.ZodType<unknown> {
  const schema =
    arg.kind === 'network' || arg.kind === 'sides' || arg.kind === 'sideIndexes'
      ? NETWORK_ARG_SCHEMAS[arg.kind]()
      : arg.kind === 'boolean'
        ? z.boolean({ error: 'true or false' })
        : arg.kind === 'choice'
          ? z.enum(arg.choices as [string, ...string[]], { error: `one of ${qList(arg.choices, 'or')}` })
          : z.string({ error: `the name of a ${arg.kind}` });
  return arg.required ? schema : schema.optional();
}

const ENTRY_SHAPE = 'each script entry must be an object like { "at": 60000, "action": "crashNode", "node": "NODE1" }';

/** The time of a script entry. */
export const AtSchema = time();

function entrySchema(action: (typeof ACTION_NAMES)[number]) {
  const args = SCRIPT_ACTIONS[action];
  const object = z.strictObject(
    {
      at: AtSchema,
      action: z.literal(action),
      ...Object.fromEntries(Object.entries(args).map(([k, a]) => [k, argSchema(a)])),
    },
    { error: ENTRY_SHAPE },
  );
  const rule = ACTIONS[action].entryRule;
  if (!rule) return object;
  return object.superRefine(
    (e: Record<string, unknown>, ctx) => {
      const broken = rule.broken(e);
      if (broken !== null)
        ctx.addIssue({ code: 'custom', params: { rule: 'actionEntryRule' satisfies CustomRule, broken } });
    },
    { when: (payload) => !payload.issues.some((i) => rule.after.includes(String(i.path?.[0]))) },
  );
}

export const ScriptEntrySchema = z.discriminatedUnion(
  'action',
  ACTION_NAMES.map(entrySchema) as unknown as [ReturnType<typeof entrySchema>, ...ReturnType<typeof entrySchema>[]],
  { error: ENTRY_SHAPE },
);

// ---------------------------------------------------------------------------------------------
// The whole file.

export const ScenarioObject = z.strictObject(
  {
    format: z.literal(SCENARIO_FORMAT),
    name: z
      .string({ error: 'a string' })
      .transform((s) => (s.trim() === '' ? DEFAULT_SCENARIO_NAME : s))
      .default(DEFAULT_SCENARIO_NAME),
    description: z.string({ error: 'a string' }).default(''),
    seed: z
      .int({ error: `an integer from 0 to ${DWORD_MAX}` })
      .min(0)
      .max(DWORD_MAX)
      .default(DEFAULT_SEED),
    until: time().optional(),
    cluster: ClusterSchema,
    nodes: z
      .array(NodeSchema, { error: 'an array of nodes' })
      .transform((nodes) => nodes.map((n, i) => ((n.id = i + 1), n)))
      .default(() => []),
    groups: z
      .array(GroupSchema, { error: 'an array of groups' })
      .transform((groups) => {
        let index = 0;
        for (const [gi, g] of groups.entries()) {
          g.index = gi;
          for (const r of g.resources) r.index = index++;
        }
        return groups;
      })
      .default(() => []),
    script: z.array(ScriptEntrySchema, { error: 'an array of actions' }).default(() => []),
    networks: NetworksSchema,
    ui: z.custom<PlainObject>(isPlainObject, { error: 'an object' }).optional(),
  },
  { error: `a scenario must be a JSON object with "format": ${JSON.stringify(SCENARIO_FORMAT)}` },
);

/**
 * The scenario file: every level checked and defaulted; `until` defaults to the last script
 * action's `at` plus an hour. (`validateScenario` adds the name checks and the `explicit` lists.)
 */
export const ScenarioSchema = ScenarioObject.transform((s) => ({
  ...s,
  until: s.until ?? s.script.reduce((last, e) => Math.max(last, e.at), 0) + DEFAULT_RUN_TAIL_MS,
}));

export type ScenarioFile = z.output<typeof ScenarioSchema>;
