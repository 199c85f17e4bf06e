/**
 * The network fields' validation (networks.md §1.6, first table and the type errors below it), as
 * one pass over the raw input like `./references`: `networks`, `cluster.functionalLevel`, the
 * cluster properties of §1.2, nodes' `interfaces` and `site`, groups' `PreferredSite` and IP Address
 * `parameters`. Script entries of the network actions are `./networkScriptChecks`.
 *
 * `validateScenario` drops zod's own issues at these places (`isNetworkPath`) and reports these
 * instead, so each message has the contract's exact form. Nothing here reports anything for a
 * scenario without these fields: a plain scenario's validation is unchanged.
 */
import { describeValue } from '../model/resourceTypes';
import { didYouMean } from './didYouMean';
import type { LocatedIssue, PathKey } from './issues';
import {
  haveRoute,
  heartbeatNetworks,
  NETWORK_ACTIONS,
  NETWORK_KEYS,
  NETWORK_ROLES,
  didYouMeanName,
  type NetworkContext,
  readNetworkContext,
  SITE_LEVELS,
} from './networkContext';
import { checkNetworkScript } from './networkScriptChecks';
import type { NameRegistry } from './names';
import { isName, isPlainObject, label, type PlainObject, q, qList } from './paths';

const NEEDS_LEVEL = `cluster.functionalLevel ${qList(SITE_LEVELS, 'or')}`;

/** The cluster properties networks.md §1.2 adds, checked here. */
export const NETWORK_CLUSTER_PROPERTIES = [
  'CrossSiteDelay',
  'CrossSiteThreshold',
  'PreferredSite',
  'LowerQuorumPriorityNodeId',
] as const;

const CROSS_SITE: Readonly<Record<string, { min: number; max: number; unit: string }>> = {
  CrossSiteDelay: { min: 250, max: 4000, unit: ' ms' },
  CrossSiteThreshold: { min: 3, max: 120, unit: '' },
};

type Report = (path: PathKey[], message: string, trailing?: boolean) => void;

const own = (o: PlainObject, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
const objectAt = (o: PlainObject, key: string): PlainObject | null => {
  const v = own(o, key);
  return isPlainObject(v) ? v : null;
};

/** Whether `path` (of a located issue) is one of the places these checks own (zod's issues there are dropped). */
export function isNetworkPath(root: unknown, path: readonly PathKey[]): boolean {
  const [a, b, c, d, e] = path;
  if (a === 'networks') return true;
  if (a === 'cluster') {
    if (b === 'functionalLevel') return true;
    return b === 'properties' && (NETWORK_CLUSTER_PROPERTIES as readonly PathKey[]).includes(c as PathKey);
  }
  if (a === 'nodes') return typeof b === 'number' && (c === 'interfaces' || c === 'site');
  if (a === 'groups' && typeof b === 'number') {
    if (c === 'properties') return d === 'PreferredSite';
    return c === 'resources' && typeof d === 'number' && e === 'parameters';
  }
  if (a === 'script' && typeof b === 'number' && c !== 'at') {
    const script = isPlainObject(root) ? own(root, 'script') : undefined;
    const entry = Array.isArray(script) ? (script[b] as unknown) : undefined;
    return isPlainObject(entry) && isNetworkAction(entry.action);
  }
  return false;
}

export function isNetworkAction(action: unknown): action is string {
  return typeof action === 'string' && NETWORK_ACTIONS.includes(action);
}

/** Every network-field issue of the raw input (any JSON object), in no particular order. */
export function checkNetworks(root: PlainObject, reg: NameRegistry): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  const report: Report = (path, message, trailing) =>
    out.push(trailing ? { path, message, trailing } : { path, message });
  const ctx = readNetworkContext(root);
  checkNetworkList(root, report);
  checkCluster(root, ctx, report);
  checkNodes(root, ctx, report);
  checkGroups(root, ctx, report);
  checkNetworkScript(root, ctx, reg, report);
  return out;
}

// ---------------------------------------------------------------------------------------------
// networks (§1.3)

function checkNetworkList(root: PlainObject, report: Report): void {
  if (!Object.hasOwn(root, 'networks')) return;
  const list = root.networks;
  if (!Array.isArray(list))
    return report(['networks'], `"networks" must be an array of networks, got ${describeValue(list)}`);
  if (list.length === 0)
    return report(['networks'], 'the scenario lists no network; give at least one or leave "networks" out');
  const seen = new Map<string, { name: string; index: number }>();
  list.forEach((n, i) => {
    const p: PathKey[] = ['networks', i];
    if (!isPlainObject(n))
      return report(p, `each network must be an object like { "name": "LAN" }, got ${describeValue(n)}`);
    const who = label('network', n.name, `networks[${i}]`);
    for (const key of Object.keys(n)) {
      if (!(NETWORK_KEYS as readonly string[]).includes(key))
        report([...p, key], `${who} has unknown key ${q(key)}${didYouMean(key, NETWORK_KEYS)}`);
    }
    if (!Object.hasOwn(n, 'name'))
      report([...p, 'name'], `network at networks[${i}] has no "name"; every network needs a non-empty name`);
    else if (!isName(n.name))
      report([...p, 'name'], `${who} "name" must be a non-empty string, got ${describeValue(n.name)}`);
    else {
      const first = seen.get(n.name.toLowerCase());
      if (first) {
        const caseOnly = first.name !== n.name ? ' (they differ only in letter case)' : '';
        report(
          [...p, 'name'],
          `network ${q(n.name)} has the same name as network ${q(first.name)} at networks[${first.index}].name${caseOnly}; network names must be unique, ignoring letter case`,
        );
      } else seen.set(n.name.toLowerCase(), { name: n.name, index: i });
    }
    if (Object.hasOwn(n, 'role') && !(NETWORK_ROLES as readonly unknown[]).includes(n.role))
      report(
        [...p, 'role'],
        `${who} role must be one of ${qList(NETWORK_ROLES, 'or')}, got ${describeValue(n.role)}${didYouMean(n.role, NETWORK_ROLES)}`,
      );
    if (Object.hasOwn(n, 'routed') && typeof n.routed !== 'boolean')
      report([...p, 'routed'], `${who} "routed" must be true or false, got ${describeValue(n.routed)}`);
    if (Object.hasOwn(n, 'subnet') && typeof n.subnet !== 'string')
      report([...p, 'subnet'], `${who} "subnet" must be a string, got ${describeValue(n.subnet)}`);
  });
}

// ---------------------------------------------------------------------------------------------
// cluster.functionalLevel (§1.1) and the cluster properties of §1.2

/** Why an integer setting's value is out of bounds, in checkPropertyValue's words; null when fine. */
function integerProblem(value: unknown, allowed: string): string | null {
  const must = `must be ${allowed}, got ${describeValue(value)}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return must;
  if (!Number.isInteger(value)) return `${must} (not a whole number)`;
  return null;
}

function checkCluster(root: PlainObject, ctx: NetworkContext, report: Report): void {
  const cluster = objectAt(root, 'cluster');
  if (!cluster) return;
  if (ctx.levelGiven && !ctx.levelValid)
    report(
      ['cluster', 'functionalLevel'],
      `the cluster functional level must be one of "2012R2", "2016" or "2019", got ${describeValue(ctx.level)}`,
    );
  const props = objectAt(cluster, 'properties');
  if (!props) return;
  const at = (name: string): PathKey[] => ['cluster', 'properties', name];
  const needsLevel = (name: string) => {
    if (ctx.levelValid && !ctx.siteLevel)
      report(at(name), `the cluster has property ${q(name)}, which needs ${NEEDS_LEVEL}`);
  };
  for (const name of ['CrossSiteDelay', 'CrossSiteThreshold']) {
    if (!Object.hasOwn(props, name)) continue;
    const { min, max, unit } = CROSS_SITE[name]!;
    const v = props[name];
    const problem =
      integerProblem(v, `an integer from ${min} to ${max}${unit}`) ??
      ((v as number) < 0
        ? `must be an integer from ${min} to ${max}${unit}, got ${v as number} (negative values are not allowed)`
        : (v as number) < min || (v as number) > max
          ? `must be an integer from ${min} to ${max}${unit}, got ${v as number} (out of range)`
          : null);
    if (problem) report(at(name), `the cluster property ${q(name)} ${problem}`);
    needsLevel(name);
  }
  if (Object.hasOwn(props, 'PreferredSite')) {
    const v = props.PreferredSite;
    if (!isName(v))
      report(at('PreferredSite'), `the cluster property "PreferredSite" must be a site name, got ${describeValue(v)}`);
    else if (ctx.siteLevel) {
      const problem = siteProblem(ctx, v);
      if (problem) report(at('PreferredSite'), `the cluster property "PreferredSite" names ${problem}`);
    }
    needsLevel('PreferredSite');
  }
  if (Object.hasOwn(props, 'LowerQuorumPriorityNodeId')) {
    const v = props.LowerQuorumPriorityNodeId;
    const n = Array.isArray(root.nodes) ? root.nodes.length : 0;
    const allowed = n === 0 ? '0 (none; the scenario has no nodes)' : `0 (none) or a node ID from 1 to ${n}`;
    const problem =
      integerProblem(v, allowed) ??
      ((v as number) < 0 || (v as number) > n ? `must be ${allowed}, got ${v as number}` : null);
    if (problem) report(at('LowerQuorumPriorityNodeId'), `the cluster property "LowerQuorumPriorityNodeId" ${problem}`);
  }
}

/** `unknown site "NY"; did you mean "NYC"?`, or null when `site` is a site of some node. */
function siteProblem(ctx: NetworkContext, site: string): string | null {
  if (ctx.nodes.some((n) => n.site === site)) return null;
  if (ctx.sites.length === 0) return `unknown site ${q(site)}; no node has a site`;
  return `unknown site ${q(site)}${didYouMeanName(site, ctx.sites)}`;
}

// ---------------------------------------------------------------------------------------------
// nodes: interfaces and site (§1.4), routes (§4.2)

function checkNodes(root: PlainObject, ctx: NetworkContext, report: Report): void {
  const list = own(root, 'nodes');
  if (!Array.isArray(list)) return;
  const firstWithSite = ctx.nodes.find((n) => n.hasSiteKey);
  const siteSpelling = new Map<string, { site: string; node: string | null; index: number }>();
  for (const info of ctx.nodes) {
    const n = list[info.index] as PlainObject;
    const p: PathKey[] = ['nodes', info.index];
    const who = label('node', n.name, `nodes[${info.index}]`);
    if (info.hasInterfacesKey) checkInterfaces(ctx, n.interfaces, p, who, report);
    if (info.hasSiteKey) {
      if (!isName(n.site))
        report([...p, 'site'], `${who} "site" must be a non-empty string, got ${describeValue(n.site)}`);
      if (ctx.levelValid && !ctx.siteLevel) report([...p, 'site'], `${who} has a site, which needs ${NEEDS_LEVEL}`);
    }
    if (!ctx.siteLevel) continue;
    if (!info.hasSiteKey && firstWithSite) {
      const other = label('node', firstWithSite.name, `nodes[${firstWithSite.index}]`);
      report(p, `${who} has no site, but ${other} has one; give every node a site or none`);
    }
    if (info.site !== null) {
      const first = siteSpelling.get(info.site.toLowerCase());
      if (!first) siteSpelling.set(info.site.toLowerCase(), { site: info.site, node: info.name, index: info.index });
      else if (first.site !== info.site) {
        const other = label('node', first.node, `nodes[${first.index}]`);
        report(
          [...p, 'site'],
          `${who} has site ${q(info.site)}, which differs only in letter case from site ${q(first.site)} of ${other}`,
        );
      }
    }
  }
  if (ctx.complete) checkRoutes(ctx, report);
}

function checkInterfaces(ctx: NetworkContext, value: unknown, p: PathKey[], who: string, report: Report): void {
  const at: PathKey[] = [...p, 'interfaces'];
  if (!ctx.declared) return report(at, `${who} lists interfaces, but the scenario declares no "networks"`);
  if (!Array.isArray(value))
    return report(at, `${who} "interfaces" must be an array of network names, got ${describeValue(value)}`);
  if (!ctx.usable) return;
  const seen = new Set<string>();
  value.forEach((name, i) => {
    if (typeof name !== 'string')
      return report([...at, i], `${who} "interfaces" item ${i} must be a network name, got ${describeValue(name)}`);
    if (!ctx.networks.has(name))
      return report(
        [...at, i],
        `${who} has an interface on unknown network ${q(name)}${didYouMeanName(name, ctx.networks.keys())}`,
      );
    if (seen.has(name)) report([...at, i], `${who} lists network ${q(name)} twice`);
    seen.add(name);
  });
}

/**
 * Each node needs a heartbeat interface, and a route to every other node (networks.md §1.6). A node
 * without a route to some earlier node is reported once, naming the first such node: the pairs of a
 * large cluster would otherwise bury the cause (usually one node's interfaces) under repeats.
 */
function checkRoutes(ctx: NetworkContext, report: Report): void {
  const where = (i: number): PathKey[] => {
    const info = ctx.nodes[i]!;
    return info.hasInterfacesKey ? ['nodes', info.index, 'interfaces'] : ['nodes', info.index];
  };
  const who = (i: number) => label('node', ctx.nodes[i]!.name, `nodes[${ctx.nodes[i]!.index}]`);
  // Nodes with the same heartbeat networks route alike: compare one of each kind (bounded work).
  const kinds: { key: string; nets: string[]; first: number }[] = [];
  ctx.nodes.forEach((info, i) => {
    if (info.interfaces === null) return;
    const nets = heartbeatNetworks(ctx, info);
    if (nets.length === 0) return report(where(i), `${who(i)} has no interface on a network whose role is not "none"`);
    const key = [...nets].sort().join('\n');
    let unreached: number | null = null;
    for (const kind of kinds) {
      if (!haveRoute(ctx, kind.nets, nets) && (unreached === null || kind.first < unreached)) unreached = kind.first;
    }
    if (unreached !== null)
      report(
        where(i),
        `${who(i)} has no route to ${who(unreached)}: they share no network whose role is not "none", and they are not both on routed networks`,
      );
    if (!kinds.some((k) => k.key === key)) kinds.push({ key, nets, first: i });
  });
}

// ---------------------------------------------------------------------------------------------
// groups: PreferredSite (§1.5) and IP Address parameters

function checkGroups(root: PlainObject, ctx: NetworkContext, report: Report): void {
  const list = own(root, 'groups');
  if (!Array.isArray(list)) return;
  list.forEach((g, gi) => {
    if (!isPlainObject(g)) return;
    const who = label('group', g.name, `groups[${gi}]`);
    const props = objectAt(g, 'properties');
    if (props && Object.hasOwn(props, 'PreferredSite')) checkGroupSites(ctx, props.PreferredSite, gi, who, report);
    const resources = own(g, 'resources');
    if (!Array.isArray(resources)) return;
    resources.forEach((r, ri) => {
      if (isPlainObject(r) && Object.hasOwn(r, 'parameters'))
        checkParameters(
          ctx,
          r,
          ['groups', gi, 'resources', ri, 'parameters'],
          label('resource', r.name, `groups[${gi}].resources[${ri}]`),
          report,
        );
    });
  });
}

function checkGroupSites(ctx: NetworkContext, value: unknown, gi: number, who: string, report: Report): void {
  const at: PathKey[] = ['groups', gi, 'properties', 'PreferredSite'];
  if (ctx.levelValid && !ctx.siteLevel) report(at, `${who} has property "PreferredSite", which needs ${NEEDS_LEVEL}`);
  if (!Array.isArray(value))
    return report(at, `${who} property "PreferredSite" must be an array of site names, got ${describeValue(value)}`);
  const seen = new Set<string>();
  value.forEach((site, i) => {
    if (!isName(site))
      return report(
        [...at, i],
        `${who} property "PreferredSite" item ${i} must be a site name, got ${describeValue(site)}`,
      );
    const problem = ctx.siteLevel ? siteProblem(ctx, site) : null;
    if (problem) report([...at, i], `${who} property "PreferredSite" names ${problem}`);
    else if (seen.has(site)) report([...at, i], `${who} lists site ${q(site)} twice`);
    seen.add(site);
  });
}

const PARAMETERS = ['Network', 'Address'];

function checkParameters(ctx: NetworkContext, r: PlainObject, at: PathKey[], who: string, report: Report): void {
  if (!ctx.declared) return report(at, `${who} has "parameters", but the scenario declares no "networks"`);
  const type = Object.hasOwn(r, 'type') ? r.type : undefined;
  if (type !== 'IP Address') return report(at, `${who} has "parameters", which only an "IP Address" resource accepts`);
  const params = r.parameters;
  if (!isPlainObject(params))
    return report(
      at,
      `${who} "parameters" must be an object like { "Network": "Public" }, got ${describeValue(params)}`,
    );
  for (const key of Object.keys(params)) {
    if (!PARAMETERS.includes(key))
      report([...at, key], `${who} has unknown parameter ${q(key)}${didYouMean(key, PARAMETERS)}`);
  }
  if (Object.hasOwn(params, 'Address') && typeof params.Address !== 'string')
    report([...at, 'Address'], `${who} parameter "Address" must be a string, got ${describeValue(params.Address)}`);
  if (!Object.hasOwn(params, 'Network')) return;
  const network = params.Network;
  const p: PathKey[] = [...at, 'Network'];
  if (!isName(network))
    return report(p, `${who} parameter "Network" must be a network name, got ${describeValue(network)}`);
  if (!ctx.usable) return;
  const info = ctx.networks.get(network);
  if (!info)
    return report(p, `${who} names unknown network ${q(network)}${didYouMeanName(network, ctx.networks.keys())}`);
  if (info.role !== null && info.role !== 'clusterAndClient')
    report(
      p,
      `${who} is an IP Address on network ${q(network)}, whose role is ${q(info.role)}; it needs a network whose role is "clusterAndClient"`,
    );
}
