/**
 * Readers shared by the network and site edit operations (./networkOps, ./siteOps). They work on the
 * RAW scenario JSON (what the user downloads), typed loosely so that any raw scenario object fits:
 * each operation takes a raw scenario and returns a new one (never mutating its input) or a refusal
 * whose reason is written for the user (networks.md §1 says what each field means).
 */
import type { FunctionalLevel, NetworkRole } from '../engine';

export type Dict = Record<string, unknown>;
export type NetEdit<T> = { ok: true; raw: T; message?: string } | { ok: false; reason: string };

export const isObj = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
export const q = (name: string) => `"${name}"`;
export const refuse = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
export const done = <T>(raw: T, message?: string): NetEdit<T> =>
  message ? { ok: true, raw, message } : { ok: true, raw };

export interface RawNetwork extends Dict {
  name: string;
  role?: NetworkRole;
  routed?: boolean;
  subnet?: string;
}

export const networksOf = (raw: Dict): RawNetwork[] =>
  Array.isArray(raw.networks)
    ? (raw.networks.filter((n) => isObj(n) && typeof n.name === 'string') as RawNetwork[])
    : [];
export const nodesOf = (raw: Dict): Dict[] => (Array.isArray(raw.nodes) ? raw.nodes.filter(isObj) : []);
/** Nodes and groups that have a name (what the editor lists). */
export type Named = Dict & { name: string };
const named = (x: unknown): x is Named => isObj(x) && typeof x.name === 'string';
export const namedNodesOf = (raw: Dict): Named[] => (Array.isArray(raw.nodes) ? raw.nodes.filter(named) : []);
export const namedGroupsOf = (raw: Dict): Named[] => (Array.isArray(raw.groups) ? raw.groups.filter(named) : []);
export const groupsOf = (raw: Dict): Dict[] => (Array.isArray(raw.groups) ? raw.groups.filter(isObj) : []);
export const resourcesOf = (g: Dict): Dict[] => (Array.isArray(g.resources) ? g.resources.filter(isObj) : []);
export const nameOf = (x: Dict): string => (typeof x.name === 'string' ? x.name : '');

/** networks.md §1.3: role defaults to clusterAndClient. */
export const roleOf = (n: RawNetwork): NetworkRole =>
  n.role === 'none' || n.role === 'cluster' || n.role === 'clusterAndClient' ? n.role : 'clusterAndClient';

export const clusterOf = (raw: Dict): Dict => (isObj(raw.cluster) ? raw.cluster : (raw.cluster = {}));
export const clusterPropsOf = (raw: Dict): Dict => {
  const c = clusterOf(raw);
  return isObj(c.properties) ? c.properties : (c.properties = {});
};

export function levelOf(raw: Dict): FunctionalLevel | undefined {
  const l = isObj(raw.cluster) ? raw.cluster.functionalLevel : undefined;
  return l === '2012R2' || l === '2016' || l === '2019' ? l : undefined;
}
/** Sites, PreferredSite and the CrossSite properties need level 2016 or 2019 (networks.md §1.1). */
export const siteLevel = (raw: Dict) => {
  const l = levelOf(raw);
  return l === '2016' || l === '2019';
};

/**
 * A node's interfaces as the engine reads them (networks.md §1.4): the list it gives, or every
 * network when it gives none.
 */
export function interfacesOf(raw: Dict, node: Dict): string[] {
  if (Array.isArray(node.interfaces)) return node.interfaces.filter((n): n is string => typeof n === 'string');
  return networksOf(raw).map((n) => n.name);
}

/** Every site a node has, in node order, without repeats. */
export function sitesOf(raw: Dict): string[] {
  const out: string[] = [];
  for (const n of nodesOf(raw)) if (typeof n.site === 'string' && !out.includes(n.site)) out.push(n.site);
  return out;
}

export const isIpAddress = (r: Dict) => r.type === 'IP Address';

/** Where a resource's `parameters.Network` names `network`, with its group and path. */
export function ipResourcesOn(raw: Dict, network: string): { r: Dict; path: string }[] {
  const out: { r: Dict; path: string }[] = [];
  groupsOf(raw).forEach((g, gi) =>
    resourcesOf(g).forEach((r, ri) => {
      if (isObj(r.parameters) && r.parameters.Network === network)
        out.push({ r, path: `groups[${gi}].resources[${ri}]` });
    }),
  );
  return out;
}

/** Why `name` cannot be a name (empty, or spaces at an end), or null. */
export function nameShape(name: unknown): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'a name cannot be empty';
  if (name !== name.trim()) return 'a name cannot start or end with spaces';
  return null;
}

/** Removes `key` from `o.properties`, and `properties` itself once empty. */
export function dropProp(o: Dict, key: string): void {
  if (!isObj(o.properties)) return;
  delete o.properties[key];
  if (Object.keys(o.properties).length === 0) delete o.properties;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
