/**
 * The network and site part of the exported script (networks.md §1; cmdlets of the FailoverClusters
 * module): each design network is matched to a network the cluster discovered (by its subnet when
 * the design gives one, else through a mandatory parameter naming it), renamed and given its role;
 * the interfaces the design expects are checked, not created (cabling is physical); sites become
 * fault domains of type Site (`New-ClusterFaultDomain -Type Site`, `Set-ClusterFaultDomain
 * -Parent`); the cluster's PreferredSite, CrossSite properties and LowerQuorumPriorityNodeId are set
 * on the cluster object. The functional level is never set: it follows the nodes' Windows version,
 * and Update-ClusterFunctionalLevel only raises it after a rolling upgrade, for good.
 */
import type { GroupSpec, NetworkRole, Scenario } from '../engine';
import { isExplicit, type ScriptBuilder } from './psScript';
import { psCommentText, psLiteral } from './psQuote';

/** ClusterNetworkRole of the FailoverClusters module: None 0, Cluster 1, Client 2, ClusterAndClient 3. */
const ROLE_NUMBER: Record<NetworkRole, number> = { none: 0, cluster: 1, clusterAndClient: 3 };
const ROLE_NAME: Record<NetworkRole, string> = {
  none: 'None',
  cluster: 'Cluster',
  clusterAndClient: 'ClusterAndClient',
};

/** ClusterFunctionalLevel values: 8 = 2012 R2, 9 = 2016, 10 = 2019 (11 = 2022 counts as 2019, networks.md §1.1). */
export const LEVEL_NUMBER = { '2012R2': 8, '2016': 9, '2019': 10 } as const;

export const NETWORK_HELPERS = [
  'function Find-Net([string]$Name)  { Get-ClusterNetwork | Where-Object { $_.Name -eq $Name } }',
];

const usesSites = (s: Scenario) =>
  s.nodes.some((n) => n.site !== undefined) ||
  s.cluster.properties.PreferredSite !== undefined ||
  s.groups.some((g) => g.properties.PreferredSite !== undefined);

/** `10.1.0.0/24` → `10.1.0.0` (the `Address` Get-ClusterNetwork shows); null if the text is no IPv4 subnet. */
function subnetAddress(subnet: string | undefined): string | null {
  const m = subnet?.trim().match(/^(\d{1,3}(?:\.\d{1,3}){3})(?:\/\d{1,2})?$/);
  return m?.[1] ?? null;
}

export function needsNetworkSection(s: Scenario): boolean {
  const p = s.cluster.properties;
  return (
    s.networks !== undefined ||
    usesSites(s) ||
    s.cluster.functionalLevel !== undefined ||
    (p.LowerQuorumPriorityNodeId ?? 0) !== 0 ||
    isExplicit(s.cluster.explicit, 'CrossSiteDelay') ||
    isExplicit(s.cluster.explicit, 'CrossSiteThreshold')
  );
}

/** Step 1b: level check, networks, interface checks, sites, cluster site settings. */
export function emitNetworks(b: ScriptBuilder, s: Scenario): void {
  if (!needsNetworkSection(s)) return;
  b.line();
  b.line('# 1b. Functional level, networks, sites');
  const level = s.cluster.functionalLevel;
  if (level !== undefined) {
    const need = LEVEL_NUMBER[level];
    b.line(
      `# The design simulates functional level ${level} (its heartbeat defaults). A script cannot set the level: it follows the nodes' Windows version.`,
    );
    const what = usesSites(s) ? 'throw' : 'Write-Warning';
    b.line(
      `if ((Get-Cluster).ClusterFunctionalLevel -lt ${need}) { ${what} 'The design assumes cluster functional level ${level} (${need}) or later; this cluster reports a lower one, so it behaves differently (run Update-ClusterFunctionalLevel only once every node runs the newer Windows; it cannot be undone).' }`,
    );
  }
  for (const net of s.networks ?? []) emitNetwork(b, net.name, net.role, net.subnet);
  emitInterfaceChecks(b, s);
  emitSites(b, s);
  emitClusterSiteProperties(b, s);
}

function emitNetwork(b: ScriptBuilder, name: string, role: NetworkRole, subnet: string | undefined): void {
  const label = psCommentText(name);
  const address = subnetAddress(subnet);
  b.line(`$fl_n = Find-Net ${psLiteral(name)}`);
  if (address) {
    b.line(`if (-not $fl_n) { $fl_n = @(Get-ClusterNetwork | Where-Object { $_.Address -eq ${psLiteral(address)} }) }`);
    b.line(
      `if (@($fl_n).Count -ne 1) { throw ${psLiteral(`Expected exactly one cluster network with address ${address} for the design's network "${label}" (Get-ClusterNetwork lists them).`)} }`,
    );
  } else {
    const v = b.param(
      name,
      'Network',
      `current name of the cluster network that is "${label}" (Get-ClusterNetwork)`,
      'Net',
    );
    b.line(`if (-not $fl_n) { $fl_n = Find-Net $${v} }`);
    b.line(
      `if (-not $fl_n) { throw ("There is no cluster network named '" + $${v} + "' (Get-ClusterNetwork lists them).") }`,
    );
  }
  b.line(`$fl_n = @($fl_n)[0]`);
  b.line(`if ($fl_n.Name -ne ${psLiteral(name)}) { $fl_n.Name = ${psLiteral(name)} }`);
  b.line(`$fl_n.Role = ${ROLE_NUMBER[role]}   # ${ROLE_NAME[role]}`);
}

/** Interfaces are cabling: the script checks them and warns, it cannot create them. */
function emitInterfaceChecks(b: ScriptBuilder, s: Scenario): void {
  if (!s.networks) return;
  const all = s.networks.map((n) => n.name);
  const pairs = s.nodes.flatMap((n) => (n.interfaces ?? all).map((net) => [n.name, net] as const));
  if (pairs.length === 0) return;
  b.line('# Interfaces are physical (a NIC cabled to a subnet): the script checks them and cannot create them.');
  b.line('$fl_if = @(Get-ClusterNetworkInterface | ForEach-Object { $_.Node + [char]0 + $_.Network.Name })');
  for (const [node, net] of pairs) {
    const key = `${psLiteral(node)} + [char]0 + ${psLiteral(net)}`;
    b.line(
      `if ($fl_if -notcontains (${key})) { Write-Warning ${psLiteral(`Node "${psCommentText(node)}" has no interface on network "${psCommentText(net)}", which the design gives it.`)} }`,
    );
  }
}

function emitSites(b: ScriptBuilder, s: Scenario): void {
  const sites = [...new Set(s.nodes.flatMap((n) => (n.site === undefined ? [] : [n.site])))];
  if (sites.length === 0) return;
  b.line('# Sites are fault domains of type Site (Windows Server 2016 and later); each node is placed in its site.');
  b.line(
    "if (-not (Get-Command New-ClusterFaultDomain -ErrorAction SilentlyContinue)) { throw 'Sites need Windows Server 2016 or later: this system has no New-ClusterFaultDomain.' }",
  );
  for (const site of sites)
    b.line(
      `if (-not (Get-ClusterFaultDomain | Where-Object { $_.Name -eq ${psLiteral(site)} })) { New-ClusterFaultDomain -Name ${psLiteral(site)} -Type Site | Out-Null }`,
    );
  for (const n of s.nodes)
    if (n.site !== undefined) b.line(`Set-ClusterFaultDomain -Name ${psLiteral(n.name)} -Parent ${psLiteral(n.site)}`);
}

function emitClusterSiteProperties(b: ScriptBuilder, s: Scenario): void {
  const c = s.cluster;
  const lines: string[] = [];
  for (const k of ['CrossSiteDelay', 'CrossSiteThreshold'] as const)
    if (isExplicit(c.explicit, k) && c.properties[k] !== undefined) lines.push(`$fl_cluster.${k} = ${c.properties[k]}`);
  if (c.properties.PreferredSite !== undefined)
    lines.push(`$fl_cluster.PreferredSite = ${psLiteral(c.properties.PreferredSite)}`);
  const lower = c.properties.LowerQuorumPriorityNodeId ?? 0;
  if (lower !== 0 || isExplicit(c.explicit, 'LowerQuorumPriorityNodeId')) {
    const node = s.nodes[lower - 1];
    // The design's node ID is its position; the real cluster's ID is its own, so it is looked up by name.
    lines.push(
      node
        ? `$fl_cluster.LowerQuorumPriorityNodeId = [uint32](Get-ClusterNode | Where-Object { $_.Name -eq ${psLiteral(node.name)} }).Id`
        : '$fl_cluster.LowerQuorumPriorityNodeId = 0',
    );
  }
  if (lines.length === 0) return;
  b.line('$fl_cluster = Get-Cluster');
  lines.forEach((l) => b.line(l));
}

/** Step 7 lines for a group's PreferredSite (an ordered multi-string, like AntiAffinityClassNames). */
export function groupPreferredSiteLines(g: GroupSpec): string[] {
  const sites = g.properties.PreferredSite;
  if (sites === undefined) return [];
  const lines = ['$fl_ps = New-Object System.Collections.Specialized.StringCollection'];
  for (const site of sites) lines.push(`[void]$fl_ps.Add(${psLiteral(site)})`);
  lines.push('$fl_g.PreferredSite = $fl_ps');
  return lines;
}

/** What the script cannot carry, in the words the export dialog and the script's last comment use. */
export function networkNotExported(s: Scenario): string[] {
  const notes: string[] = [];
  if (s.networks) {
    notes.push(
      "- each node's interfaces: they are physical (a NIC cabled to a subnet); the script only checks that they exist",
    );
    if (s.networks.some((n) => n.routed || n.subnet !== undefined))
      notes.push(
        '- whether a network is routed, and its subnet: set by the network itself (the subnet is only used to find it)',
      );
  }
  if (s.cluster.functionalLevel !== undefined)
    notes.push(
      `- the functional level ${s.cluster.functionalLevel}: it follows the nodes' Windows version; the script only checks it`,
    );
  const actions = ['partition', 'healPartition', 'failNetwork', 'restoreNetwork', 'failInterface', 'restoreInterface'];
  if (s.script.some((e) => actions.includes(e.action)))
    notes.push('- partitions and network or interface failures in the script: they exist only in the simulation');
  return notes;
}
