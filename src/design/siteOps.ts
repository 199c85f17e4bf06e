/**
 * Design-mode edits of the functional level, sites and the settings that go with them
 * (networks.md §1.1, §1.2, §1.4, §1.5): a node's site, the cluster's PreferredSite,
 * LowerQuorumPriorityNodeId and CrossSite properties, and a group's ordered PreferredSite list.
 * Pure, on the raw scenario JSON; a refusal says why. Sites compare exactly; two that differ only
 * in letter case are refused (§1.6).
 */
import { FUNCTIONAL_LEVELS, type FunctionalLevel } from '../engine';
import {
  clusterOf,
  clusterPropsOf,
  done,
  dropProp,
  groupsOf,
  isObj,
  levelOf,
  nameOf,
  nameShape,
  nodesOf,
  q,
  refuse,
  siteLevel,
  sitesOf,
  type Dict,
  type NetEdit,
} from './netRaw';

const SITE_FIELDS_NEED = 'cluster functional level 2016 or 2019';

/** What in the design needs level 2016/2019 (sites, PreferredSite, CrossSite properties). */
function siteFeatures(raw: Dict): string[] {
  const out: string[] = [];
  const sited = nodesOf(raw).filter((n) => n.site !== undefined).length;
  if (sited > 0) out.push(`${sited} node site${sited === 1 ? '' : 's'}`);
  const props = isObj(raw.cluster) && isObj(raw.cluster.properties) ? raw.cluster.properties : {};
  for (const k of ['PreferredSite', 'CrossSiteDelay', 'CrossSiteThreshold']) if (k in props) out.push(`cluster ${k}`);
  const groups = groupsOf(raw).filter((g) => isObj(g.properties) && 'PreferredSite' in g.properties).length;
  if (groups > 0) out.push(`the PreferredSite of ${groups} group${groups === 1 ? '' : 's'}`);
  return out;
}

/** `cluster.functionalLevel` (§1.1); undefined = legacy (SF's defaults). */
export function setFunctionalLevel<T extends Dict>(raw0: T, level: FunctionalLevel | undefined): NetEdit<T> {
  if (level !== undefined && !FUNCTIONAL_LEVELS.includes(level))
    return refuse(`the functional level is one of ${FUNCTIONAL_LEVELS.map(q).join(', ')}, not ${q(String(level))}`);
  if (level !== '2016' && level !== '2019') {
    const uses = siteFeatures(raw0);
    if (uses.length > 0)
      return refuse(
        `the design uses ${uses.join(', ')}, which need ${SITE_FIELDS_NEED}; remove them first, or choose 2016 or 2019`,
      );
  }
  const raw = structuredClone(raw0);
  const c = clusterOf(raw);
  if (level === undefined) delete c.functionalLevel;
  else c.functionalLevel = level;
  if (Object.keys(c).length === 0) delete raw.cluster;
  return done(
    raw,
    level === undefined
      ? 'No functional level: the heartbeat settings keep their classic defaults'
      : `Functional level ${level}: its default heartbeat settings apply unless you set them`,
  );
}

/** A node's site (§1.4); blank removes it. */
export function setNodeSite<T extends Dict>(raw0: T, node: string, site: string | undefined): NetEdit<T> {
  if (!nodesOf(raw0).some((n) => n.name === node)) return refuse(`there is no node named ${q(node)}`);
  const t = site ?? '';
  const raw = structuredClone(raw0);
  const x = nodesOf(raw).find((n) => n.name === node)!;
  if (t.trim() === '') {
    if (x.site === undefined) return done(raw0);
    const old = x.site as string;
    delete x.site;
    if (!sitesOf(raw).includes(old)) {
      const users = preferredUsers(raw, old);
      if (users.length > 0)
        return refuse(
          `${q(old)} is the last node of site ${q(old)}, which ${users.join(' and ')} name${users.length === 1 ? 's' : ''}; change that first`,
        );
    }
    return done(raw, `Node ${q(node)} has no site`);
  }
  const shape = nameShape(t);
  if (shape) return refuse(`a site name: ${shape.replace(/^a name /, '')}`);
  if (!siteLevel(raw0))
    return refuse(
      `sites need ${SITE_FIELDS_NEED} (fault domains of type Site came with Windows Server 2016); set the functional level in the Scenario panel first`,
    );
  const other = sitesOf(raw).find((s) => s !== t && s.toLowerCase() === t.toLowerCase());
  if (other) return refuse(`site ${q(t)} differs only in letter case from site ${q(other)} of another node`);
  x.site = t;
  const missing = nodesOf(raw).filter((n) => n.site === undefined).length;
  const tail = missing > 0 ? ` (every node needs a site once one has: ${missing} still without)` : '';
  return done(raw, `Node ${q(node)} is in site ${q(t)}${tail}`);
}

/** Who names `site` as a PreferredSite: the cluster, groups. */
function preferredUsers(raw: Dict, site: string): string[] {
  const out: string[] = [];
  const props = isObj(raw.cluster) && isObj(raw.cluster.properties) ? raw.cluster.properties : {};
  if (props.PreferredSite === site) out.push('the cluster PreferredSite');
  for (const g of groupsOf(raw))
    if (isObj(g.properties) && Array.isArray(g.properties.PreferredSite) && g.properties.PreferredSite.includes(site))
      out.push(`group ${q(nameOf(g))}`);
  return out;
}

/** Renames a site on every node and in every PreferredSite. */
export function renameSite<T extends Dict>(raw0: T, from: string, to: string): NetEdit<T> {
  if (!sitesOf(raw0).includes(from)) return refuse(`no node is in site ${q(from)}`);
  if (from === to) return done(raw0);
  const shape = nameShape(to);
  if (shape) return refuse(`a site name: ${shape.replace(/^a name /, '')}`);
  const other = sitesOf(raw0).find((s) => s !== from && s.toLowerCase() === to.toLowerCase());
  if (other)
    return refuse(
      other === to ? `site ${q(to)} already exists` : `site ${q(to)} differs only in letter case from site ${q(other)}`,
    );
  const raw = structuredClone(raw0);
  for (const n of nodesOf(raw)) if (n.site === from) n.site = to;
  const props = isObj(raw.cluster) && isObj(raw.cluster.properties) ? raw.cluster.properties : {};
  if (props.PreferredSite === from) props.PreferredSite = to;
  for (const g of groupsOf(raw))
    if (isObj(g.properties) && Array.isArray(g.properties.PreferredSite))
      g.properties.PreferredSite = g.properties.PreferredSite.map((s: unknown) => (s === from ? to : s));
  return done(raw, `Renamed site ${q(from)} to ${q(to)}`);
}

const RANGES: Record<'CrossSiteDelay' | 'CrossSiteThreshold', [number, number, string]> = {
  CrossSiteDelay: [250, 4000, ' ms'],
  CrossSiteThreshold: [3, 120, ''],
};

export type SiteClusterProperty =
  'PreferredSite' | 'LowerQuorumPriorityNodeId' | 'CrossSiteDelay' | 'CrossSiteThreshold';

/** The cluster properties of §1.2; undefined removes one (back to its default). */
export function setSiteClusterProperty<T extends Dict>(
  raw0: T,
  key: SiteClusterProperty,
  value: string | number | undefined,
): NetEdit<T> {
  const raw = structuredClone(raw0);
  if (value === undefined || value === '') {
    if (isObj(raw.cluster)) dropProp(raw.cluster, key);
    if (isObj(raw.cluster) && Object.keys(raw.cluster).length === 0) delete raw.cluster;
    return done(raw);
  }
  if (key === 'LowerQuorumPriorityNodeId') {
    const n = nodesOf(raw).length;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > n)
      return refuse(
        `LowerQuorumPriorityNodeId is 0 (none) or a node ID from 1 to ${n} (a node's position in the node list), not ${String(value)}`,
      );
    clusterPropsOf(raw)[key] = value;
    return done(raw);
  }
  if (!siteLevel(raw)) return refuse(`${key} needs ${SITE_FIELDS_NEED}; set the functional level first`);
  if (key === 'PreferredSite') {
    const sites = sitesOf(raw);
    if (typeof value !== 'string' || !sites.includes(value))
      return refuse(
        sites.length === 0
          ? 'no node has a site yet: give the nodes sites first'
          : `the cluster PreferredSite must be a site of some node (${sites.map(q).join(', ')}), not ${q(String(value))}`,
      );
    clusterPropsOf(raw)[key] = value;
    return done(raw, `Preferred site ${q(value)}: it wins a 50/50 split and takes the roles on a cold start`);
  }
  const [min, max, unit] = RANGES[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    return refuse(`${key} is an integer from ${min} to ${max}${unit}, not ${String(value)}`);
  clusterPropsOf(raw)[key] = value;
  return done(raw);
}

/** A group's PreferredSite (§1.5): distinct sites of some node, in order; empty removes it. */
export function setGroupPreferredSites<T extends Dict>(raw0: T, group: string, sites: string[]): NetEdit<T> {
  const raw = structuredClone(raw0);
  const g = groupsOf(raw).find((x) => x.name === group);
  if (!g) return refuse(`there is no group named ${q(group)}`);
  if (sites.length === 0) {
    dropProp(g, 'PreferredSite');
    return done(raw);
  }
  if (!siteLevel(raw))
    return refuse(`a group's PreferredSite needs ${SITE_FIELDS_NEED}; set the functional level first`);
  const known = sitesOf(raw);
  const unknown = sites.find((s) => !known.includes(s));
  if (unknown !== undefined) return refuse(`no node is in site ${q(unknown)}`);
  const twice = sites.find((s, i) => sites.indexOf(s) !== i);
  if (twice !== undefined) return refuse(`group ${q(group)} would list site ${q(twice)} twice`);
  if (!isObj(g.properties)) g.properties = {};
  (g.properties as Dict).PreferredSite = [...sites];
  return done(raw);
}

function groupSites(raw: Dict, group: string): string[] {
  const g = groupsOf(raw).find((x) => x.name === group);
  const v = g && isObj(g.properties) ? g.properties.PreferredSite : undefined;
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

export function toggleGroupPreferredSite<T extends Dict>(raw: T, group: string, site: string): NetEdit<T> {
  const list = groupSites(raw, group);
  return setGroupPreferredSites(raw, group, list.includes(site) ? list.filter((s) => s !== site) : [...list, site]);
}

export function moveGroupPreferredSite<T extends Dict>(raw: T, group: string, site: string, delta: number): NetEdit<T> {
  const list = groupSites(raw, group);
  const i = list.indexOf(site);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= list.length) return done(raw);
  [list[i], list[j]] = [list[j]!, list[i]!];
  return setGroupPreferredSites(raw, group, list);
}

export { levelOf, sitesOf };
