/**
 * Routes between nodes and their kinds and timeouts (networks.md §4.2, §1.1). Pure: computed once
 * from the scenario. Without `networks` there is one implicit network every node is on (§0).
 */
import type { NetworkRole, Scenario } from '../model/scenario';

export type RouteKind = 'sameSubnet' | 'crossSubnet' | 'crossSite';

export interface NetDef {
  name: string;
  role: NetworkRole;
  routed: boolean;
}

/** One route of a pair: the network of a's interface and of b's (equal unless cross-subnet). */
export interface RouteDef {
  na: number;
  nb: number;
}

/** The routes of a pair of nodes a < b (indexes), with the pair's kind and timeout. */
export interface PairDef {
  a: number;
  b: number;
  kind: RouteKind;
  timeout: number;
  routes: RouteDef[];
}

export interface Topology {
  networks: NetDef[];
  /** Per node (index), the networks (indexes) it has an interface on, in scenario order. */
  interfaces: number[][];
  /** Per node, its site (site mode) or null. */
  sites: (string | null)[];
  siteMode: boolean;
  /** Pairs in ID order (a's then b's); only pairs with at least one route. */
  pairs: PairDef[];
  /** pairIndex[a][b] (a < b) = index into `pairs`, or -1. */
  pairIndex: number[][];
}

/** Site mode (§0): level 2016/2019 and the nodes have sites. */
export function isSiteMode(s: Scenario): boolean {
  const level = s.cluster.functionalLevel;
  return (level === '2016' || level === '2019') && s.nodes.length > 0 && s.nodes.every((n) => n.site !== undefined);
}

export function buildTopology(s: Scenario): Topology {
  const networks: NetDef[] = s.networks
    ? s.networks.map((n) => ({ name: n.name, role: n.role, routed: n.routed }))
    : [{ name: '', role: 'clusterAndClient', routed: false }];
  const interfaces = s.nodes.map((n) =>
    n.interfaces && s.networks
      ? networks.map((_, i) => i).filter((i) => n.interfaces!.includes(networks[i]!.name))
      : networks.map((_, i) => i),
  );
  const siteMode = isSiteMode(s);
  const sites = s.nodes.map((n) => (siteMode ? (n.site ?? null) : null));
  const p = s.cluster.properties;
  const pairs: PairDef[] = [];
  const pairIndex = s.nodes.map(() => s.nodes.map(() => -1));
  for (let a = 0; a < s.nodes.length; a++)
    for (let b = a + 1; b < s.nodes.length; b++) {
      const routes = routesBetween(networks, interfaces[a]!, interfaces[b]!);
      if (!routes.length) continue;
      const common = routes[0]!.na === routes[0]!.nb;
      const kind: RouteKind = siteMode && sites[a] !== sites[b] ? 'crossSite' : common ? 'sameSubnet' : 'crossSubnet';
      const timeout =
        kind === 'sameSubnet'
          ? p.SameSubnetDelay * p.SameSubnetThreshold
          : kind === 'crossSubnet'
            ? p.CrossSubnetDelay * p.CrossSubnetThreshold
            : (p.CrossSiteDelay ?? 1000) * (p.CrossSiteThreshold ?? 20);
      pairIndex[a]![b] = pairs.length;
      pairs.push({ a, b, kind, timeout, routes });
    }
  return { networks, interfaces, sites, siteMode, pairs, pairIndex };
}

/**
 * §4.2: one route on each common network whose role is not `none`; with none in common, one route
 * for each pair of interfaces on two different routed networks whose roles are not `none`.
 */
export function routesBetween(networks: readonly NetDef[], ia: readonly number[], ib: readonly number[]): RouteDef[] {
  const hb = (i: number) => networks[i]!.role !== 'none';
  const common = ia.filter((n) => hb(n) && ib.includes(n)).map((n) => ({ na: n, nb: n }));
  if (common.length) return common;
  const out: RouteDef[] = [];
  for (const na of ia)
    for (const nb of ib)
      if (na !== nb && hb(na) && hb(nb) && networks[na]!.routed && networks[nb]!.routed) out.push({ na, nb });
  return out;
}
