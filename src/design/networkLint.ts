/**
 * Lint rules for networks and sites (issue 12 point 3): designs the engine accepts but that a WSFC
 * engineer would flag. Each warning explains itself in plain words and, where one makes sense,
 * carries a fix that rewrites a copy of the raw scenario JSON. The rules read the validated
 * scenario with networks.md's meanings: an absent interface list = every network (§1.4), routes
 * only over networks whose role is not none (§4.2), an IP Address allowed only on a node with an
 * interface on its Network (§4.10).
 */
import type { GroupSpec, NetworkSpec, NodeSpec, ResourceSpec, Scenario } from '../engine';
import { formatDependencyExpr } from './engineDeps';
import type { LintFix, LintWarning } from './lint';

export type NetworkLintRuleId =
  | 'single-cluster-network'
  | 'even-split-across-two-sites'
  | 'ip-network-missing-on-owner'
  | 'multi-subnet-name-without-or'
  | 'network-on-one-node'
  | 'no-client-network';

type Obj = Record<string, unknown>;
type Warning = Omit<LintWarning, 'severity'>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const quote = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

function fix(label: string, edit: (raw: Obj) => void): LintFix {
  return {
    label,
    apply: (raw) => {
      if (!isObj(raw)) return raw;
      const copy = structuredClone(raw);
      edit(copy);
      return copy;
    },
  };
}

const rawList = (o: Obj, key: string): Obj[] => (Array.isArray(o[key]) ? (o[key] as unknown[]).filter(isObj) : []);
const rawNode = (raw: Obj, n: NodeSpec) => rawList(raw, 'nodes').find((x) => x.name === n.name);
const rawResource = (raw: Obj, g: GroupSpec, r: ResourceSpec) =>
  rawList(rawList(raw, 'groups').find((x) => x.name === g.name) ?? {}, 'resources').find((x) => x.name === r.name);

const interfaces = (s: Scenario, n: NodeSpec): string[] => n.interfaces ?? (s.networks ?? []).map((x) => x.name);
const used = (net: NetworkSpec | undefined) => net !== undefined && net.role !== 'none';

/** A node on a single network the cluster uses: one NIC, cable or switch from being removed. */
function singleClusterNetwork(s: Scenario, nets: Map<string, NetworkSpec>, out: Warning[]): void {
  if (s.nodes.length < 2) return;
  s.nodes.forEach((n, i) => {
    const mine = interfaces(s, n).filter((x) => used(nets.get(x)));
    if (mine.length !== 1) return;
    const spare = (s.networks ?? []).find((x) => used(x) && !mine.includes(x.name));
    const w: Warning = {
      id: 'single-cluster-network',
      path: `nodes[${i}].interfaces`,
      subject: n.name,
      message: `Node "${n.name}" has only one network the cluster uses for heartbeats ("${mine[0]}"). One failed NIC, cable or switch cuts every route to it: the others stop hearing it and remove it from the cluster although it is still running, and its roles fail over. Cluster validation reports the same path as a single point of failure; give it a second one.`,
    };
    if (spare)
      w.fix = fix(`Put "${n.name}" on network "${spare.name}" too`, (raw) => {
        const rn = rawNode(raw, n);
        if (!rn) return;
        const have = new Set([...interfaces(s, n), spare.name]);
        rn.interfaces = (s.networks ?? []).map((x) => x.name).filter((x) => have.has(x));
      });
    out.push(w);
  });
}

/** Two sites holding the same number of votes, no witness: a WAN cut leaves two halves of equal weight. */
function evenSplitAcrossTwoSites(s: Scenario, out: Warning[]): void {
  if (s.cluster.quorum.witness !== 'none') return;
  const votes = new Map<string, number>();
  for (const n of s.nodes)
    if (n.site !== undefined) votes.set(n.site, (votes.get(n.site) ?? 0) + n.properties.NodeWeight);
  if (votes.size !== 2) return;
  const entries = [...votes];
  const [a, va] = entries[0]!;
  const [b, vb] = entries[1]!;
  if (va !== vb || va === 0) return;
  const preferred = s.cluster.properties.PreferredSite;
  const who =
    s.cluster.quorum.DynamicQuorum === 0
      ? 'with dynamic quorum off, both halves stop and every role goes down'
      : preferred
        ? `dynamic quorum has already taken a vote away from a node outside the preferred site "${preferred}", so "${preferred}" survives, and if that site is the one that is down, the other site stops too`
        : 'dynamic quorum has already taken a vote away from the highest-ID node, so the site that happens to hold it loses, whichever site you meant to keep';
  out.push({
    id: 'even-split-across-two-sites',
    path: 'cluster.quorum.witness',
    subject: 'cluster',
    message: `Sites "${a}" and "${b}" hold ${va} votes each and there is no witness. If the link between the sites fails, each half has exactly half the votes and neither has a majority on its own: ${who}. A witness in a third place (a cloud witness is the usual choice) breaks the tie.`,
    fix: fix('Add a cloud witness', (raw) => {
      const c = isObj(raw.cluster) ? raw.cluster : (raw.cluster = {});
      const q = isObj(c.quorum) ? c.quorum : (c.quorum = {});
      q.witness = 'cloud';
    }),
  });
}

/** An IP Address on network N, with a possible owner that has no interface on N (§4.10: not allowed there). */
function ipNetworkMissingOnOwner(s: Scenario, g: GroupSpec, r: ResourceSpec, ri: number, out: Warning[]): void {
  const net = r.parameters?.Network;
  if (r.type !== 'IP Address' || net === undefined) return;
  const owners = s.nodes.filter((n) => r.possibleOwners.length === 0 || r.possibleOwners.includes(n.name));
  const lacking = owners.filter((n) => !interfaces(s, n).includes(net));
  if (lacking.length === 0) return;
  const keep = owners.filter((n) => !lacking.includes(n)).map((n) => n.name);
  const w: Warning = {
    id: 'ip-network-missing-on-owner',
    path: `groups[${g.index}].resources[${ri}].parameters.Network`,
    subject: r.name,
    message: `IP Address "${r.name}" is on network "${net}", but its possible owner${lacking.length === 1 ? '' : 's'} ${quote(lacking.map((n) => n.name))} ${lacking.length === 1 ? 'has' : 'have'} no interface on that network. There the address cannot come online (the cluster does not even try), so group "${g.name}" can run there only if an OR dependency lets it do without "${r.name}".`,
  };
  if (keep.length > 0)
    w.fix = fix(`Limit the possible owners of "${r.name}" to ${quote(keep)}`, (raw) => {
      const rr = rawResource(raw, g, r);
      if (rr) rr.possibleOwners = keep;
    });
  out.push(w);
}

/** A Network Name whose IP providers on different networks are ANDed: no node can bring both online. */
function multiSubnetWithoutOr(g: GroupSpec, r: ResourceSpec, ri: number, out: Warning[]): void {
  if (r.type.toLowerCase() !== 'network name') return;
  const byName = new Map(g.resources.map((x) => [x.name, x]));
  const netOf = (name: string) => {
    const x = byName.get(name);
    return x?.type === 'IP Address' ? x.parameters?.Network : undefined;
  };
  // AND sets that hold IP Addresses on a network; two of them on different networks = multi-subnet with AND.
  const ipSets = r.dependsOn.filter((set) => set.some((n) => netOf(n) !== undefined));
  const networks = new Set(ipSets.map((set) => set.map(netOf).find((x) => x !== undefined)));
  if (ipSets.length < 2 || networks.size < 2) return;
  const ips = ipSets.flat().filter((n) => netOf(n) !== undefined);
  const where = ips.map((n) => `"${n}" on "${netOf(n)}"`).join(', ');
  out.push({
    id: 'multi-subnet-name-without-or',
    path: `groups[${g.index}].resources[${ri}].dependsOn`,
    subject: r.name,
    message: `Network Name "${r.name}" depends on every one of its addresses (${where}), but they are on different networks and a node has only the subnets it is cabled to, so they are never all online on one node: the name never comes online. A multi-subnet name depends on its addresses with OR, so it is online when the address of the node's own subnet is.`,
    fix: fix(`Make "${r.name}" depend on ${ips.map((n) => `"${n}"`).join(' OR ')}`, (raw) => {
      const rr = rawResource(raw, g, r);
      if (!rr) return;
      const others = r.dependsOn.filter((set) => !ipSets.includes(set));
      const sets = [...others, [...new Set(ipSets.flat())]];
      rr.dependsOn = sets.every((x) => x.length === 1) ? sets.map((x) => x[0]) : formatDependencyExpr(sets);
    }),
  });
}

/** A network the cluster uses with an interface on at most one node: it carries no heartbeat at all. */
function networkOnOneNode(s: Scenario, out: Warning[]): void {
  if (s.nodes.length < 2) return;
  for (const net of s.networks ?? []) {
    if (net.role === 'none') continue;
    const on = s.nodes.filter((n) => interfaces(s, n).includes(net.name));
    if (on.length >= 2) continue;
    out.push({
      id: 'network-on-one-node',
      path: `networks[${net.index}]`,
      subject: net.name,
      message: `Network "${net.name}" is ${on.length === 0 ? 'on no node' : `only on "${on[0]!.name}"`}: heartbeats need two ends, so it adds no path between nodes and protects nothing. Put the other nodes on it, or delete it.`,
      fix: fix(`Put every node on "${net.name}"`, (raw) => {
        for (const n of s.nodes) {
          const rn = rawNode(raw, n);
          if (!rn || !Array.isArray(rn.interfaces) || rn.interfaces.includes(net.name)) continue;
          const have = new Set([...interfaces(s, n), net.name]);
          rn.interfaces = (s.networks ?? []).map((x) => x.name).filter((x) => have.has(x));
        }
      }),
    });
  }
}

/** IP Address resources, but no network allows client access: clients can reach no role (§1.3, §1.6). */
function noClientNetwork(s: Scenario, out: Warning[]): void {
  const nets = s.networks ?? [];
  if (nets.some((n) => n.role === 'clusterAndClient')) return;
  const ips = s.groups.flatMap((g) => g.resources.filter((r) => r.type === 'IP Address').map((r) => r.name));
  if (ips.length === 0) return;
  const candidate = nets.find((n) => n.role === 'cluster') ?? nets[0];
  out.push({
    id: 'no-client-network',
    path: 'networks',
    subject: 'cluster',
    message: `No network allows client access (role "cluster and client"), yet the design has IP Address resources (${quote(ips.slice(0, 3))}${ips.length > 3 ? ', …' : ''}). An IP Address can only be placed on a client network, so clients could reach none of these roles.`,
    // With no network at all there is none to allow client access on: the warning stands without a fix.
    ...(candidate && {
      fix: fix(`Allow client access on network "${candidate.name}"`, (raw) => {
        const rn = rawList(raw, 'networks').find((x) => x.name === candidate.name);
        if (rn) delete rn.role; // clusterAndClient is the default role (§1.3)
      }),
    }),
  });
}

export function lintNetworks(s: Scenario): LintWarning[] {
  const out: Warning[] = [];
  const nets = new Map((s.networks ?? []).map((n) => [n.name, n]));
  if (s.networks) {
    singleClusterNetwork(s, nets, out);
    networkOnOneNode(s, out);
    noClientNetwork(s, out);
  }
  evenSplitAcrossTwoSites(s, out);
  for (const g of s.groups)
    g.resources.forEach((r, ri) => {
      ipNetworkMissingOnOwner(s, g, r, ri, out);
      multiSubnetWithoutOr(g, r, ri, out);
    });
  return out.map((w) => ({ ...w, severity: 'warning' as const }));
}
