/**
 * The scenario's node, group and resource names (contract §1: unique within their kind), gathered
 * before the main walk so that references to elements later in the file resolve, and duplicates
 * within a kind (exact or differing only in letter case) are found. A group and a resource (or a
 * node and either) may share a name, as WSFC's defaults do (role "FS1" and its Network Name "FS1"),
 * so every lookup says which kind it wants. Names are data: maps only, never plain objects (§4.8).
 */
import { parseDependencyExpr } from '../policies/dependencyExpr';
import { child, isName, isPlainObject, item, q } from './paths';

export type ElementKind = 'node' | 'group' | 'resource';

export const ELEMENT_KINDS: readonly ElementKind[] = ['node', 'group', 'resource'];

export interface NamedElement {
  kind: ElementKind;
  name: string;
  /** The element's own path, e.g. `groups[0].resources[1]`. */
  path: string;
  /** Position in scan order (document order of the elements). */
  order: number;
  /** Position among the elements of its kind, in scan order. */
  seq: number;
  /** For resources: the owning group's index and name (null when the group has no usable name). */
  groupIndex: number;
  groupName: string | null;
  /** For resources: every name the dependsOn value mentions, when it can be read. */
  dependsOnNames: string[];
}

/** The names of one kind. */
class KindNames {
  readonly elements: NamedElement[] = [];
  readonly exact = new Map<string, NamedElement>();
  readonly folded = new Map<string, NamedElement>();
  /** The names in document order, built once when first asked for (suggestions). */
  names: string[] | null = null;
}

export class NameRegistry {
  readonly elements: NamedElement[] = [];
  private readonly kinds = new Map<ElementKind, KindNames>(ELEMENT_KINDS.map((k) => [k, new KindNames()]));
  /** Element path → the earlier element of its kind whose name it repeats (exactly or up to letter case). */
  private readonly duplicates = new Map<string, NamedElement>();
  private readonly byGroup = new Map<number, NamedElement[]>();

  /** Takes `e` (a fresh object) as the element, setting `order` and `seq` (no copy: 100,000 copies cost ½ s). */
  add(e: Omit<NamedElement, 'order' | 'seq'>): void {
    const names = this.kinds.get(e.kind)!;
    const el = e as NamedElement;
    el.order = this.elements.length;
    el.seq = names.elements.length;
    this.elements.push(el);
    names.elements.push(el);
    const key = el.name.toLowerCase();
    const first = names.folded.get(key);
    if (first) this.duplicates.set(el.path, first);
    else names.folded.set(key, el);
    if (!names.exact.has(el.name)) names.exact.set(el.name, el);
    if (el.kind === 'resource') {
      const list = this.byGroup.get(el.groupIndex);
      if (list) list.push(el);
      else this.byGroup.set(el.groupIndex, [el]);
    }
  }

  /** The first element of `kind` with exactly this name. */
  lookup(kind: ElementKind, name: string): NamedElement | undefined {
    return this.kinds.get(kind)!.exact.get(name);
  }

  /** The kinds other than `kind` that have an element with exactly this name, in node, group, resource order. */
  otherKindsNamed(kind: ElementKind, name: string): ElementKind[] {
    return ELEMENT_KINDS.filter((k) => k !== kind && this.kinds.get(k)!.exact.has(name));
  }

  duplicateOf(path: string): NamedElement | undefined {
    return this.duplicates.get(path);
  }

  namesOf(kind: ElementKind): string[] {
    const names = this.kinds.get(kind)!;
    names.names ??= names.elements.map((e) => e.name);
    return names.names;
  }

  resourcesOfGroup(groupIndex: number): NamedElement[] {
    return this.byGroup.get(groupIndex) ?? [];
  }

  resources(): readonly NamedElement[] {
    return this.kinds.get('resource')!.elements;
  }
}

function dependsOnNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') {
    const parsed = parseDependencyExpr(value);
    if (parsed.ok) return parsed.expr.flat();
  }
  return [];
}

/** Scan nodes, groups and resources in document order (top-level key order, then array order). */
export function collectNames(root: Record<string, unknown>): NameRegistry {
  const reg = new NameRegistry();
  for (const key of Object.keys(root)) {
    const list = root[key];
    if (!Array.isArray(list)) continue;
    if (key === 'nodes') {
      list.forEach((n, i) => {
        if (isPlainObject(n) && isName(n.name)) {
          reg.add({
            kind: 'node',
            name: n.name,
            path: item('nodes', i),
            groupIndex: -1,
            groupName: null,
            dependsOnNames: [],
          });
        }
      });
    } else if (key === 'groups') {
      list.forEach((g, gi) => {
        if (!isPlainObject(g)) return;
        const gPath = item('groups', gi);
        const groupName = isName(g.name) ? g.name : null;
        if (groupName !== null)
          reg.add({ kind: 'group', name: groupName, path: gPath, groupIndex: gi, groupName, dependsOnNames: [] });
        const resources = Object.hasOwn(g, 'resources') ? g.resources : undefined;
        if (!Array.isArray(resources)) return;
        resources.forEach((r, ri) => {
          if (isPlainObject(r) && isName(r.name)) {
            reg.add({
              kind: 'resource',
              name: r.name,
              path: item(child(gPath, 'resources'), ri),
              groupIndex: gi,
              groupName,
              dependsOnNames: Object.hasOwn(r, 'dependsOn') ? dependsOnNames(r.dependsOn) : [],
            });
          }
        });
      });
    }
  }
  return reg;
}

/** The message for an element whose name repeats an earlier one of its kind, or null. */
export function duplicateNameMessage(reg: NameRegistry, kind: ElementKind, name: string, path: string): string | null {
  const first = reg.duplicateOf(path);
  if (!first) return null;
  const caseOnly = first.name !== name;
  return (
    `${kind} ${q(name)} has the same name as ${first.kind} ${q(first.name)} at ${child(first.path, 'name')}` +
    (caseOnly ? ' (they differ only in letter case)' : '') +
    `; ${kind} names must be unique among ${kind}s, ignoring letter case`
  );
}
