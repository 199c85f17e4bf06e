/**
 * Import of the network part of a dump (DUMP_COMMAND: Networks, NetworkInterfaces, FaultDomains,
 * the cluster's FunctionalLevel / PreferredSite / CrossSite / LowerQuorumPriorityNodeId, each
 * group's PreferredSite and each IP Address's IpParameters) into networks.md §1's fields. Every
 * problem here is a warning naming its place in the dump, never an error: the rest of the cluster
 * still imports, and what cannot be read is left out.
 */
import type { FunctionalLevel, NetworkRole } from '../engine';
import { LEVEL_DEFAULTS } from '../engine';
import type { NodeOut } from './importCluster';
import type { Reader } from './importReader';
import { asArray, asName, isObject, prop, readEnum, readInt, type Json, type JsonObject } from './psJson';

type Dict = Record<string, unknown>;
const q = (s: string) => `"${s}"`;

/** ClusterNetworkRole: None 0, Cluster 1, Client 2, ClusterAndClient 3 (FailoverClusters module). */
const ROLES: Record<string, number> = { None: 0, Cluster: 1, Client: 2, ClusterAndClient: 3 };
const ROLE_OF: Record<number, NetworkRole> = { 0: 'none', 1: 'cluster', 3: 'clusterAndClient' };

/** ClusterFunctionalLevel: 8 = 2012 R2 (7 = 2012 reads the same, §1.1), 9 = 2016, 10 = 2019, 11+ = 2022 and later. */
function levelOf(n: number): FunctionalLevel | null {
  if (n >= 10) return '2019';
  if (n === 9) return '2016';
  if (n === 7 || n === 8) return '2012R2';
  return null;
}

/** `255.255.255.0` → 24; null when it is no contiguous IPv4 mask. */
function prefixLength(mask: string): number | null {
  const parts = mask.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return null;
  const bits = parts.map((p) => p.toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits) ? (bits.indexOf('0') === -1 ? 32 : bits.indexOf('0')) : null;
}

const text = (v: Json | undefined): string => (typeof v === 'string' ? v.trim() : '');

interface NetOut {
  name: string;
  json: Dict;
  role: NetworkRole;
}

function readNetworkList(rd: Reader, root: JsonObject): NetOut[] {
  const out: NetOut[] = [];
  asArray(prop(root, 'Networks')).forEach((raw, i) => {
    const path = `Networks[${i}]`;
    const name = asName(raw);
    if (!isObject(raw) || !name || name.trim() === '') return rd.warn(path, 'a network without a name: skipped');
    const clash = out.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (clash) return rd.warn(`${path}.Name`, `network ${q(name)} has the same name as ${q(clash.name)}: skipped`);
    let role: NetworkRole = 'clusterAndClient';
    const r = readEnum(prop(raw, 'Role') ?? prop(raw, 'RoleName'), ROLES);
    if (r.ok === true && r.value === 2)
      rd.warn(
        `${path}.Role`,
        `network ${q(name)} is for clients only (2), which is not modelled: imported as cluster and client`,
      );
    else if (r.ok === true && ROLE_OF[r.value]) role = ROLE_OF[r.value]!;
    else if (r.ok !== 'absent')
      rd.warn(
        `${path}.Role`,
        `network ${q(name)} has an unreadable role (${JSON.stringify(prop(raw, 'Role'))}): imported as cluster and client`,
      );
    const json: Dict = { name, role };
    const address = text(prop(raw, 'Address'));
    const mask = text(prop(raw, 'AddressMask'));
    if (address !== '') {
      const len = mask !== '' ? prefixLength(mask) : null;
      json.subnet = len === null ? address : `${address}/${len}`;
    }
    out.push({ name, json, role });
  });
  return out;
}

/** Each node's networks, from NetworkInterfaces; undefined = not in the dump (every node on every network). */
function readInterfaces(
  rd: Reader,
  root: JsonObject,
  nodes: NodeOut[],
  nets: NetOut[],
): Map<string, Set<string>> | undefined {
  const list = prop(root, 'NetworkInterfaces');
  if (list === undefined || list === null) {
    rd.warn('NetworkInterfaces', 'missing: every node is taken to be on every network');
    return undefined;
  }
  const byNode = new Map(nodes.map((n) => [n.name, new Set<string>()]));
  const known = new Set(nets.map((n) => n.name));
  asArray(list).forEach((raw, i) => {
    const path = `NetworkInterfaces[${i}]`;
    if (!isObject(raw)) return rd.warn(path, 'not an interface object: skipped');
    const node = asName(prop(raw, 'Node') ?? null);
    const net = asName(prop(raw, 'Network') ?? null);
    if (!node || !byNode.has(node)) return rd.warn(`${path}.Node`, `unknown node ${q(String(node))}: skipped`);
    if (!net || !known.has(net)) return rd.warn(`${path}.Network`, `unknown network ${q(String(net))}: skipped`);
    byNode.get(node)!.add(net);
  });
  return byNode;
}

/** Each node's site: up its fault-domain parents (node → chassis → rack → site) to the one of type Site. */
function readSites(rd: Reader, root: JsonObject, nodes: NodeOut[]): Map<string, string> {
  const out = new Map<string, string>();
  const domains = new Map<string, { type: string; parent: string }>();
  asArray(prop(root, 'FaultDomains')).forEach((raw, i) => {
    const name = asName(raw);
    if (!isObject(raw) || !name) return rd.warn(`FaultDomains[${i}]`, 'a fault domain without a name: skipped');
    domains.set(name, { type: text(prop(raw, 'Type')).toLowerCase(), parent: text(prop(raw, 'ParentName')) });
  });
  for (const n of nodes) {
    let at = domains.get(n.name)?.parent ?? '';
    for (let hops = 0; at !== '' && hops < 8; hops++) {
      const d = domains.get(at);
      if (!d) break;
      if (d.type === 'site') {
        out.set(n.name, at);
        break;
      }
      at = d.parent;
    }
  }
  return out;
}

function order(nets: NetOut[], on: Set<string>): string[] {
  return nets.map((n) => n.name).filter((n) => on.has(n));
}

/** Adds networks.md §1 fields to the scenario the rest of the importer built (in place). */
export function applyNetworks(rd: Reader, root: JsonObject, scenario: Dict, nodes: NodeOut[], groupJson: Dict[]): void {
  const nodeJson = nodes.map((n) => n.json);
  const c = isObject(prop(root, 'Cluster')) ? (prop(root, 'Cluster') as JsonObject) : {};
  const cluster: Dict = isObject(scenario.cluster) ? scenario.cluster : {};
  const props: Dict = isObject(cluster.properties) ? cluster.properties : {};

  let level: FunctionalLevel | null = null;
  const lv = readInt(prop(c, 'FunctionalLevel'));
  if (lv.ok === true) {
    level = levelOf(lv.value);
    if (level === null)
      rd.warn('Cluster.FunctionalLevel', `level ${lv.value} is older than 2012: imported without a level`);
    else cluster.functionalLevel = level;
  } else if (lv.ok === false) rd.warn('Cluster.FunctionalLevel', `${lv.reason}: imported without a level`);
  const siteLevel = level === '2016' || level === '2019';
  if (level !== null) {
    // readCluster kept only values that differ from the classic defaults; with a level the defaults are the level's (§1.1).
    for (const k of ['SameSubnetDelay', 'SameSubnetThreshold', 'CrossSubnetDelay', 'CrossSubnetThreshold'] as const) {
      const v = readInt(prop(c, k));
      if (v.ok !== true) continue;
      if (v.value === LEVEL_DEFAULTS[level][k]) delete props[k];
      else props[k] = v.value;
    }
  }

  const nets = readNetworkList(rd, root);
  const networkMode = nets.length > 0;
  if (networkMode) {
    scenario.networks = nets.map((n) => n.json);
    const ifaces = readInterfaces(rd, root, nodes, nets);
    const used = new Set(nets.filter((n) => n.role !== 'none').map((n) => n.name));
    nodes.forEach((n, i) => {
      const on = ifaces?.get(n.name);
      if (!on) return;
      if (![...on].some((x) => used.has(x))) {
        rd.warn(
          'NetworkInterfaces',
          `node ${q(n.name)} has no interface on a network the cluster uses: taken to be on every network`,
        );
        return;
      }
      if (on.size < nets.length) nodeJson[i]!.interfaces = order(nets, on);
    });
    markRouted(rd, nets, nodes, ifaces);
  }

  const sites = readSites(rd, root, nodes);
  if (sites.size > 0) {
    const lower = new Map<string, string>();
    const clash = [...sites.values()].find((s) => {
      const seen = lower.get(s.toLowerCase());
      lower.set(s.toLowerCase(), s);
      return seen !== undefined && seen !== s;
    });
    if (!siteLevel) rd.warn('FaultDomains', 'sites need functional level 2016 or later: imported without sites');
    else if (sites.size < nodes.length)
      rd.warn(
        'FaultDomains',
        `${nodes.length - sites.size} node(s) are in no site: imported without sites (every node needs one, or none)`,
      );
    else if (clash) rd.warn('FaultDomains', `sites differ only in letter case (${q(clash)}): imported without sites`);
    else nodes.forEach((n, i) => (nodeJson[i]!.site = sites.get(n.name)));
  }
  const siteNames = new Set(nodeJson.map((n) => n.site).filter((s): s is string => typeof s === 'string'));

  if (siteLevel) {
    for (const k of ['CrossSiteDelay', 'CrossSiteThreshold'] as const) {
      const v = readInt(prop(c, k));
      const [min, max] = k === 'CrossSiteDelay' ? [250, 4000] : [3, 120];
      if (v.ok === true && v.value !== LEVEL_DEFAULTS[level!][k]) {
        if (v.value >= min && v.value <= max) props[k] = v.value;
        else rd.warn(`Cluster.${k}`, `${v.value} is outside ${min}–${max}: the level's default is used`);
      }
    }
    const ps = text(prop(c, 'PreferredSite'));
    if (ps !== '') {
      if (siteNames.has(ps)) props.PreferredSite = ps;
      else rd.warn('Cluster.PreferredSite', `site ${q(ps)} is no node's site: not imported`);
    }
  }
  const lq = readInt(prop(c, 'LowerQuorumPriorityNodeId'));
  if (lq.ok === true && lq.value !== 0) {
    // The cluster's node ID → the scenario's (a node's position in ID order).
    const at = nodes.findIndex((n) => n.id === lq.value);
    if (at >= 0) props.LowerQuorumPriorityNodeId = at + 1;
    else rd.warn('Cluster.LowerQuorumPriorityNodeId', `no node has ID ${lq.value}: not imported`);
  }
  if (Object.keys(props).length > 0) cluster.properties = props;
  else delete cluster.properties;
  if (Object.keys(cluster).length > 0) scenario.cluster = cluster;

  readGroupSites(rd, root, groupJson, siteNames);
  if (networkMode) readIpParameters(rd, root, groupJson, nets);
}

/** Nodes that share no network the cluster uses reach each other only if routing joins their subnets. */
function markRouted(rd: Reader, nets: NetOut[], nodes: NodeOut[], ifaces: Map<string, Set<string>> | undefined): void {
  if (!ifaces) return;
  const used = nets.filter((n) => n.role !== 'none').map((n) => n.name);
  const of = (n: NodeOut) => ifaces.get(n.name) ?? new Set(used);
  for (let a = 0; a < nodes.length; a++)
    for (let b = a + 1; b < nodes.length; b++) {
      if (used.some((x) => of(nodes[a]!).has(x) && of(nodes[b]!).has(x))) continue;
      for (const n of nets) if (n.role !== 'none') n.json.routed = true;
      rd.warn(
        'NetworkInterfaces',
        `nodes ${q(nodes[a]!.name)} and ${q(nodes[b]!.name)} share no cluster network: every cluster network is imported as routed (the dump cannot show routing)`,
      );
      return;
    }
}

function readGroupSites(rd: Reader, root: JsonObject, groupJson: Dict[], sites: Set<string>): void {
  asArray(prop(root, 'Groups')).forEach((raw, i) => {
    if (!isObject(raw)) return;
    const list = asArray(prop(raw, 'PreferredSite'))
      .map((v) => (typeof v === 'string' ? v.trim() : ''))
      .filter((s) => s !== '');
    if (list.length === 0) return;
    const g = groupJson.find((x) => x.name === asName(raw));
    if (!g) return;
    const fits = (s: string, j: number) => sites.has(s) && list.indexOf(s) === j;
    const keep = list.filter(fits);
    const dropped = list.filter((s, j) => !fits(s, j));
    if (dropped.length > 0)
      rd.warn(
        `Groups[${i}].PreferredSite`,
        `${dropped.map(q).join(', ')} dropped: not a node's site (or listed twice)`,
      );
    if (keep.length === 0) return;
    const p: Dict = isObject(g.properties) ? g.properties : {};
    p.PreferredSite = keep;
    g.properties = p;
  });
}

function readIpParameters(rd: Reader, root: JsonObject, groupJson: Dict[], nets: NetOut[]): void {
  const resources = new Map<string, Dict>();
  for (const g of groupJson)
    for (const r of Array.isArray(g.resources) ? (g.resources as Dict[]) : []) resources.set(String(r.name), r);
  asArray(prop(root, 'Resources')).forEach((raw, i) => {
    if (!isObject(raw)) return;
    const p = prop(raw, 'IpParameters');
    const r = resources.get(asName(raw) ?? '');
    if (!isObject(p) || !r || r.type !== 'IP Address') return;
    const out: Dict = {};
    const network = text(prop(p, 'Network'));
    const net = nets.find((n) => n.name === network);
    if (network !== '' && !net)
      rd.warn(`Resources[${i}].IpParameters.Network`, `unknown network ${q(network)}: not imported`);
    else if (net && net.role !== 'clusterAndClient')
      rd.warn(
        `Resources[${i}].IpParameters.Network`,
        `network ${q(network)} is not for clients (role ${net.role}): not imported`,
      );
    else if (net) out.Network = network;
    const address = text(prop(p, 'Address'));
    if (address !== '') out.Address = address;
    if (Object.keys(out).length > 0) r.parameters = out;
  });
}
