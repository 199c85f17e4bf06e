/**
 * Owner-list arithmetic of the lint rules (contract §1, §4.5). The initial-owner rule itself is the
 * engine's (`initialOwner` from engine/index.ts), shared with the simulation so the two cannot drift.
 */
import type { GroupSpec, NodeSpec, ResourceSpec, Scenario } from '../engine';

/** Can `node` host `resource`? An empty possible-owner list means every node. */
export function isPossibleOwner(resource: ResourceSpec, node: string): boolean {
  return resource.possibleOwners.length === 0 || resource.possibleOwners.includes(node);
}

/**
 * networks.md §4.10, network mode: r is allowed on x iff x is a possible owner and, for an IP Address
 * with a Network, x has an interface on it; Sat(x) bottom-up through OR sets; the group can run on x
 * iff every top-level resource (no other resource depends on it) is in Sat(x).
 */
function canRunInNetworkMode(s: Scenario, group: GroupSpec, node: NodeSpec): boolean {
  const ifaces = node.interfaces ?? (s.networks ?? []).map((n) => n.name);
  const byName = new Map(group.resources.map((r) => [r.name, r]));
  const memo = new Map<string, boolean>();
  const sat = (r: ResourceSpec): boolean => {
    const known = memo.get(r.name);
    if (known !== undefined) return known;
    memo.set(r.name, false); // a cycle cannot satisfy itself (validation refuses cycles anyway)
    const net = r.type === 'IP Address' ? r.parameters?.Network : undefined;
    const allowed = isPossibleOwner(r, node.name) && (net === undefined || ifaces.includes(net));
    const ok =
      allowed &&
      r.dependsOn.every((set) =>
        set.some((p) => {
          const pr = byName.get(p);
          return pr !== undefined && sat(pr);
        }),
      );
    memo.set(r.name, ok);
    return ok;
  };
  const provided = new Set(group.resources.flatMap((r) => r.dependsOn.flat()));
  return group.resources.filter((r) => !provided.has(r.name)).every(sat);
}

/**
 * Nodes (in node-ID order) that can run the group: a possible owner of every resource (SF), or in
 * network mode the §4.10 rule (IP networks, OR sets), when the scenario is given.
 */
export function nodesHostingGroup(group: GroupSpec, nodes: readonly NodeSpec[], s?: Scenario): NodeSpec[] {
  if (s?.networks) return nodes.filter((n) => canRunInNetworkMode(s, group, n));
  return nodes.filter((n) => group.resources.every((r) => isPossibleOwner(r, n.name)));
}

/**
 * The initial owner (SF §1) as networks.md reads it: an Up `ownerNode` wins; else the Up nodes that
 * can run the group (§4.10), walked from the top (preferred owners in order, then node-ID order),
 * sorted stably by site tier in site mode (§4.11, owner null: the group's PreferredSite[i] → 1 + i,
 * the cluster PreferredSite → 1 + k, any other site → 2 + k), the first one. Used where the
 * engine's own rule (`initialOwner`) predates network mode.
 */
export function initialOwnerInNetworkMode(s: Scenario, g: GroupSpec): string | null {
  const up = s.nodes.filter((n) => n.state === 'Up');
  if (g.ownerNode !== null && up.some((n) => n.name === g.ownerNode)) return g.ownerNode;
  const can = new Set(nodesHostingGroup(g, up, s).map((n) => n.name));
  const walk = [...g.preferredOwners, ...s.nodes.map((n) => n.name)].filter(
    (n, i, all) => can.has(n) && all.indexOf(n) === i,
  );
  const sites = g.properties.PreferredSite ?? [];
  const clusterSite = s.cluster.properties.PreferredSite;
  const siteOf = new Map(s.nodes.map((n) => [n.name, n.site]));
  const key = (node: string) => {
    const site = siteOf.get(node);
    if (site === undefined) return 0;
    const i = sites.indexOf(site);
    if (i >= 0) return 1 + i;
    return site === clusterSite ? 1 + sites.length : 2 + sites.length;
  };
  return [...walk].sort((a, b) => key(a) - key(b))[0] ?? null;
}
