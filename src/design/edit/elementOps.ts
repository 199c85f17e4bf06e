/**
 * Adding, renaming, deleting and editing the plain fields of nodes, groups and resources. Every
 * element is addressed by kind and name (`ElementRef`): a group and a resource may share a name
 * (contract §1), and renaming or deleting one never touches the other. Name clashes are judged by
 * the engine's validation, so the refusal is the engine's message.
 */
import { SCENARIO_FORMAT, validateScenario } from '../../engine';
import { dropPositions, renamePosition } from './positions';
import { dropNodeFromNetworkRefs, renameNodeInNetworkRefs } from '../nodeNetworkRefs';
import {
  clone,
  findElement,
  findResource,
  groupsOf,
  isObj,
  namesOf,
  nodesOf,
  ok,
  pathOf,
  q,
  readDeps,
  refuse,
  resourcesOf,
  writeDeps,
  type Dict,
  type EditResult,
  type ElementKind,
  type ElementRef,
  type RawScenario,
} from './raw';

export function emptyScenario(name = 'New design'): RawScenario {
  return { format: SCENARIO_FORMAT, name, nodes: [], groups: [] };
}

/** Raw JSON → an editable raw scenario, or why it cannot be edited. */
export function asRawScenario(json: unknown): { ok: true; raw: RawScenario } | { ok: false; reason: string } {
  if (!isObj(json)) return { ok: false, reason: 'a scenario file is a JSON object' };
  return { ok: true, raw: structuredClone(json) as RawScenario };
}

function errorsOf(raw: RawScenario) {
  const v = validateScenario(raw);
  return v.ok ? [] : v.errors;
}

/** Errors of `after` that `before` does not have and that satisfy `where`. */
function freshErrors(before: RawScenario, after: RawScenario, where: (path: string) => boolean) {
  const old = new Set(errorsOf(before).map((e) => `${e.path}|${e.message}`));
  return errorsOf(after).filter((e) => where(e.path) && !old.has(`${e.path}|${e.message}`));
}

/**
 * The engine's reason a name edit is invalid, or null: a clash within the kind, or (a resource name
 * holding `]`) a dependency expression that can no longer be written.
 */
function nameRefusal(before: RawScenario, after: RawScenario): string | null {
  return freshErrors(before, after, (p) => /\.name$|\.dependsOn\b/.test(p))[0]?.message ?? null;
}

/** Why `name` cannot be a name at all (the editor's own rule: no empty names, no edge spaces), or null. */
export function nameShapeProblem(name: string): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'a name cannot be empty';
  if (name !== name.trim()) return 'a name cannot start or end with spaces';
  return null;
}

/** `base`, `base 2`, `base 3`, ...: the first no element of `kind` has (ignoring letter case). */
export function uniqueName(raw: RawScenario, kind: ElementKind, base: string): string {
  const taken = new Set(namesOf(raw, kind).map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
}

function renameInList(list: unknown, from: string, to: string): void {
  if (Array.isArray(list))
    list.forEach((v, i) => {
      if (v === from) list[i] = to;
    });
}

export function rename(raw0: RawScenario, ref: ElementRef, to: string): EditResult {
  const { kind, name: from } = ref;
  if (!findElement(raw0, ref)) return refuse(`there is no ${kind} named ${q(from)}`);
  if (from === to) return ok(raw0);
  const shape = nameShapeProblem(to);
  if (shape) return refuse(shape);
  const raw = clone(raw0);
  renamePosition(raw, ref, to);
  if (kind === 'node') {
    nodesOf(raw).find((x) => x.name === from)!.name = to;
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
  // Each script argument names one kind (node, group, resource): only that kind's references follow.
  for (const entry of Array.isArray(raw.script) ? raw.script : [])
    if (isObj(entry) && entry[kind] === from) entry[kind] = to;
  if (kind === 'node') renameNodeInNetworkRefs(raw, from, to);
  const why = nameRefusal(raw0, raw);
  return why ? refuse(why) : ok(raw);
}

// ---------------------------------------------------------------------------------------------
// Adding and deleting

function added(raw0: RawScenario, raw: RawScenario, name: string, message: string): EditResult {
  const shape = nameShapeProblem(name);
  if (shape) return refuse(shape);
  const why = nameRefusal(raw0, raw);
  return why ? refuse(why) : ok(raw, message);
}

export function addNode(raw0: RawScenario, name?: string): EditResult {
  const raw = clone(raw0);
  const n = name ?? uniqueName(raw, 'node', `NODE${nodesOf(raw).length + 1}`);
  raw.nodes = [...nodesOf(raw), { name: n }];
  return added(raw0, raw, n, `Added node ${q(n)}`);
}

export function addGroup(raw0: RawScenario, name?: string): EditResult {
  const raw = clone(raw0);
  const n = name ?? uniqueName(raw, 'group', `Group ${groupsOf(raw).length + 1}`);
  raw.groups = [...groupsOf(raw), { name: n, resources: [] }];
  return added(raw0, raw, n, `Added group ${q(n)}`);
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
  const n = name ?? uniqueName(raw, 'resource', type);
  g.resources = [...resourcesOf(g), { name: n, type }];
  return added(raw0, raw, n, `Added ${type} ${q(n)} to ${q(group)}`);
}

/** Drops the script entries that name any of `refs` in the argument of their kind. */
function dropScriptRefs(raw: RawScenario, refs: readonly ElementRef[]): number {
  if (!Array.isArray(raw.script)) return 0;
  const before = raw.script.length;
  raw.script = raw.script.filter((e) => !(isObj(e) && refs.some((ref) => e[ref.kind] === ref.name)));
  return before - raw.script.length;
}

const scriptNote = (n: number) => (n ? `; removed ${n} script action${n === 1 ? '' : 's'} that referred to it` : '');

export function deleteNode(raw0: RawScenario, name: string): EditResult {
  const raw = clone(raw0);
  if (!nodesOf(raw).some((n) => n.name === name)) return refuse(`there is no node named ${q(name)}`);
  const id = nodesOf(raw).findIndex((n) => n.name === name) + 1;
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
  const ref: ElementRef = { kind: 'node', name };
  const dropped = dropScriptRefs(raw, [ref]) + dropNodeFromNetworkRefs(raw, name, id);
  dropPositions(raw, [ref]);
  return ok(raw, `Deleted node ${q(name)}${scriptNote(dropped)}`);
}

export function deleteGroup(raw0: RawScenario, name: string): EditResult {
  const raw = clone(raw0);
  const g = groupsOf(raw).find((x) => x.name === name);
  if (!g) return refuse(`there is no group named ${q(name)}`);
  const gone: ElementRef[] = [
    { kind: 'group', name },
    ...resourcesOf(g).map((r) => ({ kind: 'resource' as const, name: r.name })),
  ];
  raw.groups = groupsOf(raw).filter((x) => x.name !== name);
  const dropped = dropScriptRefs(raw, gone);
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
  const ref: ElementRef = { kind: 'resource', name };
  const dropped = dropScriptRefs(raw, [ref]);
  dropPositions(raw, [ref]);
  return ok(raw, `Deleted resource ${q(name)}${scriptNote(dropped)}`);
}

/** Deletes the element `ref` names (only that kind: a resource named like a group stays). */
export function deleteElement(raw: RawScenario, ref: ElementRef): EditResult {
  if (ref.kind === 'node') return deleteNode(raw, ref.name);
  if (ref.kind === 'group') return deleteGroup(raw, ref.name);
  return deleteResource(raw, ref.name);
}

// ---------------------------------------------------------------------------------------------
// Plain fields

/**
 * Sets a plain field (`name`, `until`, a node's `state`, a group's `ownerNode`, a resource's `type`,
 * ...) of the scenario (`target` undefined) or of the element `target`; `undefined` removes it. The
 * result is checked with the engine's validateScenario: a new error at that field refuses the edit
 * with the engine's message.
 */
export function setField(raw0: RawScenario, target: ElementRef | undefined, key: string, value: unknown): EditResult {
  if (key === 'name' && target !== undefined) return rename(raw0, target, String(value));
  const raw = clone(raw0);
  const holder: Dict | undefined = target === undefined ? raw : findElement(raw, target);
  if (!holder) return refuse(`there is no ${target!.kind} named ${q(target!.name)}`);
  if (value === undefined) delete holder[key];
  else holder[key] = value;
  const base = pathOf(raw, target);
  const path = base ? `${base}.${key}` : key;
  const fresh = freshErrors(raw0, raw, (p) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`));
  return fresh.length ? refuse(fresh[0]!.message) : ok(raw);
}

/** The cluster's startTime lives under `cluster`. */
export function setClusterField(raw0: RawScenario, key: string, value: unknown): EditResult {
  const raw = clone(raw0);
  const cluster = isObj(raw.cluster) ? raw.cluster : (raw.cluster = {});
  if (value === undefined) delete cluster[key];
  else cluster[key] = value;
  const fresh = freshErrors(raw0, raw, (p) => p.startsWith(`cluster.${key}`));
  return fresh.length ? refuse(fresh[0]!.message) : ok(raw);
}
