/**
 * HA design lint: warnings about designs the engine accepts but that will not behave the way people
 * usually intend (issue 4 §6). Warnings never block. Each has a plain explanation and, where one
 * exists, a one-click fix that rewrites the raw scenario JSON (never mutating its input).
 */
import { DWORD_MAX, type GroupSpec, type NodeSpec, type ResourceSpec, type Scenario } from '../engine';
import { DEFAULT_RESOURCE_PROPERTIES, formatDependencyExpr } from './engineDeps';
import { isPossibleOwner, nodesHostingGroup } from './owners';
import { lintNetworks, type NetworkLintRuleId } from './networkLint';

export type LintRuleId =
  | 'preferred-owner-not-possible'
  | 'no-failover-target'
  | 'failover-threshold-zero'
  | 'restart-action-zero-provider'
  | 'pending-above-deadlock'
  | 'isalive-shorter-than-looksalive'
  | 'network-name-without-ip'
  | 'failback-without-preferred-owners'
  | 'even-votes-no-witness'
  | 'anti-affinity-overcommitted'
  | NetworkLintRuleId;

export interface LintFix {
  label: string;
  /** Returns a new raw scenario JSON object with the fix applied; the input is not modified. */
  apply: (rawScenarioJson: unknown) => unknown;
}

export interface LintWarning {
  /** The rule. Several warnings may share it; `path` + `subject` tell them apart. */
  id: LintRuleId;
  severity: 'warning';
  /** Where in the scenario JSON, e.g. `groups[0].resources[2].properties.PendingTimeout`. */
  path: string;
  /** Name of the resource, group or node concerned, or `cluster`. */
  subject: string;
  message: string;
  fix?: LintFix;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const quote = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
const IP_TYPES = ['ip address', 'ipv6 address', 'ipv6 tunnel address'];

/** A fix that edits a deep copy; if the raw JSON does not have the expected shape it is returned unchanged. */
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

function rawGroup(raw: Obj, g: GroupSpec): Obj | undefined {
  const groups: unknown[] = Array.isArray(raw.groups) ? (raw.groups as unknown[]) : [];
  const at = groups[g.index];
  if (isObj(at) && at.name === g.name) return at;
  return groups.find((x): x is Obj => isObj(x) && x.name === g.name);
}

function rawResource(raw: Obj, g: GroupSpec, r: ResourceSpec): Obj | undefined {
  const group = rawGroup(raw, g);
  const list = group && Array.isArray(group.resources) ? group.resources : [];
  return list.find((x): x is Obj => isObj(x) && x.name === r.name);
}

function props(o: Obj): Obj {
  if (!isObj(o.properties)) o.properties = {};
  return o.properties as Obj;
}

function deleteProp(o: Obj | undefined, key: string): void {
  if (!o || !isObj(o.properties)) return;
  delete o.properties[key];
  if (Object.keys(o.properties).length === 0) delete o.properties;
}

/** `dependsOn` as the file writes it: an array when every set is a single name, else expression text. */
function writeDependsOn(o: Obj, sets: string[][]): void {
  o.dependsOn = sets.every((s) => s.length === 1) ? sets.map((s) => s[0]) : formatDependencyExpr(sets);
}

const effective = (value: number, def: number) => (value === DWORD_MAX ? def : value);

interface Ctx {
  s: Scenario;
  out: LintWarning[];
}

function warn(ctx: Ctx, w: Omit<LintWarning, 'severity'>): void {
  ctx.out.push({ ...w, severity: 'warning' });
}

function preferredOwnerNotPossible(ctx: Ctx, g: GroupSpec): void {
  g.preferredOwners.forEach((node, j) => {
    const refusing = g.resources.filter((r) => !isPossibleOwner(r, node)).map((r) => r.name);
    if (refusing.length === 0) return;
    // Network mode: "can run" (networks.md §4.10) lets an OR set do without a resource (multi-subnet).
    const spec = ctx.s.nodes.find((n) => n.name === node);
    if (ctx.s.networks && spec && nodesHostingGroup(g, [spec], ctx.s).length > 0) return;
    const why = ctx.s.networks
      ? 'A group runs only on a node where its resources can come online (possible owners, the networks of its IP addresses, OR dependencies)'
      : 'A group runs only on a node that can host every one of its resources';
    warn(ctx, {
      id: 'preferred-owner-not-possible',
      path: `groups[${g.index}].preferredOwners[${j}]`,
      subject: g.name,
      message: `"${node}" is a preferred owner of group "${g.name}", but not a possible owner of ${quote(refusing)}. ${why}, so "${node}" is skipped whenever the group is placed or fails over: the preference has no effect.`,
      fix: fix(`Remove "${node}" from the preferred owners of "${g.name}"`, (raw) => {
        const rg = rawGroup(raw, g);
        if (!rg || !Array.isArray(rg.preferredOwners)) return;
        rg.preferredOwners = rg.preferredOwners.filter((n) => n !== node);
        if ((rg.preferredOwners as unknown[]).length === 0) delete rg.preferredOwners;
      }),
    });
  });
}

function noFailoverTarget(ctx: Ctx, g: GroupSpec): void {
  const nodes = ctx.s.nodes;
  const hosts = nodesHostingGroup(g, nodes, ctx.s);
  if (hosts.length >= 2) return;
  const restricting = g.resources.filter((r) => r.possibleOwners.length > 0);
  const what =
    hosts.length === 0
      ? `No node can host every resource of group "${g.name}"`
      : `Only "${hosts[0]!.name}" can host every resource of group "${g.name}"`;
  const why =
    nodes.length < 2
      ? 'The scenario has a single node, so there is nowhere to fail over to.'
      : ctx.s.networks
        ? `The possible owners and the networks of its resources leave no second node (an IP Address runs only on a node with an interface on its network, networks.md §4.10), so when ${hosts.length === 0 ? 'the group starts it has nowhere to run' : 'that node fails the group stays down'} (NoTargetNode).`
        : `The possible owners of ${quote(restricting.map((r) => r.name))} leave no second node, so when ${hosts.length === 0 ? 'the group starts it has nowhere to run' : 'that node fails the group stays down'} (NoTargetNode).`;
  const missing = nodes.filter((n) => !hosts.includes(n)).slice(0, 2 - hosts.length);
  const w: Omit<LintWarning, 'severity'> = {
    id: 'no-failover-target',
    path: `groups[${g.index}]`,
    subject: g.name,
    message: `${what}. ${why}`,
  };
  if (nodes.length >= 2 && missing.length === 2 - hosts.length && !ctx.s.networks) {
    const names = missing.map((n) => n.name);
    const toChange = restricting.filter((r) => names.some((n) => !r.possibleOwners.includes(n)));
    w.fix = fix(`Add ${quote(names)} to the possible owners of ${quote(toChange.map((r) => r.name))}`, (raw) => {
      for (const r of toChange) {
        const rr = rawResource(raw, g, r);
        if (!rr || !Array.isArray(rr.possibleOwners)) continue;
        const owners = rr.possibleOwners as unknown[];
        for (const n of names) if (!owners.includes(n)) owners.push(n);
      }
    });
  }
  warn(ctx, w);
}

function failoverThresholdZero(ctx: Ctx, g: GroupSpec): void {
  if (g.properties.FailoverThreshold !== 0) return;
  warn(ctx, {
    id: 'failover-threshold-zero',
    path: `groups[${g.index}].properties.FailoverThreshold`,
    subject: g.name,
    message: `Group "${g.name}" has FailoverThreshold 0: it may never fail over. A failed resource or a lost node leaves the role down instead of moving it to another node.`,
    fix: fix('Use the default FailoverThreshold (number of nodes − 1)', (raw) =>
      deleteProp(rawGroup(raw, g), 'FailoverThreshold'),
    ),
  });
}

function failbackWithoutPreferred(ctx: Ctx, g: GroupSpec): void {
  if (g.properties.AutoFailbackType !== 1 || g.preferredOwners.length > 0) return;
  warn(ctx, {
    id: 'failback-without-preferred-owners',
    path: `groups[${g.index}].properties.AutoFailbackType`,
    subject: g.name,
    message: `Group "${g.name}" allows failback (AutoFailbackType 1) but has no preferred owners. Failback moves a group back to its most preferred node, so without a preferred owner it never happens.`,
    fix: fix('Turn failback off (AutoFailbackType 0)', (raw) => deleteProp(rawGroup(raw, g), 'AutoFailbackType')),
  });
}

function resourceRules(ctx: Ctx, g: GroupSpec, r: ResourceSpec, ri: number): void {
  const base = `groups[${g.index}].resources[${ri}]`;
  const p = r.properties;

  const dependents = g.resources.filter((d) => d.dependsOn.some((set) => set.includes(r.name))).map((d) => d.name);
  if (p.RestartAction === 0 && dependents.length > 0) {
    warn(ctx, {
      id: 'restart-action-zero-provider',
      path: `${base}.properties.RestartAction`,
      subject: r.name,
      message: `"${r.name}" has RestartAction 0 (never restart), yet ${quote(dependents)} depend${dependents.length === 1 ? 's' : ''} on it. One failure leaves it Failed for good and takes its dependents offline with it, with no restart and no failover.`,
      fix: fix(`Restart "${r.name}" without failing the group over (RestartAction 1)`, (raw) => {
        const rr = rawResource(raw, g, r);
        if (rr) props(rr).RestartAction = 1;
      }),
    });
  }

  if (p.PendingTimeout > p.DeadlockTimeout) {
    warn(ctx, {
      id: 'pending-above-deadlock',
      path: `${base}.properties.PendingTimeout`,
      subject: r.name,
      message: `"${r.name}" has PendingTimeout ${p.PendingTimeout} ms, above its DeadlockTimeout ${p.DeadlockTimeout} ms. A stalled Online or Offline is cut off at the smaller of the two, so the deadlock handling (a monitor recycle) happens first and the PendingTimeout never applies.`,
      fix: fix(`Lower PendingTimeout to ${p.DeadlockTimeout} ms (the DeadlockTimeout)`, (raw) => {
        const rr = rawResource(raw, g, r);
        if (rr) props(rr).PendingTimeout = p.DeadlockTimeout;
      }),
    });
  }

  const looks = effective(p.LooksAlivePollInterval, DEFAULT_RESOURCE_PROPERTIES.LooksAlivePollInterval);
  const is = effective(p.IsAlivePollInterval, DEFAULT_RESOURCE_PROPERTIES.IsAlivePollInterval);
  if (is < looks) {
    warn(ctx, {
      id: 'isalive-shorter-than-looksalive',
      path: `${base}.properties.IsAlivePollInterval`,
      subject: r.name,
      message: `"${r.name}" runs the thorough IsAlive check every ${is} ms, more often than the quick LooksAlive check (every ${looks} ms). LooksAlive is meant to be the cheap, frequent check and IsAlive the expensive, rarer one; the two intervals look swapped.`,
      fix: fix(`Swap them: LooksAlive every ${is} ms, IsAlive every ${looks} ms`, (raw) => {
        const rr = rawResource(raw, g, r);
        if (!rr) return;
        props(rr).LooksAlivePollInterval = is;
        props(rr).IsAlivePollInterval = looks;
      }),
    });
  }

  if (r.type.toLowerCase() === 'network name') networkNameWithoutIp(ctx, g, r, base);
}

function networkNameWithoutIp(ctx: Ctx, g: GroupSpec, r: ResourceSpec, base: string): void {
  const byName = new Map(g.resources.map((x) => [x.name, x]));
  const isIp = (name: string) => IP_TYPES.includes(byName.get(name)?.type.toLowerCase() ?? '');
  if (r.dependsOn.some((set) => set.some(isIp))) return;
  const ips = g.resources.filter((x) => IP_TYPES.includes(x.type.toLowerCase())).map((x) => x.name);
  const w: Omit<LintWarning, 'severity'> = {
    id: 'network-name-without-ip',
    path: `${base}.dependsOn`,
    subject: r.name,
    message: `Network Name "${r.name}" does not depend on an IP Address. A network name publishes a name for an address; Windows requires the dependency and will not bring the name online without it.`,
  };
  if (ips.length > 0 && !(ips.length > 1 && ips.some((n) => n.includes(']')))) {
    w.fix = fix(`Make "${r.name}" depend on ${ips.length === 1 ? `"${ips[0]}"` : `any of ${quote(ips)}`}`, (raw) => {
      const rr = rawResource(raw, g, r);
      if (rr) writeDependsOn(rr, [...r.dependsOn, ips]);
    });
  } else if (ips.length === 0) {
    // Resource names are unique among resources only (contract §1): a group or node may share it.
    const taken = new Set(ctx.s.groups.flatMap((x) => x.resources.map((y) => y.name.toLowerCase())));
    let ipName = `${r.name} IP`;
    for (let k = 2; taken.has(ipName.toLowerCase()); k++) ipName = `${r.name} IP ${k}`;
    w.fix = fix(`Add an IP Address "${ipName}" and make "${r.name}" depend on it`, (raw) => {
      const rg = rawGroup(raw, g);
      const rr = rawResource(raw, g, r);
      if (!rg || !rr || !Array.isArray(rg.resources)) return;
      rg.resources.splice(rg.resources.indexOf(rr), 0, { name: ipName, type: 'IP Address' });
      writeDependsOn(rr, [...r.dependsOn, [ipName]]);
    });
  }
  warn(ctx, w);
}

function evenVotesNoWitness(ctx: Ctx, nodes: readonly NodeSpec[]): void {
  const voters = nodes.filter((n) => n.properties.NodeWeight === 1).length;
  if (voters === 0 || voters % 2 !== 0 || ctx.s.cluster.quorum.witness !== 'none') return;
  const dynamic = ctx.s.cluster.quorum.DynamicQuorum === 1;
  warn(ctx, {
    id: 'even-votes-no-witness',
    path: 'cluster.quorum.witness',
    subject: 'cluster',
    message: `${voters} nodes vote and there is no witness. With an even number of votes, losing half of them loses quorum and stops every role${dynamic ? "; dynamic quorum hides this by taking one node's vote away, but then losing that particular node still stops the cluster" : ''}. A witness breaks the tie.`,
    fix: fix('Add a file share witness', (raw) => {
      if (!isObj(raw.cluster)) raw.cluster = {};
      const cluster = raw.cluster as Obj;
      if (!isObj(cluster.quorum)) cluster.quorum = {};
      (cluster.quorum as Obj).witness = 'fileShare';
    }),
  });
}

function antiAffinityOvercommitted(ctx: Ctx): void {
  const classes = new Map<string, GroupSpec[]>();
  for (const g of ctx.s.groups) {
    for (const c of new Set(g.properties.AntiAffinityClassNames)) {
      const list = classes.get(c) ?? [];
      list.push(g);
      classes.set(c, list);
    }
  }
  const nodeCount = ctx.s.nodes.length;
  for (const [cls, groups] of classes) {
    if (groups.length <= nodeCount) continue;
    warn(ctx, {
      id: 'anti-affinity-overcommitted',
      path: `groups[${groups[0]!.index}].properties.AntiAffinityClassNames`,
      subject: cls,
      message: `${groups.length} groups share the anti-affinity class "${cls}" (${quote(groups.map((g) => g.name))}) but there are only ${nodeCount} node${nodeCount === 1 ? '' : 's'}. They cannot all be kept apart: anti-affinity is a preference, so some will share a node anyway.`,
    });
  }
}

export function lintScenario(scenario: Scenario): LintWarning[] {
  const ctx: Ctx = { s: scenario, out: [] };
  evenVotesNoWitness(ctx, scenario.nodes);
  for (const g of scenario.groups) {
    preferredOwnerNotPossible(ctx, g);
    noFailoverTarget(ctx, g);
    failoverThresholdZero(ctx, g);
    failbackWithoutPreferred(ctx, g);
    g.resources.forEach((r, ri) => resourceRules(ctx, g, r, ri));
  }
  antiAffinityOvercommitted(ctx);
  const net = lintNetworks(scenario);
  // Two sites holding equal votes is the same tie, said for sites: keep the more precise warning only.
  const sited = net.some((w) => w.id === 'even-split-across-two-sites');
  return [...ctx.out.filter((w) => !(sited && w.id === 'even-votes-no-witness')), ...net];
}
