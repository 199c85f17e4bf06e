/**
 * Dependency arithmetic over AND-of-OR expressions (contract §4.1, §4.4). Pure functions.
 */
import type { DependencyExpr } from '../model/scenario';

/** Every AND member and at least one member of every OR set satisfies `isUp`. */
export function providersSatisfied(expr: DependencyExpr, isUp: (name: string) => boolean): boolean {
  for (const orSet of expr) {
    if (!orSet.some(isUp)) return false;
  }
  return true;
}

/** All names an expression mentions, in order of first appearance. */
export function providerNames(expr: DependencyExpr): string[] {
  const seen = new Set<string>();
  for (const orSet of expr) for (const n of orSet) seen.add(n);
  return [...seen];
}

/**
 * Direct dependents of each resource (reverse edges), in the order of `names`.
 */
export function dependentsMap(entries: readonly { name: string; dependsOn: DependencyExpr }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of entries) map.set(e.name, []);
  for (const e of entries) for (const p of providerNames(e.dependsOn)) map.get(p)?.push(e.name);
  return map;
}

/** Top-level resources: those no other resource depends on (MS-CMRP group state derivation). */
export function topLevel(entries: readonly { name: string; dependsOn: DependencyExpr }[]): string[] {
  const deps = dependentsMap(entries);
  return entries.filter((e) => (deps.get(e.name) ?? []).length === 0).map((e) => e.name);
}

/** Providers-first order (a topological order, ties by input order). Assumes no cycles. */
export function providersFirst(entries: readonly { name: string; dependsOn: DependencyExpr }[]): string[] {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (n: string) => {
    if (done.has(n)) return;
    done.add(n);
    const e = byName.get(n);
    if (!e) return;
    for (const p of providerNames(e.dependsOn)) visit(p);
    out.push(n);
  };
  for (const e of entries) visit(e.name);
  return out;
}

/**
 * Longest-path layering for drawing dependency graphs: a name's layer is 0 when `next` gives it
 * nothing, else 1 + the deepest layer among `next(name)`. Pass providers for "providers on top",
 * dependents for "dependents on top". Cycle-safe (a back edge counts as layer 0).
 */
export function longestPathLayers(
  names: readonly string[],
  next: (name: string) => readonly string[],
): Map<string, number> {
  const layer = new Map<string, number>();
  const onStack = new Set<string>();
  const visit = (n: string): number => {
    const known = layer.get(n);
    if (known !== undefined) return known;
    if (onStack.has(n)) return 0;
    onStack.add(n);
    const ns = next(n);
    const l = ns.length ? 1 + Math.max(...ns.map(visit)) : 0;
    onStack.delete(n);
    layer.set(n, l);
    return l;
  };
  names.forEach(visit);
  return layer;
}
