/**
 * Design-mode edits of the cluster's networks (networks.md §1.3), each node's interfaces (§1.4) and
 * an IP Address resource's `parameters` (§1.5), on the raw scenario JSON. Pure: the input is never
 * mutated; a refusal says why in the user's words. Network names compare exactly, and two that
 * differ only in letter case are refused (SF §1 name rules, §1.3).
 */
import type { NetworkRole } from '../engine';
import {
  done,
  groupsOf,
  interfacesOf,
  ipResourcesOn,
  isIpAddress,
  isObj,
  nameOf,
  nameShape,
  networksOf,
  nodesOf,
  plural,
  q,
  refuse,
  resourcesOf,
  roleOf,
  type Dict,
  type NetEdit,
  type RawNetwork,
} from './netRaw';

const ROLE_WORDS: Record<NetworkRole, string> = {
  none: 'none (not used by the cluster)',
  cluster: 'cluster only (heartbeats, no client access)',
  clusterAndClient: 'cluster and client',
};

function clashOf(raw: Dict, name: string, except?: string): string | null {
  const other = networksOf(raw).find((n) => n.name !== except && n.name.toLowerCase() === name.toLowerCase());
  if (!other) return null;
  return other.name === name
    ? `there is already a network named ${q(name)}`
    : `network ${q(name)} differs only in letter case from network ${q(other.name)}; network names must be unique, ignoring letter case`;
}

/** WSFC names the networks it discovers "Cluster Network 1", "Cluster Network 2", ... */
export function nextNetworkName(raw: Dict): string {
  const taken = new Set(networksOf(raw).map((n) => n.name.toLowerCase()));
  for (let i = networksOf(raw).length + 1; ; i++) if (!taken.has(`cluster network ${i}`)) return `Cluster Network ${i}`;
}

export function addNetwork<T extends Dict>(raw0: T, name?: string): NetEdit<T> {
  const n = name ?? nextNetworkName(raw0);
  const shape = nameShape(n);
  if (shape) return refuse(shape);
  const clash = clashOf(raw0, n);
  if (clash) return refuse(clash);
  const raw = structuredClone(raw0);
  const first = networksOf(raw).length === 0;
  (raw as Dict).networks = [...networksOf(raw), { name: n, role: 'clusterAndClient' }];
  // Nodes that list their interfaces do not get the new network by themselves (§1.4): say so.
  const listing = nodesOf(raw).filter((x) => Array.isArray(x.interfaces)).length;
  const tail = first
    ? ': the design is now in network mode, and every node is on it'
    : listing > 0
      ? `; ${plural(listing, 'node')} that list their interfaces are not on it yet`
      : '; every node is on it';
  return done(raw, `Added network ${q(n)}${tail}`);
}

/** Renames a network and every reference: node interfaces, IP Address `Network`, script arguments. */
export function renameNetwork<T extends Dict>(raw0: T, from: string, to: string): NetEdit<T> {
  if (!networksOf(raw0).some((n) => n.name === from)) return refuse(`there is no network named ${q(from)}`);
  if (from === to) return done(raw0);
  const shape = nameShape(to);
  if (shape) return refuse(shape);
  const clash = clashOf(raw0, to, from);
  if (clash) return refuse(clash);
  const raw = structuredClone(raw0);
  networksOf(raw).find((n) => n.name === from)!.name = to;
  for (const node of nodesOf(raw))
    if (Array.isArray(node.interfaces))
      node.interfaces = (node.interfaces as unknown[]).map((x) => (x === from ? to : x));
  for (const { r } of ipResourcesOn(raw, from)) (r.parameters as Dict).Network = to;
  for (const e of Array.isArray(raw.script) ? raw.script : []) if (isObj(e) && e.network === from) e.network = to;
  return done(raw, `Renamed network ${q(from)} to ${q(to)}`);
}

/** Script actions that name `network` (failNetwork, failInterface ...), as `script[i] (action at t)`. */
function scriptUses(raw: Dict, network: string): string[] {
  const out: string[] = [];
  (Array.isArray(raw.script) ? raw.script : []).forEach((e, i) => {
    if (isObj(e) && e.network === network) out.push(`script[${i}] (${String(e.action)} at ${String(e.at)})`);
  });
  return out;
}

/** A node left with no interface on a network whose role is not none (§1.6 "no heartbeat interface"). */
function heartbeatless(raw: Dict): string[] {
  const roles = new Map(networksOf(raw).map((n) => [n.name, roleOf(n)]));
  if (roles.size === 0) return [];
  return nodesOf(raw)
    .filter((n) => !interfacesOf(raw, n).some((x) => roles.has(x) && roles.get(x) !== 'none'))
    .map(nameOf);
}

export function deleteNetwork<T extends Dict>(raw0: T, name: string): NetEdit<T> {
  if (!networksOf(raw0).some((n) => n.name === name)) return refuse(`there is no network named ${q(name)}`);
  const used = scriptUses(raw0, name);
  if (used.length > 0)
    return refuse(`network ${q(name)} is named by ${used.join(', ')}: remove those script actions first`);
  const raw = structuredClone(raw0);
  (raw as Dict).networks = networksOf(raw).filter((n) => n.name !== name);
  const last = (raw.networks as unknown[]).length === 0;
  const ips = ipResourcesOn(raw, name).map(({ r }) => r);
  for (const r of ips) {
    const p = r.parameters as Dict;
    delete p.Network;
    if (Object.keys(p).length === 0) delete r.parameters;
  }
  if (last) {
    // Without networks there is no network mode: interfaces and IP parameters would be errors (§1.6).
    delete raw.networks;
    for (const node of nodesOf(raw)) delete node.interfaces;
    for (const g of groupsOf(raw)) for (const r of resourcesOf(g)) delete r.parameters;
    return done(raw, `Deleted network ${q(name)}: the design has no networks now (one implicit network, as before)`);
  }
  for (const node of nodesOf(raw))
    if (Array.isArray(node.interfaces)) node.interfaces = node.interfaces.filter((x) => x !== name);
  const stranded = heartbeatless(raw).filter((n) => !heartbeatless(raw0).includes(n));
  if (stranded.length > 0)
    return refuse(
      `deleting network ${q(name)} would leave ${stranded.map(q).join(', ')} with no interface on a network the cluster uses; give ${stranded.length === 1 ? 'it' : 'them'} another network first`,
    );
  const ipNote = ips.length > 0 ? `; ${plural(ips.length, 'IP Address')} no longer name a network` : '';
  return done(raw, `Deleted network ${q(name)}${ipNote}`);
}

function network(raw: Dict, name: string): RawNetwork | undefined {
  return networksOf(raw).find((n) => n.name === name);
}

/** Role (§1.3): an IP Address may sit only on a clusterAndClient network (§1.6, event 1223). */
export function setNetworkRole<T extends Dict>(raw0: T, name: string, role: NetworkRole): NetEdit<T> {
  if (!network(raw0, name)) return refuse(`there is no network named ${q(name)}`);
  if (!(role in ROLE_WORDS)) return refuse(`a network role is "none", "cluster" or "clusterAndClient", not ${q(role)}`);
  if (role !== 'clusterAndClient') {
    const ips = ipResourcesOn(raw0, name).map(({ r }) => nameOf(r));
    if (ips.length > 0)
      return refuse(
        `${ips.map(q).join(', ')} ${ips.length === 1 ? 'is an IP Address' : 'are IP Addresses'} on network ${q(name)}; an IP Address needs a network whose role is cluster and client. Move ${ips.length === 1 ? 'it' : 'them'} to another network first`,
      );
  }
  const raw = structuredClone(raw0);
  network(raw, name)!.role = role;
  const stranded = heartbeatless(raw).filter((n) => !heartbeatless(raw0).includes(n));
  if (stranded.length > 0)
    return refuse(
      `with role none, ${stranded.map(q).join(', ')} would have no network the cluster uses for heartbeats; give ${stranded.length === 1 ? 'it' : 'them'} another network first`,
    );
  return done(raw, `Network ${q(name)}: role ${ROLE_WORDS[role]}`);
}

export function setNetworkRouted<T extends Dict>(raw0: T, name: string, routed: boolean): NetEdit<T> {
  if (!network(raw0, name)) return refuse(`there is no network named ${q(name)}`);
  const raw = structuredClone(raw0);
  const n = network(raw, name)!;
  if (routed) n.routed = true;
  else delete n.routed;
  return done(
    raw,
    `Network ${q(name)} is ${routed ? 'routed: it reaches other routed networks (a cross-subnet route)' : 'not routed'}`,
  );
}

/** The subnet is shown and exported, not interpreted (§1.3); blank removes it. */
export function setNetworkSubnet<T extends Dict>(raw0: T, name: string, subnet: string | undefined): NetEdit<T> {
  if (!network(raw0, name)) return refuse(`there is no network named ${q(name)}`);
  const raw = structuredClone(raw0);
  const n = network(raw, name)!;
  const t = subnet?.trim() ?? '';
  if (t === '') delete n.subnet;
  else n.subnet = t;
  return done(raw);
}

/**
 * Puts node `node` on network `net` or takes it off. The node's list is written out in network
 * order once edited (an absent list means every network, §1.4).
 */
export function setInterface<T extends Dict>(raw0: T, node: string, net: string, on: boolean): NetEdit<T> {
  if (!network(raw0, net)) return refuse(`there is no network named ${q(net)}`);
  if (!nodesOf(raw0).some((n) => n.name === node)) return refuse(`there is no node named ${q(node)}`);
  const raw = structuredClone(raw0);
  const x = nodesOf(raw).find((n) => n.name === node)!;
  const current = new Set(interfacesOf(raw, x));
  if (current.has(net) === on) return done(raw0);
  if (on) current.add(net);
  else current.delete(net);
  x.interfaces = networksOf(raw)
    .map((n) => n.name)
    .filter((n) => current.has(n));
  if (heartbeatless(raw).includes(node) && !heartbeatless(raw0).includes(node))
    return refuse(
      `node ${q(node)} would have no interface on a network the cluster uses (role cluster or cluster and client): it could not send heartbeats`,
    );
  return done(raw, `Node ${q(node)} is ${on ? 'now on' : 'no longer on'} network ${q(net)}`);
}

/**
 * An IP Address resource's `Network` or `Address` parameter (§1.5); undefined or blank removes it.
 * `Network` must name a network whose role is clusterAndClient.
 */
export function setIpParameter<T extends Dict>(
  raw0: T,
  resource: string,
  key: 'Network' | 'Address',
  value: string | undefined,
): NetEdit<T> {
  const raw = structuredClone(raw0);
  const r = groupsOf(raw)
    .flatMap(resourcesOf)
    .find((x) => x.name === resource);
  if (!r) return refuse(`there is no resource named ${q(resource)}`);
  if (!isIpAddress(r))
    return refuse(`${q(resource)} is not an IP Address resource; only an IP Address has a network and an address`);
  const v = value?.trim() ?? '';
  if (v !== '' && networksOf(raw).length === 0)
    return refuse('the design declares no networks: add a network first (Networks, in the Scenario panel)');
  if (key === 'Network' && v !== '') {
    const n = network(raw, v);
    if (!n) return refuse(`there is no network named ${q(v)}`);
    if (roleOf(n) !== 'clusterAndClient')
      return refuse(
        `network ${q(v)} has role ${ROLE_WORDS[roleOf(n)]}; an IP Address needs a network whose role is cluster and client`,
      );
  }
  const p: Dict = isObj(r.parameters) ? r.parameters : {};
  if (v === '') delete p[key];
  else p[key] = v;
  if (Object.keys(p).length === 0) delete r.parameters;
  else r.parameters = p;
  return done(raw);
}
