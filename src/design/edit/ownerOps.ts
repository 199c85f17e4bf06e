/** Property edits (checked with the engine's own rules) and the owner lists of groups and resources. */
import { checkPropertyValue, type PropertyScope } from '../../engine';
import {
  clone,
  findResource,
  groupsOf,
  isObj,
  nodesOf,
  ok,
  q,
  refuse,
  type Dict,
  type EditResult,
  type RawResource,
  type RawScenario,
} from './raw';

// ---------------------------------------------------------------------------------------------
// Properties and fields

/** Where a scope's values live in the raw JSON, created on demand. */
function scopeObject(raw: RawScenario, scope: PropertyScope, target: string | undefined, create: boolean): Dict | null {
  const ensure = (holder: Dict, key: string): Dict | null => {
    if (isObj(holder[key])) return holder[key];
    if (!create) return null;
    holder[key] = {};
    return holder[key] as Dict;
  };
  if (scope === 'cluster' || scope === 'quorum') {
    const cluster = ensure(raw, 'cluster');
    return cluster && ensure(cluster, scope === 'cluster' ? 'properties' : 'quorum');
  }
  if (scope === 'node' || scope === 'nodeBehavior') {
    const n = nodesOf(raw).find((x) => x.name === target);
    return n ? ensure(n, scope === 'node' ? 'properties' : 'behavior') : null;
  }
  if (scope === 'group') {
    const g = groupsOf(raw).find((x) => x.name === target);
    return g ? ensure(g, 'properties') : null;
  }
  const r = target === undefined ? null : findResource(raw, target)?.resource;
  return r ? ensure(r, scope === 'resource' ? 'properties' : 'behavior') : null;
}

/** The raw value of a setting, or undefined when the file leaves it to the default. */
export function getSetting(raw: RawScenario, scope: PropertyScope, target: string | undefined, name: string): unknown {
  return scopeObject(raw, scope, target, false)?.[name];
}

/**
 * Sets a property (`undefined` = back to the default). The value is checked with the engine's own
 * `checkPropertyValue`, so the inline message is the validation message.
 */
export function setProperty(
  raw0: RawScenario,
  scope: PropertyScope,
  target: string | undefined,
  name: string,
  value: unknown,
): EditResult {
  if (value !== undefined) {
    const why = checkPropertyValue(scope, name, value);
    if (why) return refuse(`${name} ${why}`);
  }
  const raw = clone(raw0);
  const holder = scopeObject(raw, scope, target, value !== undefined);
  if (!holder) {
    if (value === undefined) return ok(raw);
    return refuse(
      `there is no ${scope.startsWith('node') ? 'node' : scope.startsWith('resource') ? 'resource' : 'group'} named ${q(String(target))}`,
    );
  }
  if (value === undefined) delete holder[name];
  else holder[name] = value;
  // The cross-property rule the engine checks (RetryPeriodOnFailure vs RestartPeriod) is reported
  // by the engine's validation after the edit, with its own message.
  return ok(raw);
}

// ---------------------------------------------------------------------------------------------
// Owners

/** Sets a group's preferred owners in order (empty = no preference: the key is removed). */
export function setPreferredOwners(raw0: RawScenario, group: string, owners: string[]): EditResult {
  const raw = clone(raw0);
  const g = groupsOf(raw).find((x) => x.name === group);
  if (!g) return refuse(`there is no group named ${q(group)}`);
  const known = new Set(nodesOf(raw).map((n) => n.name));
  const bad = owners.find((o) => !known.has(o));
  if (bad !== undefined) return refuse(`there is no node named ${q(bad)}`);
  if (new Set(owners).size !== owners.length) return refuse('a node can appear only once in the preferred owners');
  if (owners.length) g.preferredOwners = [...owners];
  else delete g.preferredOwners;
  return ok(raw);
}

/** Moves a preferred owner up (-1) or down (+1), or to index `to` when given. */
export function movePreferredOwner(raw: RawScenario, group: string, node: string, delta: number): EditResult {
  const g = groupsOf(raw).find((x) => x.name === group);
  if (!g) return refuse(`there is no group named ${q(group)}`);
  const list = Array.isArray(g.preferredOwners) ? [...g.preferredOwners] : [];
  const i = list.indexOf(node);
  if (i < 0) return refuse(`${q(node)} is not a preferred owner of ${q(group)}`);
  const j = Math.max(0, Math.min(list.length - 1, i + delta));
  if (i === j) return refuse(`${q(node)} is already ${delta < 0 ? 'first' : 'last'}`);
  list.splice(i, 1);
  list.splice(j, 0, node);
  return setPreferredOwners(raw, group, list);
}

export function togglePreferredOwner(raw: RawScenario, group: string, node: string): EditResult {
  const g = groupsOf(raw).find((x) => x.name === group);
  if (!g) return refuse(`there is no group named ${q(group)}`);
  const list = Array.isArray(g.preferredOwners) ? [...g.preferredOwners] : [];
  return setPreferredOwners(raw, group, list.includes(node) ? list.filter((n) => n !== node) : [...list, node]);
}

/** The nodes that may own a resource: `possibleOwners`, or every node when it is absent or empty. */
export function effectivePossibleOwners(raw: RawScenario, r: RawResource): string[] {
  const all = nodesOf(raw).map((n) => n.name);
  return Array.isArray(r.possibleOwners) && r.possibleOwners.length
    ? all.filter((n) => r.possibleOwners!.includes(n))
    : all;
}

/**
 * Ticks or unticks a possible owner. Absent means every node, so the list is written out when a
 * node is unticked and removed again when every node is ticked. The last owner cannot be unticked
 * (an empty list would mean every node again).
 */
export function togglePossibleOwner(raw0: RawScenario, resource: string, node: string): EditResult {
  const raw = clone(raw0);
  const found = findResource(raw, resource);
  if (!found) return refuse(`there is no resource named ${q(resource)}`);
  const all = nodesOf(raw).map((n) => n.name);
  if (!all.includes(node)) return refuse(`there is no node named ${q(node)}`);
  const current = effectivePossibleOwners(raw, found.resource);
  let next: string[];
  if (current.includes(node)) {
    if (current.length === 1)
      return refuse(`${q(node)} is the only possible owner of ${q(resource)}: a resource needs at least one`);
    next = current.filter((n) => n !== node);
  } else {
    next = all.filter((n) => current.includes(n) || n === node);
  }
  if (next.length === all.length) delete found.resource.possibleOwners;
  else found.resource.possibleOwners = next;
  return ok(raw);
}
