/** Groups and their resources (contract §1). */
import type { DependencyExpr, GroupProperties, GroupSpec, PersistentState, ResourceBehavior, ResourceProperties, ResourceSpec } from '../model/scenario';
import {
  DEFAULT_GROUP_PROPERTIES,
  DEFAULT_PERSISTENT_STATE,
  DEFAULT_RESOURCE_PROPERTIES,
  DEFAULT_RESOURCE_TYPE,
  defaultBehavior,
  describeValue,
  PERSISTENT_STATES,
} from '../model/resourceTypes';
import { parseDependencyExpr } from '../policies/dependencyExpr';
import { cycleMessage, type CycleReport } from './cycles';
import { didYouMean } from './didYouMean';
import { GROUP_KEYS, reportUnknownKey, RESOURCE_KEYS } from './keys';
import { duplicateNameMessage, type ElementKind, type NameRegistry } from './names';
import { child, has, type Issues, isName, isPlainObject, item, label, type PlainObject, q } from './paths';
import { readSettings } from './properties';
import { dependencyProblem, referenceProblem } from './references';

export interface WalkContext {
  issues: Issues;
  names: NameRegistry;
  /** Cycles to report, keyed by the path of the resource they are reported at. */
  cycles: Map<string, CycleReport>;
  /** Next scenario-wide resource index. */
  resourceIndex: number;
}

/** Check an element's `name` at `path` (the element's path) and report duplicates. */
export function checkName(ctx: WalkContext, kind: ElementKind, raw: PlainObject, path: string): void {
  if (!has(raw, 'name')) {
    ctx.issues.add(child(path, 'name'), `${kind} at ${path} has no "name"; every ${kind} needs a non-empty name`);
    return;
  }
  const name = raw.name;
  if (!isName(name)) {
    ctx.issues.add(child(path, 'name'), `${kind} at ${path}: "name" must be a non-empty string, got ${describeValue(name)}`);
    return;
  }
  const dup = duplicateNameMessage(ctx.names, kind, name, path);
  if (dup) ctx.issues.add(child(path, 'name'), dup);
}

/** A list of node names (preferredOwners, possibleOwners): strings naming nodes, no repeats. */
function readNodeList(ctx: WalkContext, raw: unknown, path: string, owner: string, key: string): string[] {
  if (!Array.isArray(raw)) {
    ctx.issues.add(path, `${owner}: "${key}" must be an array of node names, got ${describeValue(raw)}`);
    return [];
  }
  const out: string[] = [];
  raw.forEach((n, i) => {
    const p = item(path, i);
    if (typeof n !== 'string') {
      ctx.issues.add(p, `${owner}: "${key}" item ${i} must be a node name, got ${describeValue(n)}`);
      return;
    }
    const problem = referenceProblem(ctx.names, 'node', n, `${owner} lists`, `in ${key}`);
    if (problem) {
      ctx.issues.add(p, problem);
      return;
    }
    if (out.includes(n)) {
      ctx.issues.add(p, `${owner} lists node ${q(n)} twice in ${key}`);
      return;
    }
    out.push(n);
  });
  return out;
}

export function readGroups(ctx: WalkContext, raw: unknown): GroupSpec[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    ctx.issues.add('groups', `"groups" must be an array of groups, got ${describeValue(raw)}`);
    return [];
  }
  const out: GroupSpec[] = [];
  raw.forEach((g, gi) => {
    const spec = readGroup(ctx, g, gi);
    if (spec) out.push(spec);
  });
  return out;
}

function readGroup(ctx: WalkContext, raw: unknown, gi: number): GroupSpec | null {
  const path = item('groups', gi);
  if (!isPlainObject(raw)) {
    ctx.issues.add(path, `each group must be an object like { "name": "SQL", "resources": [] }, got ${describeValue(raw)}`);
    return null;
  }
  const owner = label('group', raw.name, path);
  const groupName = isName(raw.name) ? raw.name : null;
  const spec: GroupSpec = {
    name: groupName ?? '',
    index: gi,
    ownerNode: null,
    preferredOwners: [],
    persistentState: DEFAULT_PERSISTENT_STATE,
    properties: { ...DEFAULT_GROUP_PROPERTIES, AntiAffinityClassNames: [] },
    resources: [],
    explicit: [],
  };
  if (!has(raw, 'name')) checkName(ctx, 'group', raw, path);
  let propsExplicit: string[] = [];
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    const p = child(path, key);
    switch (key) {
      case 'name':
        checkName(ctx, 'group', raw, path);
        break;
      case 'ownerNode':
        spec.explicit.push('ownerNode');
        if (value === null) break;
        if (typeof value !== 'string') {
          ctx.issues.add(p, `${owner}: "ownerNode" must be a node name or null, got ${describeValue(value)}`);
          break;
        }
        {
          const problem = referenceProblem(ctx.names, 'node', value, `${owner} names`, 'as ownerNode');
          if (problem) ctx.issues.add(p, problem);
          else spec.ownerNode = value;
        }
        break;
      case 'preferredOwners':
        spec.explicit.push('preferredOwners');
        spec.preferredOwners = readNodeList(ctx, value, p, owner, 'preferredOwners');
        break;
      case 'persistentState':
        spec.explicit.push('persistentState');
        if (typeof value === 'string' && (PERSISTENT_STATES as readonly string[]).includes(value)) spec.persistentState = value as PersistentState;
        else {
          ctx.issues.add(p, `${owner}: "persistentState" must be "online" or "offline", got ${describeValue(value)}${didYouMean(value, PERSISTENT_STATES)}`);
        }
        break;
      case 'properties': {
        const r = readSettings<GroupProperties>(ctx.issues, 'group', value, p, owner, DEFAULT_GROUP_PROPERTIES);
        spec.properties = r.values;
        propsExplicit = r.explicit;
        break;
      }
      case 'resources':
        spec.resources = readResources(ctx, value, p, owner, gi, groupName);
        break;
      default:
        reportUnknownKey(ctx.issues, path, owner, key, GROUP_KEYS, ['group']);
    }
  }
  spec.explicit.push(...propsExplicit);
  return spec;
}

function readResources(ctx: WalkContext, raw: unknown, path: string, owner: string, gi: number, groupName: string | null): ResourceSpec[] {
  if (!Array.isArray(raw)) {
    ctx.issues.add(path, `${owner}: "resources" must be an array of resources, got ${describeValue(raw)}`);
    return [];
  }
  const out: ResourceSpec[] = [];
  raw.forEach((r, ri) => {
    const index = ctx.resourceIndex++;
    const spec = readResource(ctx, r, item(path, ri), gi, groupName, index);
    if (spec) out.push(spec);
  });
  return out;
}

function readResource(ctx: WalkContext, raw: unknown, path: string, gi: number, groupName: string | null, index: number): ResourceSpec | null {
  if (!isPlainObject(raw)) {
    ctx.issues.add(path, `each resource must be an object like { "name": "SQL Disk", "type": "Physical Disk" }, got ${describeValue(raw)}`);
    return null;
  }
  const owner = label('resource', raw.name, path);
  const name = isName(raw.name) ? raw.name : null;
  const type = typeof raw.type === 'string' && raw.type.trim() !== '' ? raw.type : DEFAULT_RESOURCE_TYPE;
  const spec: ResourceSpec = {
    name: name ?? '',
    type,
    group: groupName ?? '',
    index,
    dependsOn: [],
    possibleOwners: [],
    properties: { ...DEFAULT_RESOURCE_PROPERTIES },
    behavior: defaultBehavior(type),
    explicit: [],
  };
  if (!has(raw, 'name')) checkName(ctx, 'resource', raw, path);
  const settingsExplicit: string[] = [];
  let checkedRetry = false;
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    const p = child(path, key);
    switch (key) {
      case 'name':
        checkName(ctx, 'resource', raw, path);
        break;
      case 'type':
        spec.explicit.push('type');
        if (typeof value !== 'string' || value.trim() === '') {
          ctx.issues.add(p, `${owner}: "type" must be a non-empty string such as "Physical Disk", got ${describeValue(value)}`);
        }
        break;
      case 'dependsOn':
        spec.explicit.push('dependsOn');
        spec.dependsOn = readDependsOn(ctx, value, p, owner, name, gi, groupName);
        {
          const cycle = ctx.cycles.get(path);
          if (cycle) ctx.issues.add(p, cycleMessage(cycle));
        }
        break;
      case 'possibleOwners':
        spec.explicit.push('possibleOwners');
        spec.possibleOwners = readNodeList(ctx, value, p, owner, 'possibleOwners');
        break;
      case 'properties': {
        const r = readSettings<ResourceProperties>(ctx.issues, 'resource', value, p, owner, DEFAULT_RESOURCE_PROPERTIES);
        spec.properties = r.values;
        settingsExplicit.push(...r.explicit);
        if (isPlainObject(value) && !r.invalid.includes('RetryPeriodOnFailure') && !r.invalid.includes('RestartPeriod')) {
          checkRetryPeriod(ctx, spec, r.explicit, p, owner);
        }
        checkedRetry = true;
        break;
      }
      case 'behavior': {
        const r = readSettings<ResourceBehavior>(ctx.issues, 'resourceBehavior', value, p, owner, defaultBehavior(type));
        spec.behavior = r.values;
        settingsExplicit.push(...r.explicit);
        break;
      }
      default:
        reportUnknownKey(ctx.issues, path, owner, key, RESOURCE_KEYS, ['resource', 'resourceBehavior']);
    }
  }
  if (!checkedRetry) checkRetryPeriod(ctx, spec, [], child(path, 'properties'), owner);
  spec.explicit.push(...settingsExplicit);
  return spec;
}

/** RetryPeriodOnFailure must be at least RestartPeriod unless it is 4294967295 (never retry). */
function checkRetryPeriod(ctx: WalkContext, spec: ResourceSpec, explicit: string[], propsPath: string, owner: string): void {
  const { RetryPeriodOnFailure: retry, RestartPeriod: restart } = spec.properties;
  if (retry === 4294967295 || retry >= restart) return;
  const retrySet = explicit.includes('RetryPeriodOnFailure');
  const restartSet = explicit.includes('RestartPeriod');
  const at = retrySet || !restartSet ? 'RetryPeriodOnFailure' : 'RestartPeriod';
  ctx.issues.add(
    child(propsPath, at),
    `${owner} property "RetryPeriodOnFailure" is ${retry}${retrySet ? '' : ' (the default)'}, below RestartPeriod ${restart}${restartSet ? '' : ' (the default)'}; ` +
      'it must be at least RestartPeriod, or 4294967295 (never retry)',
  );
}

function readDependsOn(
  ctx: WalkContext,
  raw: unknown,
  path: string,
  owner: string,
  name: string | null,
  gi: number,
  groupName: string | null,
): DependencyExpr {
  const check = (dep: string, p: string): boolean => {
    const problem = dependencyProblem(ctx.names, owner, name, gi, groupName, dep);
    if (problem) ctx.issues.add(p, problem);
    return problem === null;
  };
  if (Array.isArray(raw)) {
    const out: DependencyExpr = [];
    raw.forEach((d, i) => {
      const p = item(path, i);
      if (typeof d !== 'string' || d === '') {
        ctx.issues.add(p, `${owner}: "dependsOn" item ${i} must be a resource name, got ${describeValue(d)}`);
        return;
      }
      if (check(d, p)) out.push([d]);
    });
    return out;
  }
  if (typeof raw === 'string') {
    const parsed = parseDependencyExpr(raw);
    if (!parsed.ok) {
      ctx.issues.add(path, `${owner} has an invalid dependsOn expression ${q(raw)}: ${parsed.message}`);
      return [];
    }
    const seen = new Set<string>();
    for (const dep of parsed.expr.flat()) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      check(dep, path);
    }
    return parsed.expr;
  }
  ctx.issues.add(
    path,
    `${owner}: "dependsOn" must be an array of resource names or a dependency expression like "([IP1] or [IP2]) and [Disk]", got ${describeValue(raw)}`,
  );
  return [];
}
