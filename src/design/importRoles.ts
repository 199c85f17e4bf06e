/**
 * Import of the roles: non-core groups (§2.8) and their resources. A group and a resource may share a
 * name (WSFC's defaults do: role `FS1` holds the Network Name `FS1`, scenario-format.md §1), so groups
 * and resources are looked up in separate maps.
 */
import { DWORD_MAX } from '../engine';
import { DEFAULT_GROUP_PROPERTIES, DEFAULT_RESOURCE_PROPERTIES } from './engineDeps';
import type { NodeOut } from './importCluster';
import type { Reader } from './importReader';
import { asArray, asName, isObject, prop, readEnum, unwrap, type JsonObject } from './psJson';

export interface GroupOut {
  name: string;
  json: Record<string, unknown>;
  resources: Record<string, unknown>[];
  resourceNames: Set<string>;
  path: string;
  /** ClusterGroupState on the cluster when dumped (Online 0 … Pending 4), if the dump says. */
  state: number | undefined;
}

/** A resource whose DependencyExpression is read once every resource is known. */
export interface PendingDependency {
  g: GroupOut;
  json: Record<string, unknown>;
  path: string;
  expr: string;
}

const RESTART_ACTIONS: Record<string, number> = {
  DontRestart: 0,
  RestartNoNotify: 1,
  RestartNotify: 2,
  ClusterResourceDontRestart: 0,
  ClusterResourceRestartNoNotify: 1,
  ClusterResourceRestartNotify: 2,
};
const GROUP_STATES: Record<string, number> = {
  Unknown: -1,
  Online: 0,
  Offline: 1,
  Failed: 2,
  PartialOnline: 3,
  Pending: 4,
};
const RESOURCE_STATES: Record<string, number> = {
  Unknown: -1,
  Inherited: 0,
  Initializing: 1,
  Online: 2,
  Offline: 3,
  Failed: 4,
  Pending: 128,
  OnlinePending: 129,
  OfflinePending: 130,
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

export function readGroups(rd: Reader, root: JsonObject, nodes: NodeOut[]) {
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
      else
        rd.warn(
          `${path}.OwnerNode`,
          `group "${name}" is owned by "${owner}", which is Down: no initial owner set, the simulation places the group on an Up node`,
        );
    }
    const preferred = rd.names(raw, 'PreferredOwners', path, true).filter((n) => {
      if (known.has(n)) return true;
      rd.warn(`${path}.PreferredOwners`, `unknown node "${n}" dropped`);
      return false;
    });
    if (preferred.length > 0) json.preferredOwners = preferred;
    const state = rd.state(raw, 'State', GROUP_STATES);
    readPersistentState(rd, raw, path, name, state, json);
    const properties = readGroupProperties(rd, raw, path);
    if (Object.keys(properties).length > 0) json.properties = properties;
    const resources: Record<string, unknown>[] = [];
    json.resources = resources;
    const g: GroupOut = { name, json, resources, resourceNames: new Set(), path, state };
    if (groupsByName.has(name)) rd.error(`${path}.Name`, `a second group is named "${name}"`);
    groups.push(g);
    groupsByName.set(name, g);
  });
  return { groups, groupsByName, skippedGroups };
}

/**
 * PersistentState says whether the cluster brings the group online when it starts; the scenario's
 * persistentState is exactly that. A group that is Online now but has PersistentState 0 (it was
 * brought online without recording it, e.g. on an older release or by a failover) is imported as it
 * runs now, online, and the difference is reported.
 */
function readPersistentState(
  rd: Reader,
  raw: JsonObject,
  path: string,
  name: string,
  state: number | undefined,
  json: Record<string, unknown>,
): void {
  const persistent = rd.int(raw, 'PersistentState', path);
  const running = state === 0 || state === 3;
  if (persistent === 0 && running) {
    rd.warn(
      `${path}.PersistentState`,
      `group "${name}" is ${state === 0 ? 'Online' : 'PartialOnline'} but its PersistentState is 0: imported as online, as it runs now (a cluster restart would leave it offline)`,
    );
  } else if (persistent === 0) json.persistentState = 'offline';
  else if (persistent === 1 && state === 1) {
    rd.warn(
      `${path}.State`,
      `group "${name}" is Offline but its PersistentState is 1: imported as online, so the simulation starts it`,
    );
  }
}

function readGroupProperties(rd: Reader, raw: JsonObject, path: string): Record<string, unknown> {
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
  return properties;
}

export function readResources(
  rd: Reader,
  root: JsonObject,
  nodes: NodeOut[],
  groupsByName: Map<string, GroupOut>,
  skippedGroups: Set<string>,
): PendingDependency[] {
  const nodeNames = new Set(nodes.map((n) => n.name));
  const pending: PendingDependency[] = [];
  const seen = new Set<string>(); // resource names are unique in the whole cluster (§1.3)
  asArray(prop(root, 'Resources')).forEach((raw, i) => {
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
    if (name.includes(']')) {
      rd.warn(
        `${path}.Name`,
        `resource "${name}" holds "]", which a dependency expression cannot write: dependencies on it are kept as a list (dependsOn: [...]), or dropped where they sit in an OR set`,
      );
    }

    const owners = rd.names(raw, 'PossibleOwners', path, true).filter((n) => {
      if (nodeNames.has(n)) return true;
      rd.warn(`${path}.PossibleOwners`, `unknown node "${n}" dropped`);
      return false;
    });
    const everyNode = nodes.every((n) => owners.includes(n.name));
    if (owners.length > 0 && !everyNode)
      json.possibleOwners = nodes.map((n) => n.name).filter((n) => owners.includes(n));

    const properties = readResourceProperties(rd, raw, path);
    if (Object.keys(properties).length > 0) json.properties = properties;

    const state = rd.state(raw, 'State', RESOURCE_STATES);
    if ((g.state === 0 || g.state === 3) && (state === 3 || state === 4)) {
      rd.warn(
        `${path}.State`,
        `resource "${name}" is ${state === 3 ? 'Offline' : 'Failed'} while group "${g.name}" runs: the simulation brings every resource of an online group online`,
      );
    }

    const expr = prop(raw, 'DependencyExpression');
    if (typeof expr === 'string' && expr.trim() !== '') pending.push({ g, json, path, expr });
    else if (expr !== undefined && expr !== null && typeof expr !== 'string')
      rd.error(`${path}.DependencyExpression`, 'expected a string');

    if (seen.has(name)) rd.error(`${path}.Name`, `a second resource is named "${name}"`);
    seen.add(name);
    g.resourceNames.add(name);
    g.resources.push(json);
  });
  return pending;
}

function readResourceProperties(rd: Reader, raw: JsonObject, path: string): Record<string, number> {
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
  return properties;
}
