/**
 * The raw scenario JSON the Design editor edits (what the user downloads), and the readers every
 * edit operation shares. Names are unique within their kind only (contract §1: a group and a
 * resource may share a name), so an element is always addressed by kind and name (`ElementRef`).
 */
import { formatDependencyExpr, parseDependencyExpr } from '../../engine';

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
  /** Before names were per kind: positions keyed by bare name (still read, see ./positions). */
  positions?: Record<string, Position>;
  /** Positions keyed by kind, then name: `{ node: {...}, group: {...}, resource: {...} }`. */
  positionsByKind?: Partial<Record<ElementKind, Record<string, Position>>>;
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

export type ElementKind = 'node' | 'group' | 'resource';
/** A node, group or resource: its kind and its name (names are unique only within a kind). */
export interface ElementRef {
  kind: ElementKind;
  name: string;
}

export type EditResult = { ok: true; raw: RawScenario; message?: string } | { ok: false; reason: string };

export const ok = (raw: RawScenario, message?: string): EditResult =>
  message ? { ok: true, raw, message } : { ok: true, raw };
export const refuse = (reason: string): EditResult => ({ ok: false, reason });
export const q = (name: string) => `"${name}"`;
export const isObj = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
export const clone = (raw: RawScenario): RawScenario => structuredClone(raw);

export const nodesOf = (raw: RawScenario): RawNode[] =>
  Array.isArray(raw.nodes) ? ((raw.nodes as unknown[]).filter(isObj) as RawNode[]) : [];
export const groupsOf = (raw: RawScenario): RawGroup[] =>
  Array.isArray(raw.groups) ? ((raw.groups as unknown[]).filter(isObj) as RawGroup[]) : [];
export const resourcesOf = (g: RawGroup): RawResource[] =>
  Array.isArray(g.resources) ? ((g.resources as unknown[]).filter(isObj) as RawResource[]) : [];

export function findResource(
  raw: RawScenario,
  name: string,
): { group: RawGroup; resource: RawResource; gi: number; ri: number } | null {
  const groups = groupsOf(raw);
  for (let gi = 0; gi < groups.length; gi++) {
    const group = groups[gi]!;
    const resources = resourcesOf(group);
    const ri = resources.findIndex((r) => r.name === name);
    if (ri >= 0) return { group, resource: resources[ri]!, gi, ri };
  }
  return null;
}

/** The element `ref` names, or undefined. */
export function findElement(raw: RawScenario, ref: ElementRef): RawNode | RawGroup | RawResource | undefined {
  if (ref.kind === 'node') return nodesOf(raw).find((n) => n.name === ref.name);
  if (ref.kind === 'group') return groupsOf(raw).find((g) => g.name === ref.name);
  return findResource(raw, ref.name)?.resource;
}

/** Names of one kind. */
export function namesOf(raw: RawScenario, kind: ElementKind): string[] {
  const all =
    kind === 'node'
      ? nodesOf(raw).map((n) => n.name)
      : kind === 'group'
        ? groupsOf(raw).map((g) => g.name)
        : groupsOf(raw).flatMap((g) => resourcesOf(g).map((r) => r.name));
  return all.filter((n): n is string => typeof n === 'string');
}

/** The kinds that have an element named `name` (several when a group and a resource share it). */
export function kindsNamed(raw: RawScenario, name: string): ElementKind[] {
  return (['node', 'group', 'resource'] as const).filter((k) => namesOf(raw, k).includes(name));
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
export function writeDeps(r: RawResource, sets: string[][]): void {
  const clean = sets.filter((s) => s.length > 0);
  if (clean.length === 0) delete r.dependsOn;
  else if (clean.every((s) => s.length === 1)) r.dependsOn = clean.flat();
  else r.dependsOn = formatDependencyExpr(clean);
}

/** Every name a resource depends on (flattened). */
export function providersOf(r: RawResource): string[] {
  return (readDeps(r) ?? []).flat();
}

/** `nodes[1]`, `groups[0]`, `groups[0].resources[2]`: where the element is in the file, or ''. */
export function pathOf(raw: RawScenario, ref: ElementRef | undefined): string {
  if (ref === undefined) return '';
  if (ref.kind === 'node') {
    const ni = nodesOf(raw).findIndex((n) => n.name === ref.name);
    return ni >= 0 ? `nodes[${ni}]` : '';
  }
  if (ref.kind === 'group') {
    const gi = groupsOf(raw).findIndex((g) => g.name === ref.name);
    return gi >= 0 ? `groups[${gi}]` : '';
  }
  const r = findResource(raw, ref.name);
  return r ? `groups[${r.gi}].resources[${r.ri}]` : '';
}
