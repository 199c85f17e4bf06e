/**
 * fast-check arbitraries for network mode (networks.md): random VALID scenarios with networks
 * (roles, routed), node interfaces (one shared network, or two routed subnets with no common one),
 * an optional functional level with sites and PreferredSite, LowerQuorumPriorityNodeId, IP Address
 * resources bound to a network, and scripts mixing partition / healPartition / failNetwork /
 * restoreNetwork / failInterface / restoreInterface / stopNode with crashes, starts and failures.
 * Times are short and collide on purpose. Nothing here reads the engine.
 */
import fc from 'fast-check';

const ROLES = ['none', 'cluster', 'clusterAndClient'] as const;

const actionArb = fc.record({
  at: fc.integer({ min: 1, max: 120 }).map((x) => x * 500),
  kind: fc.integer({ min: 0, max: 17 }),
  node: fc.nat(4),
  net: fc.nat(2),
  sides: fc.array(fc.nat(2), { minLength: 5, maxLength: 5 }),
  witness: fc.array(fc.nat(2), { maxLength: 2 }),
});

export const networkSeedArb = fc.record({
  nodes: fc.integer({ min: 2, max: 5 }),
  down: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  weights: fc.array(fc.constantFrom(1, 1, 1, 0), { minLength: 5, maxLength: 5 }),
  networks: fc.integer({ min: 1, max: 3 }),
  roles: fc.array(fc.constantFrom(...ROLES), { minLength: 3, maxLength: 3 }),
  routed: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  /** Two routed subnets, odd nodes on one, even on the other (cross-subnet routes only). */
  split: fc.boolean(),
  /** Three networks, node i on networks i and i + 1 (mod 3): one link per pair, so a cut is asymmetric (TL9). */
  ring: fc.constantFrom(false, false, true),
  extra: fc.array(fc.boolean(), { minLength: 15, maxLength: 15 }),
  level: fc.constantFrom(undefined, undefined, '2012R2', '2016', '2019'),
  sites: fc.option(fc.array(fc.constantFrom('S1', 'S2', 'S2', 'S3'), { minLength: 5, maxLength: 5 })),
  /** Level defaults for the heartbeat times (10-20 s) instead of the short overrides. */
  levelTimes: fc.constantFrom(false, false, false, true),
  preferredSite: fc.option(fc.constantFrom('S1', 'S2')),
  lowerPriority: fc.nat(5),
  witness: fc.constantFrom('none', 'none', 'disk', 'fileShare', 'cloud'),
  dynamic: fc.constantFrom(0, 1, 1),
  groups: fc.array(
    fc.record({
      preferred: fc.array(fc.nat(4), { maxLength: 3 }),
      ip: fc.option(fc.nat(2)),
      /** Multi-subnet: two IPs on two client networks, the app on "[IPa] or [IPb]" (§4.10). */
      multi: fc.boolean(),
      groupSites: fc.option(fc.array(fc.constantFrom('S1', 'S2'), { minLength: 1, maxLength: 2 })),
      onlineMs: fc.constantFrom(0, 500, 1000),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  script: fc.array(actionArb, { maxLength: 8 }),
});

export type NetworkSeed = typeof networkSeedArb extends fc.Arbitrary<infer T> ? T : never;

/** The scenario JSON of a seed: valid by construction (every pair of nodes has a route). */
export function buildNetworkScenario(s: NetworkSeed): Record<string, unknown> {
  const n = s.nodes;
  const names = Array.from({ length: n }, (_, i) => `N${i + 1}`);
  const split = s.split && s.networks >= 2;
  const ring = s.ring && s.networks === 3 && !split;
  const networks = Array.from({ length: s.networks }, (_, i) => {
    // The heartbeat path must exist: net 0 (and net 1 when split; every net in a ring) carry heartbeats.
    const base = i === 0 || (split && i === 1) || ring;
    const role = base ? (s.roles[i] === 'none' ? 'clusterAndClient' : s.roles[i]!) : s.roles[i]!;
    return { name: ['LAN', 'HB', 'Pub'][i]!, role, ...(base && split ? { routed: true } : { routed: s.routed[i]! }) };
  });
  const siteMode = (s.level === '2016' || s.level === '2019') && s.sites !== null;
  const nodes = names.map((name, i) => {
    const own = split ? [networks[i % 2]!.name] : [networks[0]!.name];
    if (ring) own.splice(0, 1, networks[i % 3]!.name, networks[(i + 1) % 3]!.name);
    // Extra interfaces; when split, only on role-none networks, so a split pair keeps cross-subnet routes.
    for (let k = split ? 2 : 1; k < s.networks && !ring; k++)
      if (s.extra[i * 3 + k] && (!split || networks[k]!.role === 'none')) own.push(networks[k]!.name);
    return {
      name,
      ...(s.down[i] && i > 0 ? { state: 'Down' } : {}),
      properties: { NodeWeight: s.weights[i] },
      behavior: { joinMs: s.extra[i] ? 0 : 1000 },
      interfaces: own,
      ...(siteMode ? { site: i === 0 ? 'S1' : s.sites![i]! } : {}),
    };
  });
  const sitesUsed = new Set(nodes.map((x) => (x as { site?: string }).site).filter(Boolean));
  const clientNets = networks.filter((x) => x.role === 'clusterAndClient').map((x) => x.name);
  const groups = s.groups.map((g, gi) => {
    const ipNet = g.ip !== null && clientNets.length ? clientNets[g.ip % clientNets.length]! : null;
    const app = { name: `A${gi}`, behavior: { onlineMs: g.onlineMs, offlineMs: 500 } };
    const ip = (name: string, net: string) => ({
      name,
      type: 'IP Address',
      parameters: { Network: net },
      behavior: { onlineMs: g.onlineMs, offlineMs: 0 },
      properties: { RestartDelay: 500 },
    });
    const resources =
      ipNet && g.multi && clientNets.length >= 2
        ? [
            ip(`IP${gi}a`, clientNets[0]!),
            ip(`IP${gi}b`, clientNets[1]!),
            { ...app, dependsOn: `[IP${gi}a] or [IP${gi}b]` },
          ]
        : ipNet
          ? [
              {
                name: `IP${gi}`,
                type: 'IP Address',
                parameters: { Network: ipNet },
                behavior: { onlineMs: g.onlineMs, offlineMs: 0 },
                properties: { RestartDelay: 500 },
              },
              { ...app, dependsOn: [`IP${gi}`] },
            ]
          : [app];
    const pref = [...new Set(g.preferred.filter((p) => p < n).map((p) => names[p]!))];
    const groupSites = siteMode && g.groupSites ? [...new Set(g.groupSites.filter((x) => sitesUsed.has(x)))] : [];
    return {
      name: `G${gi}`,
      preferredOwners: pref,
      properties: { Priority: 2000 - gi, ...(groupSites.length ? { PreferredSite: groupSites } : {}) },
      resources,
    };
  });
  const script = [...s.script]
    .sort((a, b) => a.at - b.at)
    .flatMap((a) => {
      const one = action(a, names, networks, nodes, s.witness !== 'none', s.levelTimes ? 2000 : 500);
      // Kind 17: every node started at once, so a cluster stopped by a QuorumLost can form again (§4.8).
      return a.kind === 17 ? names.map((node) => ({ ...one, node })) : [one];
    });
  const last = script.reduce((m, a) => Math.max(m, a.at as number), 0);
  const clusterProps: Record<string, unknown> = {
    ...(s.levelTimes
      ? {}
      : { SameSubnetDelay: 250, SameSubnetThreshold: 4, CrossSubnetDelay: 250, CrossSubnetThreshold: 6 }),
    ...(s.lowerPriority > 0 && s.lowerPriority <= n ? { LowerQuorumPriorityNodeId: s.lowerPriority } : {}),
  };
  if (siteMode) {
    if (!s.levelTimes) Object.assign(clusterProps, { CrossSiteDelay: 250, CrossSiteThreshold: 8 });
    if (s.preferredSite && sitesUsed.has(s.preferredSite)) clusterProps.PreferredSite = s.preferredSite;
  }
  return {
    format: 'failover-scenario@1',
    name: 'network fuzz',
    seed: 7,
    until: last + (s.levelTimes ? 60_000 : 30_000),
    cluster: {
      ...(s.level ? { functionalLevel: s.level } : {}),
      properties: clusterProps,
      quorum: { witness: s.witness, DynamicQuorum: s.dynamic },
    },
    networks,
    nodes,
    groups,
    script,
  };
}

function action(
  a: NetworkSeed['script'][number],
  names: string[],
  networks: { name: string }[],
  nodes: { name: string; interfaces: string[] }[],
  witness: boolean,
  /** Time step: 500 ms with the short heartbeat overrides, 2 s with the level defaults. */
  step: number,
): Record<string, unknown> {
  const node = names[a.node % names.length]!;
  const net = networks[a.net % networks.length]!.name;
  const at = (a.at / 500) * step;
  const w = (k: number) =>
    witness && a.witness.length ? { witness: [...new Set(a.witness.filter((x) => x < k))] } : {};
  switch (a.kind) {
    case 0:
    case 1: {
      const sides: string[][] = [[], [], []];
      names.forEach((x, i) => sides[a.sides[i]!]!.push(x));
      const used = sides.filter((x) => x.length > 0);
      if (used.length < 2) return { at, action: 'healPartition' };
      return { at, action: 'partition', sides: used, ...w(used.length) };
    }
    case 2:
      return { at, action: 'healPartition' };
    case 3:
      return { at, action: 'failNetwork', network: net };
    case 4:
      return { at, action: 'restoreNetwork', network: net };
    case 5:
    case 6: {
      const on = nodes.find((x) => x.name === node)!;
      const n2 = on.interfaces[a.net % on.interfaces.length]!;
      return { at, action: a.kind === 5 ? 'failInterface' : 'restoreInterface', node, network: n2 };
    }
    case 7:
      return { at, action: 'stopNode', node };
    case 8:
      return { at, action: 'crashNode', node };
    case 9:
    case 17:
      return { at, action: 'startNode', node };
    case 11:
      return { at, action: 'failWitness' };
    case 12:
      return { at, action: 'restoreWitness' };
    case 13: {
      // One node cut off from the others.
      const rest = names.filter((x) => x !== node);
      return { at, action: 'partition', sides: [rest, [node]], ...w(2) };
    }
    case 14: {
      // Lower IDs against higher IDs: 1–1, 1–2, 2–2 (the tie a witness breaks), 2–3.
      const k = Math.floor(names.length / 2);
      return { at, action: 'partition', sides: [names.slice(0, k), names.slice(k)], ...w(2) };
    }
    case 15:
      return { at, action: 'pauseNode', node, drain: true };
    case 16:
      return { at, action: 'resumeNode', node };
    default:
      return { at, action: 'failResource', resource: 'A0' };
  }
}
