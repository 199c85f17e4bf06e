/**
 * A dump's DependencyExpression text → the scenario's `dependsOn` (§2.8). Terms may be names or
 * `[guid]`s; a term naming a resource of another group or no resource at all is dropped with a
 * warning (§3.4). A name holding `]` cannot be written in the expression form (scenario-format.md §1),
 * so such a dependency is kept in the list form when every term is required (AND), and dropped with
 * a warning from an OR set.
 */
import { formatDependencyExpr } from './engineDeps';
import type { Reader } from './importReader';
import type { PendingDependency } from './importRoles';
import { asArray, asName, isObject, prop, type JsonObject } from './psJson';
import { parseWsfcDependencyText } from './wsfcDependencyText';

export function resolveDependencies(rd: Reader, root: JsonObject, pending: PendingDependency[]): void {
  // Resource IDs, so that a `[guid]` term of an expression maps back to a name (§1.5 -Guid form).
  const byId = new Map<string, string>();
  const groupOf = new Map<string, string>();
  for (const raw of asArray(prop(root, 'Resources'))) {
    if (!isObject(raw)) continue;
    const name = asName(raw);
    const id = prop(raw, 'Id');
    if (name && typeof id === 'string') byId.set(id.toLowerCase(), name);
    const group = asName(prop(raw, 'OwnerGroup') ?? null);
    if (name && group) groupOf.set(name, group);
  }
  const allNames = [...groupOf.keys()];

  for (const { g, json, path, expr } of pending) {
    const at = `${path}.DependencyExpression`;
    const dependent = String(json.name);
    const parsed = parseWsfcDependencyText(expr, allNames);
    if (!parsed.ok) {
      rd.error(at, `cannot read "${expr}": ${parsed.message}`);
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
            at,
            `"${dependent}" depends on "${name}" in group "${groupOf.get(name)}": a dependency may not cross groups, dropped (fix on the cluster with Move-ClusterResource)`,
          );
        } else rd.warn(at, `"${dependent}" depends on unknown resource "${name}": dropped`);
      }
      if (kept.length > 0) sets.push([...new Set(kept)]);
    }
    if (sets.length === 0) continue;
    if (sets.every((s) => s.length === 1)) {
      json.dependsOn = sets.map((s) => s[0]);
      continue;
    }
    // An OR set needs the expression form, which cannot hold a name with "]".
    const written = sets
      .map((s) =>
        s.filter((n) => {
          if (!n.includes(']')) return true;
          rd.warn(
            at,
            `"${dependent}" depends on "${n}" in an OR set, and an expression cannot write a name holding "]": that term is dropped`,
          );
          return false;
        }),
      )
      .filter((s) => s.length > 0);
    if (written.length === 0) continue;
    json.dependsOn = written.every((s) => s.length === 1) ? written.map((s) => s[0]) : formatDependencyExpr(written);
  }
}
