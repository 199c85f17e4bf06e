/**
 * The fields networks.md §1 adds to the scenario file, as zod schemas with their types and ranges:
 * `networks`, `cluster.functionalLevel`, the new cluster properties, node `interfaces`/`site`,
 * group `PreferredSite`, IP Address `parameters`, and the arguments of the new script actions (§2).
 * `./schema` merges them into the main schema. Cross-field rules (a field that needs a level or
 * networks, unknown network and site names, routes) are checked over the same input by
 * `./networkChecks`; the level's default timings are applied by `applyLevelDefaults`.
 */
import { z } from 'zod';
import type { ClusterSpec, FunctionalLevel, NetworkRole, NetworkSpec } from '../model/scenario';
import type { PropertyScope } from '../model/resourceTypes';
import { isName, isPlainObject, type PlainObject } from './paths';

export const FUNCTIONAL_LEVELS: readonly FunctionalLevel[] = Object.freeze(['2012R2', '2016', '2019']);
export const NETWORK_ROLES: readonly NetworkRole[] = Object.freeze(['none', 'cluster', 'clusterAndClient']);
export const DEFAULT_NETWORK_ROLE: NetworkRole = 'clusterAndClient';

/** networks.md §1.1: the heartbeat defaults of each level (legacy = SF §1's, no cross-site values). */
export const LEVEL_DEFAULTS: Readonly<
  Record<
    FunctionalLevel | 'legacy',
    Readonly<{
      SameSubnetDelay: number;
      SameSubnetThreshold: number;
      CrossSubnetDelay: number;
      CrossSubnetThreshold: number;
      CrossSiteDelay?: number;
      CrossSiteThreshold?: number;
    }>
  >
> = Object.freeze({
  legacy: { SameSubnetDelay: 1000, SameSubnetThreshold: 10, CrossSubnetDelay: 1000, CrossSubnetThreshold: 20 },
  '2012R2': { SameSubnetDelay: 1000, SameSubnetThreshold: 5, CrossSubnetDelay: 1000, CrossSubnetThreshold: 5 },
  '2016': {
    SameSubnetDelay: 1000,
    SameSubnetThreshold: 10,
    CrossSubnetDelay: 1000,
    CrossSubnetThreshold: 20,
    CrossSiteDelay: 1000,
    CrossSiteThreshold: 20,
  },
  '2019': {
    SameSubnetDelay: 1000,
    SameSubnetThreshold: 20,
    CrossSubnetDelay: 1000,
    CrossSubnetThreshold: 20,
    CrossSiteDelay: 1000,
    CrossSiteThreshold: 20,
  },
});

const nonBlank = (what: string) => z.string({ error: what }).refine(isName, { error: what });
const intIn = (min: number, max: number, unit = '') => {
  const error = `an integer from ${min} to ${max}${unit}`;
  return z.int({ error }).min(min, { error }).max(max, { error });
};

/** `cluster.functionalLevel` (§1.1). */
export const FunctionalLevelSchema = z.enum(FUNCTIONAL_LEVELS as [FunctionalLevel, ...FunctionalLevel[]], {
  error: 'one of "2012R2", "2016" or "2019"',
});

/**
 * Settings added to SF's scopes (§1.2, §1.5): optional, no default here (a key is present in the
 * validated scenario only when the file gives it; the level's CrossSite defaults come from
 * `applyLevelDefaults`).
 */
export const NETWORK_SETTINGS: Readonly<Partial<Record<PropertyScope, Readonly<Record<string, z.ZodType>>>>> = {
  cluster: {
    CrossSiteDelay: intIn(250, 4000, ' ms').optional(),
    CrossSiteThreshold: intIn(3, 120).optional(),
    PreferredSite: nonBlank('a site name').optional(),
    // The upper bound (the number of nodes) is a cross-field check (./networkChecks).
    LowerQuorumPriorityNodeId: z
      .int({ error: '0 (none) or a node ID' })
      .min(0, { error: '0 (none) or a node ID' })
      .optional(),
  },
  group: {
    PreferredSite: z.array(nonBlank('a site name'), { error: 'an array of site names' }).optional(),
  },
};

/** Network-mode names added to SF's settings, for "did you mean" and the editor. */
export const NETWORK_SETTING_NAMES: Readonly<Partial<Record<PropertyScope, readonly string[]>>> = {
  cluster: Object.keys(NETWORK_SETTINGS.cluster!),
  group: Object.keys(NETWORK_SETTINGS.group!),
};

/** One entry of `networks` (§1.3). */
export const NetworkObject = z.strictObject(
  {
    name: nonBlank('a non-empty string'),
    role: z
      .enum(NETWORK_ROLES as [NetworkRole, ...NetworkRole[]], {
        error: 'one of "none", "cluster" or "clusterAndClient"',
      })
      .default(DEFAULT_NETWORK_ROLE),
    routed: z.boolean({ error: 'true or false' }).default(false),
    subnet: z.string({ error: 'a string' }).optional(),
  },
  { error: 'each network must be an object like { "name": "Public" }' },
);

export const NetworkSchema = NetworkObject.transform((n): NetworkSpec => ({
  name: n.name,
  index: 0,
  role: n.role,
  routed: n.routed,
  ...(n.subnet !== undefined ? { subnet: n.subnet } : {}),
}));

/** `networks` (§1.3): at least one entry (the emptiness message is ./networkChecks'). */
export const NetworksSchema = z
  .array(NetworkSchema, { error: 'an array of networks' })
  .transform((list) => list.map((n, i) => ((n.index = i), n)))
  .optional();

/** Keys added to the cluster object, a node, a resource (§1.1, §1.4, §1.5). */
export const NETWORK_CLUSTER_KEYS = { functionalLevel: FunctionalLevelSchema.optional() };
export const NETWORK_NODE_KEYS = {
  interfaces: z.array(z.string({ error: 'a network name' }), { error: 'an array of network names' }).optional(),
  site: nonBlank('a non-empty string').optional(),
};
export const IpParametersSchema = z.strictObject(
  {
    Network: z.string({ error: 'a network name' }).optional(),
    Address: z.string({ error: 'a string' }).optional(),
  },
  { error: 'an object like { "Network": "Public" }' },
);
export const NETWORK_RESOURCE_KEYS = { parameters: IpParametersSchema.optional() };

/** Argument kinds of the new script actions (§2) beyond SF's node/group/resource names. */
export const NETWORK_ARG_SCHEMAS = {
  network: () => z.string({ error: 'the name of a network' }),
  sides: () =>
    z.array(z.array(z.string({ error: 'a node name' }), { error: 'an array of node names' }), {
      error: 'an array of arrays of node names',
    }),
  sideIndexes: () =>
    z.array(z.int({ error: 'a side number' }).min(0, { error: 'a side number' }), {
      error: 'an array of side numbers',
    }),
} as const;

/**
 * networks.md §1.1: with a functional level, the cluster's heartbeat settings the file does not
 * give take that level's defaults (CrossSite only at 2016/2019). Legacy keeps SF §1's defaults, so
 * a plain scenario's cluster is untouched.
 */
export function applyLevelDefaults(cluster: ClusterSpec, raw: PlainObject): void {
  const level = cluster.functionalLevel;
  if (level === undefined) return;
  const given = isPlainObject(raw.properties) ? raw.properties : {};
  const props = cluster.properties as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(LEVEL_DEFAULTS[level])) if (!Object.hasOwn(given, k)) props[k] = v;
}
