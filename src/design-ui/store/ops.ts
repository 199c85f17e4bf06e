/**
 * Pure edit operations on the RAW scenario JSON (what the user downloads). Each takes a raw scenario
 * and returns a new one (the input is never mutated) or a refusal with a reason written for the
 * user. Validation of the result is the engine's job (`validateScenario`); these functions only
 * refuse what can be judged locally: unknown or duplicate names, cycles, self and cross-group
 * dependencies, and property values that `checkPropertyValue` rejects.
 */
import { SCENARIO_FORMAT } from '../../engine/model/scenario';
import { checkPropertyValue, type PropertyScope } from '../../engine/model/resourceTypes';
import { formatDependencyExpr, parseDependencyExpr } from '../../engine/policies/dependencyExpr';
import { validateScenario } from '../../engine/validation';

export interface Position {
  x: number;
  y: number;
}
export type Dict = Record<string, unknown>;
export interface RawNode extends Dict {
  name: string;
  state?: string;
  properties?: Dict;
  behavior?: Dict;
}
export interface RawResource extends Dict {
  name: string;
  type?: string;
  dependsOn?: string[] | string;
  possibleOwners?: string[];
  properties?: Dict;
  behavior?: Dict;
}
export interface RawGroup extends Dict {
  name: string;
  ownerNode?: string;
  preferredOwners?: string[];
  persistentState?: string;
  properties?: Dict;
  resources?: RawResource[];
}
export interface RawUi extends Dict {
  positions?: Record<string, Position>;
}
export interface RawScenario extends Dict {
  format: string;
  name?: string;
  nodes?: RawNode[];
  groups?: RawGroup[];
  cluster?: Dict & { properties?: Dict; quorum?: Dict };
  script?: Dict[];
  ui?: RawUi;
}

export type EditResult = { ok: true; raw: RawScenario; message?: string } | { ok: false; reason: string };

const ok = (raw: RawScenario, message?: string): EditResult =>
  message ? { ok: true, raw, message } : { ok: true, raw };
const refuse = (reason: string): EditResult => ({ ok: false, reason });
const q = (name: string) => `"${name}"`;
const isObj = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

export function emptyScenario(name = 'New design'): RawScenario {
  return { format: SCENARIO_FORMAT, name, nodes: [], groups: [] };
}

/** Raw JSON → an editable raw scenario, or why it cannot be edited. */
export function asRawScenario(json: unknown): { ok: true; raw: RawScenario } | { ok: false; reason: string } {
  if (!isObj(json)) return { ok: false, reason: 'a scenario file is a JSON object' };
  return { ok: true, raw: structuredClone(json) as RawScenario };
}

// ---------------------------------------------------------------------------------------------
// Reading

export const nodesOf = (raw: RawScenario): RawNode[] =>
  Array.isArray(raw.nodes) ? (raw.nodes.filter(isObj) as RawNode[]) : [];
export const groupsOf = (raw: RawScenario): RawGroup[] =>
  Array.isArray(raw.groups) ? (raw.groups.filter(isObj) as RawGroup[]) : [];
export const resourcesOf = (g: RawGroup): RawResource[] =>
  Array.isArray(g.resources) ? (g.resources.filter(isObj) as RawResource[]) : [];

export function allNames(raw: RawScenario): string[] {
  return [
    ...nodesOf(raw).map((n) => n.name),
    ...groupsOf(raw).flatMap((g) => [g.name, ...resourcesOf(g).map((r) => r.name)]),
  ].filter((n): n is string => typeof n === 'string');
}

export function findResource(
  raw: RawScenario,
  name: string,
): { group: RawGroup; resource: RawResource; gi: number; ri: number } | null {
  const groups = groupsOf(raw);
  for (let gi = 0; gi < groups.length; gi++) {
    const ri = resourcesOf(groups[gi]).findIndex((r) => r.name === name);
    if (ri >= 0) return { group: groups[gi], resource: resourcesOf(groups[gi])[ri], gi, ri };
  }
  return null;
}

export function kindOf(raw: RawScenario, name: string): 'node' | 'group' | 'resource' | null {
  if (nodesOf(raw).some((n) => n.name === name)) return 'node';
  if (groupsOf(raw).some((g) => g.name === name)) return 'group';
  return findResource(raw, name) ? 'resource' : null;
}

/** A resource's providers as AND-of-OR sets; null when its dependsOn cannot be read. */
export function readDeps(r: RawResource): string[][] | null {
  const d = r.dependsOn;
  if (d === undefined) return [];
  if (Array.isArray(d)) return d.every((n) => typeof n === 'string') ? d.map((n) => [n]) : null;
  if (typeof d === 'string') {
    const p = parseDependencyExpr(d);
    return p.ok ? p.expr.filter((s) => s.length > 0) : null;
  }
  return null;
}

/** Writes sets back: a plain array when every set is a single name (AND), else a WSFC expression. */
function writeDeps(r: RawResource, sets: string[][]): void {
  const clean = sets.filter((s) => s.length > 0);
  if (clean.length === 0) delete r.dependsOn;
  else if (clean.every((s) => s.length === 1)) r.dependsOn = clean.map((s) => s[0]);
  else r.dependsOn = formatDependencyExpr(clean);
}

/** Every name a resource depends on (flattened). */
export function providersOf(r: RawResource): string[] {
  return (readDeps(r) ?? []).flat();
}

/** Is `target` reachable from `start` following dependsOn inside the group? Returns the path or null. */
function dependencyPath(g: RawGroup, start: string, target: string): string[] | null {
  const byName = new Map(resourcesOf(g).map((r) => [r.name, r]));
  const seen = new Set<string>();
  const walk = (name: string, path: string[]): string[] | null => {
    if (name === target) return path;
    if (seen.has(name)) return null;
    seen.add(name);
    const r = byName.get(name);
    for (const p of r ? providersOf(r) : []) {
      const found = walk(p, [...path, p]);
      if (found) return found;
    }
    return null;
  };
  return walk(start, [start]);
}

// ---------------------------------------------------------------------------------------------
// Names

function clone(raw: RawScenario): RawScenario {
  return structuredClone(raw);
}

/** Why `name` cannot be used as a new name, or null. Names share one namespace, compared case-insensitively. */
export function nameProblem(raw: RawScenario, name: string, except?: string): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'a name cannot be empty';
  if (name !== name.trim()) return 'a name cannot start or end with spaces';
  const lower = name.toLowerCase();
  const clash = allNames(raw).find((n) => n !== except && n.toLowerCase() === lower);
  return clash !== undefined
    ? `the name ${q(name)} is already used by ${kindOf(raw, clash)} ${q(clash)} (names of nodes, groups and resources are unique, whatever the letter case)`
    : null;
}

/** `base`, `base 2`, `base 3`, ... : the first that is free. */
export function uniqueName(raw: RawScenario, base: string): string {
  const taken = new Set(allNames(raw).map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
}

function renameInList(list: unknown, from: string, to: string): void {
  if (Array.isArray(list))
    list.forEach((v, i) => {
      if (v === from) list[i] = to;
    });
}

const SCRIPT_REF_KEYS = { node: ['node'], group: ['group'], resource: ['resource'] } as const;

export function rename(raw0: RawScenario, from: string, to: string): EditResult {
  const kind = kindOf(raw0, from);
  if (!kind) return refuse(`there is no node, group or resource named ${q(from)}`);
  if (from === to) return ok(raw0);
  const problem = nameProblem(raw0, to, from);
  if (problem) return refuse(problem);
  const raw = clone(raw0);
  if (kind === 'node') {
    const n = nodesOf(raw).find((x) => x.name === from)!;
    n.name = to;
    for (const g of groupsOf(raw)) {
      if (g.ownerNode === from) g.ownerNode = to;
      renameInList(g.preferredOwners, from, to);
      for (const r of resourcesOf(g)) renameInList(r.possibleOwners, from, to);
    }
  } else if (kind === 'group') {
    groupsOf(raw).find((g) => g.name === from)!.name = to;
  } else {
    const { group, resource } = findResource(raw, from)!;
    resource.name = to;
    for (const r of resourcesOf(group)) {
      const sets = readDeps(r);
      if (sets && sets.flat().includes(from))
        writeDeps(
          r,
          sets.map((s) => s.map((n) => (n === from ? to : n))),
        );
    }
  }
  for (const entry of Array.isArray(raw.script) ? raw.script : []) {
    for (const key of SCRIPT_REF_KEYS[kind]) if (isObj(entry) && entry[key] === from) entry[key] = to;
  }
  const pos = raw.ui?.positions;
  if (isObj(pos) && from in pos) {
    pos[to] = pos[from];
    delete pos[from];
  }
  return ok(raw);
}

// ---------------------------------------------------------------------------------------------
// Adding and deleting

export function addNode(raw0: RawScenario, name?: string): EditResult {
  const raw = clone(raw0);
  const n = name ?? uniqueName(raw, `NODE${nodesOf(raw).length + 1}`);
  const problem = nameProblem(raw, n);
  if (problem) return refuse(problem);
  raw.nodes = [...nodesOf(raw), { name: n }];
  return ok(raw, `Added node ${q(n)}`);
}

export function addGroup(raw0: RawScenario, name?: string): EditResult {
  const raw = clone(raw0);
  const n = name ?? uniqueName(raw, `Group ${groupsOf(raw).length + 1}`);
  const problem = nameProblem(raw, n);
  if (problem) return refuse(problem);
  raw.groups = [...groupsOf(raw), { name: n, resources: [] }];
  return ok(raw, `Added group ${q(n)}`);
}

/** Adds a resource of `type` to `group` (the engine supplies the type's default behaviour and properties). */
export function addResource(raw0: RawScenario, group: string, type: string, name?: string): EditResult {
  const raw = clone(raw0);
  const g = groupsOf(raw).find((x) => x.name === group);
  if (!g)
    return refuse(
      groupsOf(raw).length
        ? `there is no group named ${q(group)}`
        : 'add a group first: every resource belongs to a group',
    );
  const n = name ?? uniqueName(raw, type);
  const problem = nameProblem(raw, n);
  if (problem) return refuse(problem);
  g.resources = [...resourcesOf(g), { name: n, type }];
  return ok(raw, `Added ${type} ${q(n)} to ${q(group)}`);
}

function dropScriptRefs(raw: RawScenario, names: Set<string>): number {
  if (!Array.isArray(raw.script)) return 0;
  const before = raw.script.length;
  raw.script = raw.script.filter(
    (e) =>
      !(isObj(e) && ['node', 'group', 'resource'].some((k) => typeof e[k] === 'string' && names.has(e[k] as string))),
  );
  return before - raw.script.length;
}

function dropPositions(raw: RawScenario, names: Iterable<string>): void {
  const pos = raw.ui?.positions;
  if (isObj(pos)) for (const n of names) delete pos[n];
}

const scriptNote = (n: number) => (n ? `; removed ${n} script action${n === 1 ? '' : 's'} that referred to it` : '');

export function deleteNode(raw0: RawScenario, name: string): EditResult {
  const raw = clone(raw0);
  if (!nodesOf(raw).some((n) => n.name === name)) return refuse(`there is no node named ${q(name)}`);
  raw.nodes = nodesOf(raw).filter((n) => n.name !== name);
  for (const g of groupsOf(raw)) {
    if (g.ownerNode === name) delete g.ownerNode;
    if (Array.isArray(g.preferredOwners)) {
      g.preferredOwners = g.preferredOwners.filter((n) => n !== name);
      if (g.preferredOwners.length === 0) delete g.preferredOwners;
    }
    for (const r of resourcesOf(g)) {
      if (Array.isArray(r.possibleOwners)) {
        r.possibleOwners = r.possibleOwners.filter((n) => n !== name);
        if (r.possibleOwners.length === 0) delete r.possibleOwners;
      }
    }
  }
  const dropped = dropScriptRefs(raw, new Set([name]));
  dropPositions(raw, [name]);
  return ok(raw, `Deleted node ${q(name)}${scriptNote(dropped)}`);
}

export function deleteGroup(raw0: RawScenario, name: string): EditResult {
  const raw = clone(raw0);
  const g = groupsOf(raw).find((x) => x.name === name);
  if (!g) return refuse(`there is no group named ${q(name)}`);
  const gone = [name, ...resourcesOf(g).map((r) => r.name)];
  raw.groups = groupsOf(raw).filter((x) => x.name !== name);
  const dropped = dropScriptRefs(raw, new Set(gone));
  dropPositions(raw, gone);
  const n = gone.length - 1;
  return ok(
    raw,
    `Deleted group ${q(name)}${n ? ` and its ${n} resource${n === 1 ? '' : 's'}` : ''}${scriptNote(dropped)}`,
  );
}

export function deleteResource(raw0: RawScenario, name: string): EditResult {
  const raw = clone(raw0);
  const found = findResource(raw, name);
  if (!found) return refuse(`there is no resource named ${q(name)}`);
  found.group.resources = resourcesOf(found.group).filter((r) => r.name !== name);
  for (const r of resourcesOf(found.group)) {
    const sets = readDeps(r);
    if (sets && sets.flat().includes(name))
      writeDeps(
        r,
        sets.map((s) => s.filter((n) => n !== name)),
      );
  }
  const dropped = dropScriptRefs(raw, new Set([name]));
  dropPositions(raw, [name]);
  return ok(raw, `Deleted resource ${q(name)}${scriptNote(dropped)}`);
}

/** Deletes whatever `name` is. */
export function deleteElement(raw: RawScenario, name: string): EditResult {
  const kind = kindOf(raw, name);
  if (kind === 'node') return deleteNode(raw, name);
  if (kind === 'group') return deleteGroup(raw, name);
  if (kind === 'resource') return deleteResource(raw, name);
  return refuse(`there is no node, group or resource named ${q(name)}`);
}

// ---------------------------------------------------------------------------------------------
// Dependencies

/**
 * Makes `dependent` depend on `provider` (a new AND term). Refuses a self-dependency, a cross-group
 * edge, a duplicate and a cycle, with the reason.
 */
export function addDependency(raw0: RawScenario, dependent: string, provider: string): EditResult {
  if (dependent === provider) return refuse(`${q(dependent)} cannot depend on itself`);
  const raw = clone(raw0);
  const a = findResource(raw, dependent);
  const b = findResource(raw, provider);
  if (!a) return refuse(`there is no resource named ${q(dependent)}`);
  if (!b) return refuse(`there is no resource named ${q(provider)}`);
  if (a.group !== b.group) {
    return refuse(
      `${q(dependent)} is in group ${q(a.group.name)} and ${q(provider)} is in group ${q(b.group.name)}: a resource can depend only on resources of its own group`,
    );
  }
  const sets = readDeps(a.resource);
  if (!sets)
    return refuse(`the dependency expression of ${q(dependent)} cannot be read; fix it in the inspector first`);
  if (sets.flat().includes(provider)) return refuse(`${q(dependent)} already depends on ${q(provider)}`);
  const path = dependencyPath(a.group, provider, dependent);
  if (path) {
    const chain = path.map(q).join(' → ');
    return refuse(
      `that would make a cycle: ${chain} already (${q(provider)} depends on ${q(dependent)}${path.length > 2 ? ' through ' + path.slice(1, -1).map(q).join(', ') : ''})`,
    );
  }
  writeDeps(a.resource, [...sets, [provider]]);
  return ok(raw, `${q(dependent)} now depends on ${q(provider)}`);
}

export function removeDependency(raw0: RawScenario, dependent: string, provider: string): EditResult {
  const raw = clone(raw0);
  const a = findResource(raw, dependent);
  if (!a) return refuse(`there is no resource named ${q(dependent)}`);
  const sets = readDeps(a.resource);
  if (!sets || !sets.flat().includes(provider)) return refuse(`${q(dependent)} does not depend on ${q(provider)}`);
  writeDeps(
    a.resource,
    sets.map((s) => s.filter((n) => n !== provider)),
  );
  return ok(raw, `${q(dependent)} no longer depends on ${q(provider)}`);
}

/**
 * Flips the set holding `provider` between AND and OR. An OR set splits into separate AND terms;
 * an AND term joins every other single-name AND term of the resource into one OR set (the resource
 * then needs any one of them). Refused when there is no other AND term to join.
 */
export function toggleOrSet(raw0: RawScenario, dependent: string, provider: string): EditResult {
  const raw = clone(raw0);
  const a = findResource(raw, dependent);
  if (!a) return refuse(`there is no resource named ${q(dependent)}`);
  const sets = readDeps(a.resource);
  if (!sets) return refuse(`the dependency expression of ${q(dependent)} cannot be read`);
  const idx = sets.findIndex((s) => s.includes(provider));
  if (idx < 0) return refuse(`${q(dependent)} does not depend on ${q(provider)}`);
  if (sets[idx].length > 1) {
    const split = sets.flatMap((s, i) => (i === idx ? s.map((n) => [n]) : [s]));
    writeDeps(a.resource, split);
    return ok(raw, `${q(dependent)} now needs all of ${sets[idx].map(q).join(', ')} (AND)`);
  }
  const singles = sets.filter((s) => s.length === 1).map((s) => s[0]);
  if (singles.length < 2)
    return refuse(`an OR set needs at least two providers: add another dependency of ${q(dependent)} first`);
  const rest = sets.filter((s) => s.length > 1);
  writeDeps(a.resource, [singles, ...rest]);
  return ok(raw, `${q(dependent)} now needs any one of ${singles.map(q).join(', ')} (OR)`);
}

// ---------------------------------------------------------------------------------------------
// Moving a resource

/**
 * Moves a resource to another group. Dependencies may not cross groups, so the moved resource's
 * dependencies and the dependencies on it are dropped, and the message says which (undo restores
 * them). Dropping (rather than refusing) keeps drag-and-drop useful: a user moving a resource wants
 * it moved, and the message plus undo make the cost visible and reversible.
 */
export function moveResourceToGroup(
  raw0: RawScenario,
  resource: string,
  group: string,
  position?: Position,
): EditResult {
  const raw = clone(raw0);
  const found = findResource(raw, resource);
  if (!found) return refuse(`there is no resource named ${q(resource)}`);
  const target = groupsOf(raw).find((g) => g.name === group);
  if (!target) return refuse(`there is no group named ${q(group)}`);
  if (target === found.group) return refuse(`${q(resource)} is already in ${q(group)}`);
  const dropped: string[] = [];
  for (const p of providersOf(found.resource)) dropped.push(`${q(resource)} → ${q(p)}`);
  delete found.resource.dependsOn;
  found.group.resources = resourcesOf(found.group).filter((r) => r.name !== resource);
  for (const r of resourcesOf(found.group)) {
    const sets = readDeps(r);
    if (sets && sets.flat().includes(resource)) {
      dropped.push(`${q(r.name)} → ${q(resource)}`);
      writeDeps(
        r,
        sets.map((s) => s.filter((n) => n !== resource)),
      );
    }
  }
  target.resources = [...resourcesOf(target), found.resource];
  if (position) setPos(raw, resource, position);
  else dropPositions(raw, [resource]);
  const note = dropped.length
    ? `; dropped ${dropped.length} cross-group dependenc${dropped.length === 1 ? 'y' : 'ies'}: ${dropped.join(', ')}`
    : '';
  return ok(raw, `Moved ${q(resource)} to ${q(group)}${note}`);
}

// ---------------------------------------------------------------------------------------------
// Properties and fields

/** Where a scope's values live in the raw JSON, created on demand. */
function scopeObject(raw: RawScenario, scope: PropertyScope, target: string | undefined, create: boolean): Dict | null {
  const ensure = (holder: Dict, key: string): Dict | null => {
    if (isObj(holder[key])) return holder[key] as Dict;
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

function pathOf(raw: RawScenario, name: string | undefined): string {
  if (name === undefined) return '';
  const ni = nodesOf(raw).findIndex((n) => n.name === name);
  if (ni >= 0) return `nodes[${ni}]`;
  const gi = groupsOf(raw).findIndex((g) => g.name === name);
  if (gi >= 0) return `groups[${gi}]`;
  const r = findResource(raw, name);
  return r ? `groups[${r.gi}].resources[${r.ri}]` : '';
}

/**
 * Sets a plain field (`name`, `until`, a node's `state`, a group's `ownerNode`, a resource's `type`,
 * ...) of the scenario (`target` undefined) or of the named element; `undefined` removes it. The
 * result is checked with the engine's validateScenario: a new error at that field refuses the edit
 * with the engine's message.
 */
export function setField(raw0: RawScenario, target: string | undefined, key: string, value: unknown): EditResult {
  const raw = clone(raw0);
  let holder: Dict | undefined = raw;
  if (target !== undefined) {
    const kind = kindOf(raw, target);
    holder =
      kind === 'node'
        ? nodesOf(raw).find((n) => n.name === target)
        : kind === 'group'
          ? groupsOf(raw).find((g) => g.name === target)
          : kind === 'resource'
            ? findResource(raw, target)!.resource
            : undefined;
    if (!holder) return refuse(`there is no node, group or resource named ${q(target)}`);
  }
  if (key === 'name' && target !== undefined) return rename(raw0, target, String(value));
  if (value === undefined) delete holder[key];
  else holder[key] = value;
  const base = pathOf(raw, target);
  const path = base ? `${base}.${key}` : key;
  const before = new Set(errorsOf(raw0).map((e) => `${e.path}|${e.message}`));
  const fresh = errorsOf(raw).filter(
    (e) =>
      (e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`)) &&
      !before.has(`${e.path}|${e.message}`),
  );
  if (fresh.length) return refuse(fresh[0].message);
  return ok(raw);
}

/** The cluster's startTime lives under `cluster`. */
export function setClusterField(raw0: RawScenario, key: string, value: unknown): EditResult {
  const raw = clone(raw0);
  const cluster = isObj(raw.cluster) ? raw.cluster : (raw.cluster = {});
  if (value === undefined) delete cluster[key];
  else cluster[key] = value;
  const path = `cluster.${key}`;
  const before = new Set(errorsOf(raw0).map((e) => `${e.path}|${e.message}`));
  const fresh = errorsOf(raw).filter((e) => e.path.startsWith(path) && !before.has(`${e.path}|${e.message}`));
  return fresh.length ? refuse(fresh[0].message) : ok(raw);
}

function errorsOf(raw: RawScenario) {
  const v = validateScenario(raw);
  return v.ok ? [] : v.errors;
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

// ---------------------------------------------------------------------------------------------
// Positions (`ui.positions`, keyed by name: nodes and groups absolute, resources relative to their group)

function setPos(raw: RawScenario, name: string, p: Position): void {
  const ui: RawUi = isObj(raw.ui) ? raw.ui : (raw.ui = {});
  const positions = isObj(ui.positions) ? ui.positions : (ui.positions = {});
  positions[name] = { x: Math.round(p.x), y: Math.round(p.y) };
}

export function setPositions(raw0: RawScenario, positions: Record<string, Position>): EditResult {
  const raw = clone(raw0);
  for (const [name, p] of Object.entries(positions)) {
    if (!kindOf(raw, name)) return refuse(`there is no node, group or resource named ${q(name)}`);
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return refuse('a position needs finite x and y');
    setPos(raw, name, p);
  }
  return ok(raw);
}

export function getPosition(raw: RawScenario, name: string): Position | undefined {
  const p = raw.ui?.positions?.[name];
  return isObj(p) && typeof p.x === 'number' && typeof p.y === 'number' ? { x: p.x, y: p.y } : undefined;
}
