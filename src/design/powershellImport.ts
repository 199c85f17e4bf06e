/**
 * A real cluster's JSON dump (DUMP_COMMAND, powershell.md §2.1) → raw scenario JSON for
 * validateScenario, following the mapping of §2.8 and the value quirks of §2.3–§2.6. Accepts the
 * shapes ConvertTo-Json really writes (numbers for enums, single items not in arrays, objects cut
 * to names by -Depth, numbers as strings, the 4294967295 sentinel, BOM). Never throws: bad input
 * gives errors that name the place (`Groups[2].FailoverThreshold`).
 */
import { DWORD_MAX, SCENARIO_FORMAT } from '../engine/model/scenario';
import { DUMP_FORMAT } from './dumpCommand';
import {
  DEFAULT_CLUSTER_PROPERTIES,
  DEFAULT_DYNAMIC_QUORUM,
  DEFAULT_GROUP_PROPERTIES,
  DEFAULT_RESOURCE_PROPERTIES,
  formatDependencyExpr,
} from './engineDeps';
import {
  asArray,
  asName,
  isObject,
  jsonSyntaxError,
  lineColumn,
  prop,
  readEnum,
  readInt,
  unwrap,
  type Json,
  type JsonObject,
} from './psJson';
import { parseWsfcDependencyText } from './wsfcDependencyText';

export { DUMP_COMMAND, DUMP_SCRIPT } from './dumpCommand';
export { decodeDumpBytes } from './psJson';

export interface ImportIssue {
  path: string;
  message: string;
}

export type ImportResult = { ok: true; scenario: unknown; warnings: string[] } | { ok: false; errors: ImportIssue[] };

const NODE_STATES: Record<string, number> = { Unknown: -1, Up: 0, Down: 1, Paused: 2, Joining: 3 };
const RESTART_ACTIONS: Record<string, number> = {
  DontRestart: 0,
  RestartNoNotify: 1,
  RestartNotify: 2,
  ClusterResourceDontRestart: 0,
  ClusterResourceRestartNoNotify: 1,
  ClusterResourceRestartNotify: 2,
};
/** GroupType values of the cluster's own groups (§3.3): Cluster, AvailableStorage, Temporary, ClusterSharedVolume. */
const CORE_GROUP_TYPES: Record<string, number> = {
  Cluster: 1,
  AvailableStorage: 2,
  Temporary: 3,
  ClusterSharedVolume: 4,
};
const CORE_GROUP_NAMES = ['Cluster Group', 'Available Storage'];

const RESOURCE_NUMBER_PROPERTIES = [
  'RestartThreshold',
  'RestartPeriod',
  'RestartDelay',
  'RetryPeriodOnFailure',
  'PendingTimeout',
  'DeadlockTimeout',
] as const;

class Reader {
  readonly errors: ImportIssue[] = [];
  readonly warnings: string[] = [];

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  warn(path: string, message: string): void {
    this.warnings.push(`${path}: ${message}`);
  }

  /** An integer property, or undefined (absent, or invalid → error recorded). */
  int(obj: JsonObject, key: string, path: string, names?: Record<string, number>): number | undefined {
    const r = names ? readEnum(prop(obj, key), names) : readInt(prop(obj, key));
    if (r.ok === 'absent') return undefined;
    if (r.ok === false) {
      this.error(`${path}.${key}`, r.reason);
      return undefined;
    }
    return r.value;
  }

  /** A list of names: an array (or single item) of strings/objects; a string cut off by -Depth is split on spaces. */
  names(obj: JsonObject, key: string, path: string, splitCutOff = true): string[] {
    const raw = unwrap(prop(obj, key));
    if (typeof raw === 'string' && /^System\.[\w.`]+$/.test(raw.trim())) {
      this.warn(`${path}.${key}`, `cut off by ConvertTo-Json -Depth ("${raw}"), ignored; dump again with -Depth 6`);
      return [];
    }
    if (typeof raw === 'string' && /\s/.test(raw.trim()) && splitCutOff) {
      this.warn(`${path}.${key}`, `cut off by ConvertTo-Json -Depth; read "${raw}" as space-separated node names`);
      return raw.trim().split(/\s+/);
    }
    const out: string[] = [];
    asArray(raw).forEach((item, i) => {
      const name = asName(item);
      if (name === null) this.error(`${path}.${key}[${i}]`, 'expected a name (a string or an object with a Name)');
      else out.push(name);
    });
    return out;
  }
}

interface NodeOut {
  name: string;
  id: number;
  up: boolean;
  json: Record<string, unknown>;
}

function parseJson(text: string): { ok: true; value: Json } | { ok: false; issue: ImportIssue } {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return { ok: false, issue: { path: '$', message: 'the input is empty' } };
  try {
    return { ok: true, value: JSON.parse(clean) as Json };
  } catch (e) {
    const found = jsonSyntaxError(clean);
    const message = found ? `${lineColumn(clean, found.offset)}: ${found.reason}` : (e as Error).message;
    return { ok: false, issue: { path: '$', message: `not valid JSON: ${message}` } };
  }
}

function describeShape(v: Json): string {
  const first = Array.isArray(v) ? v.find(isObject) : v;
  if (isObject(first)) {
    if ('ResourceType' in first || 'OwnerGroup' in first) return 'a list of resources (raw Get-ClusterResource output)';
    if ('GroupType' in first || 'FailoverThreshold' in first) return 'a list of groups (raw Get-ClusterGroup output)';
    if ('NodeWeight' in first || 'NodeName' in first) return 'a list of nodes (raw Get-ClusterNode output)';
    if ('QuorumResource' in first || 'QuorumType' in first) return 'quorum settings (raw Get-ClusterQuorum output)';
  }
  return Array.isArray(v)
    ? 'an array'
    : typeof v === 'object' && v !== null
      ? 'an object without Nodes and Groups'
      : `a ${typeof v}`;
}

export function importClusterJson(text: string): ImportResult {
  if (typeof text !== 'string')
    return { ok: false, errors: [{ path: '$', message: 'expected the text of a JSON file' }] };
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.issue] };
  const root = unwrap(parsed.value);
  if (!isObject(root) || prop(root, 'Nodes') === undefined || prop(root, 'Groups') === undefined) {
    return {
      ok: false,
      errors: [
        {
          path: '$',
          message: `this is ${describeShape(parsed.value)}, not a Failover Lab cluster dump: run the dump command shown in the app (it collects nodes, groups, resources, dependencies and owners in one file)`,
        },
      ],
    };
  }
  const rd = new Reader();
  const format = prop(root, 'Format');
  if (format !== undefined && format !== DUMP_FORMAT)
    rd.warn('Format', `"${String(format)}" is not "${DUMP_FORMAT}"; reading it anyway`);

  const nodes = readNodes(rd, root);
  const nodeNames = new Set(nodes.map((n) => n.name));
  const cluster = readCluster(rd, root);
  const { groups, groupsByName, skippedGroups } = readGroups(rd, root, nodes);
  readResources(rd, root, nodes, nodeNames, groupsByName, skippedGroups);

  if (rd.errors.length > 0) return { ok: false, errors: rd.errors };
  if (nodes.length === 0) return { ok: false, errors: [{ path: 'Nodes', message: 'the dump lists no nodes' }] };
  if (groups.length === 0) rd.warn('Groups', "no roles besides the cluster's own groups: the scenario has no groups");

  const clusterJson = isObject(prop(root, 'Cluster')) ? (prop(root, 'Cluster') as JsonObject) : {};
  const clusterName = asName(clusterJson) ?? 'cluster';
  const psVersion = prop(root, 'PSVersion');
  const scenario: Record<string, unknown> = {
    format: SCENARIO_FORMAT,
    name: `Imported from ${clusterName}`,
    description: `Imported from a PowerShell dump of cluster ${clusterName}${typeof psVersion === 'string' ? ` (PowerShell ${psVersion})` : ''}.`,
  };
  if (cluster) scenario.cluster = cluster;
  scenario.nodes = nodes.map((n) => n.json);
  scenario.groups = groups.map((g) => g.json);
  return { ok: true, scenario, warnings: rd.warnings };
}

function readNodes(rd: Reader, root: JsonObject): NodeOut[] {
  const out: NodeOut[] = [];
  asArray(prop(root, 'Nodes')).forEach((raw, i) => {
    const path = `Nodes[${i}]`;
    if (!isObject(raw)) {
      const name = asName(raw);
      if (name) out.push({ name, id: Number.MAX_SAFE_INTEGER, up: true, json: { name } });
      else rd.error(path, 'expected a node object');
      return;
    }
    const name = asName(raw);
    if (!name) return rd.error(`${path}.Name`, 'a node has no name');
    const idRead = readInt(prop(raw, 'Id'));
    const id = idRead.ok === true ? idRead.value : Number.MAX_SAFE_INTEGER;
    const json: Record<string, unknown> = { name };
    let up = true;
    const stateRaw = prop(raw, 'State') ?? prop(raw, 'StateName');
    const state = readEnum(stateRaw, NODE_STATES);
    if (state.ok === false) rd.warn(`${path}.State`, `${state.reason}; imported as Up`);
    else if (state.ok === true) {
      if (state.value === 1) {
        json.state = 'Down';
        up = false;
      } else if (state.value === 2 || state.value === 3) {
        rd.warn(
          `${path}.State`,
          `node "${name}" is ${state.value === 2 ? 'Paused' : 'Joining'}; a scenario starts nodes Up or Down, so it is imported as Up (add a pauseNode action at 0 to start it paused)`,
        );
      } else if (state.value !== 0)
        rd.warn(`${path}.State`, `node "${name}" is in state ${state.value} (Unknown); imported as Up`);
    }
    const weight = rd.int(raw, 'NodeWeight', path);
    if (weight !== undefined && weight !== 1) {
      if (weight === 0) json.properties = { NodeWeight: 0 };
      else rd.error(`${path}.NodeWeight`, `NodeWeight is 0 or 1, found ${weight}`);
    }
    out.push({ name, id, up, json });
  });
  // The scenario's node order is the node-ID order (§2.5). Array.prototype.sort is stable.
  return out.sort((a, b) => a.id - b.id);
}

function readCluster(rd: Reader, root: JsonObject): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  const c = prop(root, 'Cluster');
  const properties: Record<string, number> = {};
  let dynamic: number | undefined;
  if (isObject(c)) {
    for (const key of Object.keys(DEFAULT_CLUSTER_PROPERTIES) as (keyof typeof DEFAULT_CLUSTER_PROPERTIES)[]) {
      const v = rd.int(c, key, 'Cluster');
      if (v !== undefined && v !== DEFAULT_CLUSTER_PROPERTIES[key]) properties[key] = v;
    }
    dynamic = rd.int(c, 'DynamicQuorum', 'Cluster');
    if (rd.int(c, 'ClusterEnforcedAntiAffinity', 'Cluster') === 1) {
      rd.warn(
        'Cluster.ClusterEnforcedAntiAffinity',
        'hard anti-affinity (1) is not modelled; the simulator treats anti-affinity as soft',
      );
    }
  } else if (c !== undefined) rd.warn('Cluster', 'not an object; cluster properties left at their defaults');
  if (Object.keys(properties).length > 0) out.properties = properties;

  const quorum: Record<string, unknown> = {};
  const witness = readWitness(rd, prop(root, 'Quorum'));
  if (witness !== 'none') quorum.witness = witness;
  if (dynamic !== undefined && dynamic !== DEFAULT_DYNAMIC_QUORUM) quorum.DynamicQuorum = dynamic === 0 ? 0 : 1;
  if (Object.keys(quorum).length > 0) out.quorum = quorum;
  return Object.keys(out).length > 0 ? out : null;
}

function readWitness(rd: Reader, q: Json | undefined): 'none' | 'disk' | 'fileShare' | 'cloud' {
  if (q === undefined || q === null) {
    rd.warn('Quorum', 'missing: imported without a witness');
    return 'none';
  }
  if (!isObject(q)) {
    rd.warn('Quorum', 'not an object: imported without a witness');
    return 'none';
  }
  const typeName = String(
    prop(q, 'QuorumTypeName') ?? (typeof prop(q, 'QuorumType') === 'string' ? prop(q, 'QuorumType') : ''),
  );
  const resource = prop(q, 'QuorumResource');
  let resourceType = asName(prop(q, 'QuorumResourceType') ?? null);
  if (!resourceType && isObject(resource)) resourceType = asName(prop(resource, 'ResourceType') ?? null);
  if (/^DiskOnly$/i.test(typeName) || prop(q, 'QuorumType') === 2) {
    rd.warn('Quorum.QuorumType', 'disk-only quorum is not modelled; imported as node majority with a disk witness');
    return 'disk';
  }
  if (!resource && !resourceType) {
    if (/^NodeAndDiskMajority$/i.test(typeName)) return 'disk';
    if (/^NodeAndFileShareMajority$/i.test(typeName)) return 'fileShare';
    return 'none';
  }
  const t = (resourceType ?? '').toLowerCase();
  if (t === 'physical disk') return 'disk';
  if (t === 'file share witness' || t === 'file share quorum witness') return 'fileShare';
  if (t === 'cloud witness') return 'cloud';
  rd.warn('Quorum.QuorumResourceType', `unknown witness type "${resourceType ?? ''}": imported without a witness`);
  return 'none';
}

interface GroupOut {
  name: string;
  json: Record<string, unknown>;
  resources: Record<string, unknown>[];
  resourceNames: Set<string>;
  path: string;
}

function readGroups(rd: Reader, root: JsonObject, nodes: NodeOut[]) {
  const groups: GroupOut[] = [];
  const groupsByName = new Map<string, GroupOut>();
  const skippedGroups = new Set<string>();
  const known = new Map(nodes.map((n) => [n.name, n]));
  asArray(prop(root, 'Groups')).forEach((raw, i) => {
    const path = `Groups[${i}]`;
    if (!isObject(raw)) return rd.error(path, 'expected a group object');
    const name = asName(raw);
    if (!name) return rd.error(`${path}.Name`, 'a group has no name');
    const core = prop(raw, 'IsCoreGroup');
    const groupType = readEnum(prop(raw, 'GroupType'), { ...CORE_GROUP_TYPES, Unknown: 9999 });
    const isCore =
      core === true ||
      core === 'True' ||
      (groupType.ok === true && groupType.value >= 1 && groupType.value <= 4) ||
      (core === undefined && CORE_GROUP_NAMES.includes(name));
    if (isCore) {
      skippedGroups.add(name);
      rd.warn(path, `"${name}" is one of the cluster's own groups: skipped (quorum is imported from Quorum)`);
      return;
    }
    const json: Record<string, unknown> = { name };
    const owner = asName(prop(raw, 'OwnerNode') ?? null);
    if (owner) {
      const node = known.get(owner);
      if (node?.up) json.ownerNode = owner;
      else if (!node) rd.warn(`${path}.OwnerNode`, `unknown node "${owner}": no initial owner set`);
    }
    const preferred = rd.names(raw, 'PreferredOwners', path, true).filter((n) => {
      if (known.has(n)) return true;
      rd.warn(`${path}.PreferredOwners`, `unknown node "${n}" dropped`);
      return false;
    });
    if (preferred.length > 0) json.preferredOwners = preferred;
    const persistent = rd.int(raw, 'PersistentState', path);
    if (persistent === 0) json.persistentState = 'offline';

    const properties: Record<string, unknown> = {};
    const put = (key: keyof typeof DEFAULT_GROUP_PROPERTIES, v: number | undefined) => {
      if (v !== undefined && v !== DEFAULT_GROUP_PROPERTIES[key]) properties[key] = v;
    };
    put('FailoverThreshold', rd.int(raw, 'FailoverThreshold', path));
    put('FailoverPeriod', rd.int(raw, 'FailoverPeriod', path));
    put('AutoFailbackType', rd.int(raw, 'AutoFailbackType', path, { Prevent: 0, Allow: 1 }));
    for (const key of ['FailbackWindowStart', 'FailbackWindowEnd'] as const) {
      const v = rd.int(raw, key, path);
      put(key, v === DWORD_MAX ? -1 : v); // UInt32 in PowerShell; the scenario's "no window" is -1 (§2.5)
    }
    put('Priority', rd.int(raw, 'Priority', path));
    const aa = unwrap(prop(raw, 'AntiAffinityClassNames'));
    if (typeof aa === 'string') {
      // A property's array stays an array in ConvertTo-Json, so a string was cut off by -Depth: its
      // items joined by spaces. Without a space it can only be one class name.
      if (aa.trim() !== '' && !/\s/.test(aa.trim()) && !/^System\./.test(aa)) {
        properties.AntiAffinityClassNames = [aa.trim()];
        rd.warn(
          `${path}.AntiAffinityClassNames`,
          `a string, not a list (cut off by ConvertTo-Json -Depth?): read as the one class "${aa.trim()}"`,
        );
      } else if (aa.trim() !== '') {
        rd.warn(
          `${path}.AntiAffinityClassNames`,
          `cut off by ConvertTo-Json -Depth ("${aa}"): ignored; dump again with -Depth 6`,
        );
      }
    } else {
      const classes = asArray(aa).filter((s): s is string => typeof s === 'string');
      if (classes.length > 0) properties.AntiAffinityClassNames = classes;
    }
    if (Object.keys(properties).length > 0) json.properties = properties;
    const resources: Record<string, unknown>[] = [];
    json.resources = resources;
    const g: GroupOut = { name, json, resources, resourceNames: new Set(), path };
    if (groupsByName.has(name)) rd.error(`${path}.Name`, `a second group is named "${name}"`);
    groups.push(g);
    groupsByName.set(name, g);
  });
  return { groups, groupsByName, skippedGroups };
}

function readResources(
  rd: Reader,
  root: JsonObject,
  nodes: NodeOut[],
  nodeNames: Set<string>,
  groupsByName: Map<string, GroupOut>,
  skippedGroups: Set<string>,
): void {
  const list = asArray(prop(root, 'Resources'));
  // Resource IDs, so that a `[guid]` term of an expression maps back to a name (§1.5 -Guid form).
  const byId = new Map<string, string>();
  const groupOf = new Map<string, string>();
  list.forEach((raw) => {
    if (!isObject(raw)) return;
    const name = asName(raw);
    const id = prop(raw, 'Id');
    if (name && typeof id === 'string') byId.set(id.toLowerCase(), name);
    const group = asName(prop(raw, 'OwnerGroup') ?? null);
    if (name && group) groupOf.set(name, group);
  });
  const pending: { g: GroupOut; json: Record<string, unknown>; path: string; expr: string }[] = [];

  list.forEach((raw, i) => {
    const path = `Resources[${i}]`;
    if (!isObject(raw)) return rd.error(path, 'expected a resource object');
    const name = asName(raw);
    if (!name) return rd.error(`${path}.Name`, 'a resource has no name');
    const groupName = asName(prop(raw, 'OwnerGroup') ?? null);
    if (!groupName) return rd.error(`${path}.OwnerGroup`, `resource "${name}" has no owner group`);
    const core = prop(raw, 'IsCoreResource');
    if (skippedGroups.has(groupName)) return;
    if (core === true) {
      rd.warn(path, `"${name}" is a core resource: skipped`);
      return;
    }
    const g = groupsByName.get(groupName);
    if (!g)
      return rd.warn(
        `${path}.OwnerGroup`,
        `resource "${name}" belongs to "${groupName}", which the dump does not list: skipped`,
      );
    const type = asName(prop(raw, 'ResourceType') ?? null);
    if (!type) return rd.error(`${path}.ResourceType`, `resource "${name}" has no type`);
    const json: Record<string, unknown> = { name, type };

    const owners = rd.names(raw, 'PossibleOwners', path, true).filter((n) => {
      if (nodeNames.has(n)) return true;
      rd.warn(`${path}.PossibleOwners`, `unknown node "${n}" dropped`);
      return false;
    });
    const everyNode = nodes.every((n) => owners.includes(n.name));
    if (owners.length > 0 && !everyNode)
      json.possibleOwners = nodes.map((n) => n.name).filter((n) => owners.includes(n));

    const properties: Record<string, number> = {};
    const restartAction = rd.int(raw, 'RestartAction', path, RESTART_ACTIONS);
    if (restartAction !== undefined && restartAction !== DEFAULT_RESOURCE_PROPERTIES.RestartAction)
      properties.RestartAction = restartAction;
    for (const key of RESOURCE_NUMBER_PROPERTIES) {
      const v = rd.int(raw, key, path);
      if (v !== undefined && v !== DEFAULT_RESOURCE_PROPERTIES[key]) properties[key] = v;
    }
    for (const key of ['LooksAlivePollInterval', 'IsAlivePollInterval'] as const) {
      const v = rd.int(raw, key, path);
      // 4294967295 = "use the resource type's value", which is the scenario default (§2.5).
      if (v !== undefined && v !== DWORD_MAX && v !== DEFAULT_RESOURCE_PROPERTIES[key]) properties[key] = v;
    }
    const sep = rd.int(raw, 'SeparateMonitor', path);
    if (sep !== undefined && sep !== DEFAULT_RESOURCE_PROPERTIES.SeparateMonitor)
      properties.SeparateMonitor = sep ? 1 : 0;
    if (Object.keys(properties).length > 0) json.properties = properties;

    const expr = prop(raw, 'DependencyExpression');
    if (typeof expr === 'string' && expr.trim() !== '') pending.push({ g, json, path, expr });
    else if (expr !== undefined && expr !== null && typeof expr !== 'string')
      rd.error(`${path}.DependencyExpression`, 'expected a string');

    if (g.resourceNames.has(name)) rd.error(`${path}.Name`, `a second resource is named "${name}"`);
    g.resourceNames.add(name);
    g.resources.push(json);
  });

  // Dependencies once every resource is known.
  for (const { g, json, path, expr } of pending) {
    const parsed = parseWsfcDependencyText(expr);
    if (!parsed.ok) {
      rd.error(`${path}.DependencyExpression`, `cannot read "${expr}": ${parsed.message}`);
      continue;
    }
    const sets: string[][] = [];
    for (const set of parsed.sets) {
      const kept: string[] = [];
      for (const term of set) {
        const name = g.resourceNames.has(term) ? term : (byId.get(term.toLowerCase()) ?? term);
        if (g.resourceNames.has(name)) kept.push(name);
        else if (groupOf.has(name)) {
          rd.warn(
            `${path}.DependencyExpression`,
            `"${String(json.name)}" depends on "${name}" in group "${groupOf.get(name)}": a dependency may not cross groups, dropped (fix on the cluster with Move-ClusterResource)`,
          );
        } else
          rd.warn(
            `${path}.DependencyExpression`,
            `"${String(json.name)}" depends on unknown resource "${name}": dropped`,
          );
      }
      if (kept.length > 0) sets.push([...new Set(kept)]);
    }
    if (sets.length === 0) continue;
    if (sets.every((s) => s.length === 1)) json.dependsOn = sets.map((s) => s[0]);
    else if (sets.some((s) => s.some((n) => n.includes(']')))) {
      rd.warn(
        `${path}.DependencyExpression`,
        'a name holding "]" cannot be written in an OR set; only the AND part is imported',
      );
      json.dependsOn = sets.filter((s) => s.length === 1).map((s) => s[0]);
    } else json.dependsOn = formatDependencyExpr(sets);
  }
}
