/**
 * Dependency edits (resources only, so names here are resource names) and moving a resource to
 * another group. Refusals are judged locally where the engine would say the same: self and
 * cross-group dependencies, duplicates and cycles, each with the reason.
 */
import { dropPositions, putPosition } from './positions';
import {
  clone,
  findResource,
  groupsOf,
  ok,
  providersOf,
  q,
  readDeps,
  refuse,
  resourcesOf,
  writeDeps,
  type EditResult,
  type Position,
  type RawGroup,
  type RawScenario,
} from './raw';

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
  if (sets[idx]!.length > 1) {
    const split = sets.flatMap((s, i) => (i === idx ? s.map((n) => [n]) : [s]));
    writeDeps(a.resource, split);
    return ok(raw, `${q(dependent)} now needs all of ${sets[idx]!.map(q).join(', ')} (AND)`);
  }
  const singles = sets.flatMap((s) => (s.length === 1 ? s : []));
  const bracketed = singles.find((n) => n.includes(']'));
  if (bracketed !== undefined)
    return refuse(
      `${q(bracketed)} holds "]", which a dependency expression cannot write, so it cannot be part of an OR set`,
    );
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
  const ref = { kind: 'resource' as const, name: resource };
  if (position) putPosition(raw, ref, position);
  else dropPositions(raw, [ref]);
  const note = dropped.length
    ? `; dropped ${dropped.length} cross-group dependenc${dropped.length === 1 ? 'y' : 'ies'}: ${dropped.join(', ')}`
    : '';
  return ok(raw, `Moved ${q(resource)} to ${q(group)}${note}`);
}
