/**
 * What the network checks (networks.md §1.6) read from the raw input before checking it: the
 * declared networks, the functional level, each node's interfaces and site. Every value may be
 * invalid (the scenario is checked as a whole), so each is read defensively: an invalid one is left
 * out and the checks that would need it are skipped rather than guessed.
 */
import { didYouMean } from './didYouMean';
import type { NetworkRole } from '../model/scenario';
import { FUNCTIONAL_LEVELS, NETWORK_ROLES } from './networkSchema';
import { isName, isPlainObject, type PlainObject } from './paths';

export { FUNCTIONAL_LEVELS, NETWORK_ROLES };

/** Levels that allow sites, PreferredSite and the CrossSite properties (networks.md §1.1). */
export const SITE_LEVELS: readonly string[] = ['2016', '2019'];
export const NETWORK_KEYS = ['name', 'role', 'routed', 'subnet'] as const;

/** networks.md §2: the actions; all but `stopNode` need network mode. */
export const NETWORK_ACTIONS: readonly string[] = [
  'partition',
  'healPartition',
  'failNetwork',
  'restoreNetwork',
  'failInterface',
  'restoreInterface',
  'stopNode',
];

export interface NetworkInfo {
  name: string;
  /** null when the file's value is invalid (reported by the network checks). */
  role: NetworkRole | null;
  routed: boolean | null;
}

export interface NodeInfo {
  index: number;
  name: string | null;
  /**
   * The node's networks (absent `interfaces` = every network), or null when its list names something
   * that is not a network (reported as such; its routes are then not judged).
   */
  interfaces: string[] | null;
  hasInterfacesKey: boolean;
  site: string | null;
  hasSiteKey: boolean;
}

export interface NetworkContext {
  /** `networks` is a key of the file, whatever its value. */
  declared: boolean;
  /** The valid, first-of-their-name networks, by name, in file order. */
  networks: Map<string, NetworkInfo>;
  /** `networks` is a non-empty array of named entries: names can be checked against it. */
  usable: boolean;
  /** Every network entry is valid: routes can be computed. */
  complete: boolean;
  /** The level as given (string), null when absent; `levelValid` false when it is not one of the levels. */
  level: unknown;
  levelGiven: boolean;
  levelValid: boolean;
  /** The level allows sites (2016/2019). */
  siteLevel: boolean;
  nodes: NodeInfo[];
  /** The valid sites of the nodes, first spelling, in node order. */
  sites: string[];
  /** The quorum witness as given when valid, else null (unknown). */
  witness: string | null;
}

const own = (o: PlainObject, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

export function readNetworkContext(root: PlainObject): NetworkContext {
  const declared = Object.hasOwn(root, 'networks');
  const rawNetworks = own(root, 'networks');
  const networks = new Map<string, NetworkInfo>();
  const folded = new Set<string>();
  let complete = Array.isArray(rawNetworks);
  if (Array.isArray(rawNetworks)) {
    for (const n of rawNetworks) {
      if (!isPlainObject(n) || !isName(own(n, 'name'))) {
        complete = false;
        continue;
      }
      const name = n.name as string;
      const role = Object.hasOwn(n, 'role') ? n.role : 'clusterAndClient';
      const routed = Object.hasOwn(n, 'routed') ? n.routed : false;
      const info: NetworkInfo = {
        name,
        role: (NETWORK_ROLES as readonly unknown[]).includes(role) ? (role as NetworkRole) : null,
        routed: typeof routed === 'boolean' ? routed : null,
      };
      if (info.role === null || info.routed === null || folded.has(name.toLowerCase())) complete = false;
      if (!folded.has(name.toLowerCase())) networks.set(name, info);
      folded.add(name.toLowerCase());
    }
  }
  const cluster = isPlainObject(own(root, 'cluster')) ? (root.cluster as PlainObject) : {};
  const levelGiven = Object.hasOwn(cluster, 'functionalLevel');
  const level = own(cluster, 'functionalLevel');
  const levelValid = !levelGiven || (FUNCTIONAL_LEVELS as readonly unknown[]).includes(level);
  const quorum = isPlainObject(own(cluster, 'quorum')) ? (cluster.quorum as PlainObject) : {};
  const witnessRaw = Object.hasOwn(quorum, 'witness') ? quorum.witness : 'none';
  // Names are checked against the list only when every entry has one (else a misspelt entry's
  // name would make every reference to it "unknown" too).
  const usable =
    Array.isArray(rawNetworks) &&
    rawNetworks.length > 0 &&
    rawNetworks.every((n) => isPlainObject(n) && isName(own(n, 'name')));

  const nodes: NodeInfo[] = [];
  const sites: string[] = [];
  const siteFolded = new Set<string>();
  const rawNodes = own(root, 'nodes');
  if (Array.isArray(rawNodes)) {
    rawNodes.forEach((n, index) => {
      if (!isPlainObject(n)) return;
      const hasInterfacesKey = Object.hasOwn(n, 'interfaces');
      let interfaces: string[] | null = null;
      if (!hasInterfacesKey) interfaces = [...networks.keys()];
      else if (
        Array.isArray(n.interfaces) &&
        n.interfaces.every((x): x is string => typeof x === 'string' && networks.has(x))
      )
        interfaces = [...new Set(n.interfaces)];
      const hasSiteKey = Object.hasOwn(n, 'site');
      const site = hasSiteKey && isName(n.site) ? n.site : null;
      if (site !== null && !siteFolded.has(site.toLowerCase())) {
        siteFolded.add(site.toLowerCase());
        sites.push(site);
      }
      nodes.push({ index, name: isName(n.name) ? n.name : null, interfaces, hasInterfacesKey, site, hasSiteKey });
    });
  }
  return {
    declared,
    networks,
    usable,
    complete: complete && usable,
    level,
    levelGiven,
    levelValid,
    siteLevel: levelGiven && SITE_LEVELS.includes(level as string),
    nodes,
    sites,
    witness: typeof witnessRaw === 'string' ? witnessRaw : null,
  };
}

/** The networks of a node that carry heartbeats (role not `none`). */
export function heartbeatNetworks(ctx: NetworkContext, node: NodeInfo): string[] {
  return (node.interfaces ?? []).filter((n) => {
    const role = ctx.networks.get(n)?.role;
    return role !== undefined && role !== null && role !== 'none';
  });
}

/**
 * Whether two nodes have a route (networks.md §4.2): a common network whose role is not `none`, or
 * each an interface on a routed such network (different ones, as they share none).
 */
export function haveRoute(ctx: NetworkContext, a: readonly string[], b: readonly string[]): boolean {
  if (a.some((n) => b.includes(n))) return true;
  const routed = (list: readonly string[]) => list.some((n) => ctx.networks.get(n)?.routed === true);
  return routed(a) && routed(b);
}

/**
 * "did you mean" for a network or site name: a name the input begins (ignoring letter case), else
 * the contract's edit distance 2. networks.md §1.6 suggests "Public" for "Pub", three edits away: a
 * short network name is often a prefix typed, not a typo. (Only for these new kinds of name, so the
 * messages of a plain scenario are unchanged.)
 */
export function didYouMeanName(input: string, candidates: Iterable<string>): string {
  const list = [...candidates];
  const needle = input.toLowerCase();
  const prefixed = needle.length >= 2 ? list.find((c) => c !== input && c.toLowerCase().startsWith(needle)) : undefined;
  return prefixed !== undefined ? `; did you mean ${JSON.stringify(prefixed)}?` : didYouMean(input, list);
}
