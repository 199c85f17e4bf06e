/** The pure rules of networks.md §4, one block per rule. */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../index';
import { arbitrate, components, core } from './arbitration';
import {
  canRun,
  detectionInstant,
  reachesWitness,
  sortByTier,
  stopKeepsQuorum,
  tierKey,
  voteLoser,
  witnessAvailability,
} from './rules';
import { networkStates } from './states';
import { buildTopology, routesBetween, type NetDef } from './topology';
import { chooseTiered } from './placement';

const net = (name: string, role: NetDef['role'] = 'clusterAndClient', routed = false): NetDef => ({
  name,
  role,
  routed,
});
const linkedBy = (pairs: [number, number][]) => (a: number, b: number) =>
  pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

describe('§4.2 routes, kinds and timeouts', () => {
  const nets = [
    net('A'),
    net('HB', 'cluster'),
    net('X', 'none'),
    net('R1', 'clusterAndClient', true),
    net('R2', 'cluster', true),
  ];
  it('one route per common network whose role is not none', () => {
    expect(routesBetween(nets, [0, 1, 2], [0, 1, 2])).toEqual([
      { na: 0, nb: 0 },
      { na: 1, nb: 1 },
    ]);
  });
  it('no common network: one route per pair of interfaces on two different routed networks', () => {
    expect(routesBetween(nets, [3], [4])).toEqual([{ na: 3, nb: 4 }]);
    expect(routesBetween(nets, [0, 3], [4, 2])).toEqual([{ na: 3, nb: 4 }]);
    expect(routesBetween(nets, [0], [1])).toEqual([]); // not routed
    expect(routesBetween(nets, [2], [2])).toEqual([]); // role none
  });
  it('a common network wins over routed pairs (all routes of a pair have one kind)', () => {
    expect(routesBetween(nets, [3, 0], [4, 0])).toEqual([{ na: 0, nb: 0 }]);
  });

  const scenario = (extra: object) => {
    const v = validateScenario({ format: 'failover-scenario@1', ...extra });
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    return v.scenario;
  };
  it.each([
    [undefined, 10000, 20000],
    ['2012R2', 5000, 5000],
    ['2016', 10000, 20000],
    ['2019', 20000, 20000],
  ])('level %s: sameSubnet timeout %i, crossSubnet %i (§1.1)', (level, same, cross) => {
    const s = scenario({
      ...(level ? { cluster: { functionalLevel: level } } : {}),
      networks: [{ name: 'L' }, { name: 'P', routed: true }, { name: 'Q', routed: true }],
      nodes: [
        { name: 'N1', interfaces: ['L', 'P'] },
        // N2 is on routed P too: validation (§1.6) refuses a pair with no route at all.
        { name: 'N2', interfaces: ['L', 'P'] },
        { name: 'N3', interfaces: ['Q'] },
      ],
    });
    const topo = buildTopology(s);
    expect(topo.pairs.map((p) => [p.a, p.b, p.kind, p.timeout])).toEqual([
      [0, 1, 'sameSubnet', same],
      [0, 2, 'crossSubnet', cross],
      [1, 2, 'crossSubnet', cross],
    ]);
  });
  it('site mode: nodes of different sites are crossSite, CrossSiteDelay × CrossSiteThreshold', () => {
    const s = scenario({
      cluster: { functionalLevel: '2016', properties: { CrossSiteDelay: 2000, CrossSiteThreshold: 5 } },
      nodes: [
        { name: 'N1', site: 'A' },
        { name: 'N2', site: 'A' },
        { name: 'N3', site: 'B' },
      ],
    });
    const topo = buildTopology(s);
    expect(topo.siteMode).toBe(true);
    expect(topo.pairs.map((p) => [p.kind, p.timeout])).toEqual([
      ['sameSubnet', 10000],
      ['crossSite', 10000],
      ['crossSite', 10000],
    ]);
  });
});

describe('§4.3 crash detection instant', () => {
  it('the smallest over peers of the largest over their routes', () => {
    expect(detectionInstant(60000, [[70000, 70000], [80000]], 10000)).toBe(70000);
    expect(detectionInstant(60000, [[70000, 80000]], 10000)).toBe(80000);
  });
  it('no peer: t + SameSubnetDelay × SameSubnetThreshold', () => {
    expect(detectionInstant(60000, [], 10000)).toBe(70000);
  });
  it('a pair whose routes were all declared down already: at t', () => {
    expect(detectionInstant(60000, [[50000], [80000]], 10000)).toBe(60000);
  });
});

describe('§4.5 arbitration', () => {
  it('components of the linked relation, ordered by lowest ID', () => {
    expect(
      components(
        [4, 1, 3, 2],
        linkedBy([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
  it('core pruning (a): the node with most missing links goes first', () => {
    // 1–2, 1–3, 2–3, 1–4: node 4 misses 2 links, 2 and 3 miss one each.
    expect(
      core(
        [1, 2, 3, 4],
        linkedBy([
          [1, 2],
          [1, 3],
          [2, 3],
          [1, 4],
        ]),
        () => 1,
        () => false,
      ),
    ).toEqual([1, 2, 3]);
  });
  it('core pruning (b) non-voter first, (c) outside PreferredSite first, (d) higher ID', () => {
    const l = linkedBy([
      [1, 2],
      [1, 3],
    ]); // 2 and 3 not linked
    expect(
      core(
        [1, 2, 3],
        l,
        () => 1,
        () => false,
      ),
    ).toEqual([1, 2]); // (d)
    expect(
      core(
        [1, 2, 3],
        l,
        (n) => (n === 2 ? 0 : 1),
        () => false,
      ),
    ).toEqual([1, 3]); // (b)
    expect(
      core(
        [1, 2, 3],
        l,
        () => 1,
        (n) => n === 2,
      ),
    ).toEqual([1, 3]); // (c)
  });
  const base = {
    nodes: [1, 2, 3, 4],
    linked: linkedBy([
      [1, 2],
      [3, 4],
    ]),
    vote: () => 1 as const,
    total: 5,
    witnessAwardable: true,
    outsidePreferredSite: () => false,
  };
  it('witness award: the core reaching it wins a 2–2 split', () => {
    expect(arbitrate({ ...base, reachesWitness: (n) => n >= 3 })).toEqual({
      cores: [
        [1, 2],
        [3, 4],
      ],
      award: 1,
      winner: 1,
    });
  });
  it('witness award tie: the core with the lowest ID', () => {
    expect(arbitrate({ ...base, reachesWitness: () => true })).toMatchObject({ award: 0, winner: 0 });
  });
  it('no core reaches it, or it cannot be awarded: no winner at 2–2 of 5', () => {
    expect(arbitrate({ ...base, reachesWitness: () => false })).toMatchObject({ award: null, winner: null });
    expect(arbitrate({ ...base, witnessAwardable: false, reachesWitness: () => true })).toMatchObject({
      award: null,
      winner: null,
    });
  });
  it('the award goes to the core with most votes among those reaching it', () => {
    const r = arbitrate({ ...base, vote: (n) => (n === 2 ? 0 : 1), reachesWitness: () => true, total: 4 });
    expect(r).toMatchObject({ award: 1, winner: 1 });
  });
});

describe('§4.7 witness reachability', () => {
  const ok = { configured: true, up: true, hasUncutInterface: true, sideReaches: true };
  it('reaches only when configured, up, with an uncut interface, on a side that reaches it', () => {
    expect(reachesWitness(ok)).toBe(true);
    expect(reachesWitness({ ...ok, configured: false })).toBe(false);
    expect(reachesWitness({ ...ok, up: false })).toBe(false);
    expect(reachesWitness({ ...ok, hasUncutInterface: false })).toBe(false);
    expect(reachesWitness({ ...ok, sideReaches: false })).toBe(false);
  });
  it('R: the witness is up when nothing is partitioned or cut, else some member reaches it', () => {
    expect(witnessAvailability(true, false, false)).toBe(true);
    expect(witnessAvailability(false, false, true)).toBe(false);
    expect(witnessAvailability(true, true, false)).toBe(false);
    expect(witnessAvailability(true, true, true)).toBe(true);
  });
});

describe('§4.9 interface and network states', () => {
  const input = (down: [number, number][], members = [1, 2, 3]) => ({
    role: 'cluster' as const,
    nodes: [1, 2, 3],
    member: (n: number) => members.includes(n),
    hasRoute: () => true,
    declaredDown: linkedBy(down),
  });
  it('all Up', () => {
    const s = networkStates(input([]));
    expect([...s.interfaces.values()]).toEqual(['Up', 'Up', 'Up']);
    expect(s.network).toBe('Up');
  });
  it('a node cut off from every peer: Failed there; its peers reach each other and stay Up', () => {
    const s = networkStates(
      input([
        [1, 3],
        [2, 3],
      ]),
    );
    expect(Object.fromEntries(s.interfaces)).toEqual({ 1: 'Up', 2: 'Up', 3: 'Failed' });
    expect(s.network).toBe('Partitioned');
  });
  it('one route down between two working interfaces: both Unreachable', () => {
    const s = networkStates(input([[1, 2]]));
    expect(Object.fromEntries(s.interfaces)).toEqual({ 1: 'Unreachable', 2: 'Unreachable', 3: 'Up' });
    expect(s.network).toBe('Partitioned');
  });
  it('every route down: every interface Failed, network Down', () => {
    const s = networkStates(
      input([
        [1, 2],
        [1, 3],
        [2, 3],
      ]),
    );
    expect(s.network).toBe('Down');
  });
  it('non-members Unavailable; a lone member with no peer is Up; none at all: Unavailable', () => {
    expect(Object.fromEntries(networkStates(input([[1, 2]], [1])).interfaces)).toEqual({
      1: 'Up',
      2: 'Unavailable',
      3: 'Unavailable',
    });
    expect(networkStates(input([], [])).network).toBe('Unavailable');
  });
  it('a role-none network is not monitored', () => {
    const s = networkStates({ ...input([[1, 2]], [1, 2]), role: 'none' });
    expect(Object.fromEntries(s.interfaces)).toEqual({ 1: 'Up', 2: 'Up', 3: 'Unavailable' });
    expect(s.network).toBe('Up');
  });
});

describe('§4.10 Sat(x) and can run', () => {
  const res = (name: string, allowed: boolean, dependsOn: string[][] = []) => ({ name, allowed, dependsOn });
  it('an OR set needs one member in Sat(x); an AND provider is an OR set of one', () => {
    const rs = [res('IP1', true), res('IP2', false), res('Name', true, [['IP1', 'IP2']]), res('SQL', true, [['Name']])];
    expect(canRun(rs, ['SQL'])).toBe(true);
    const none = [
      res('IP1', false),
      res('IP2', false),
      res('Name', true, [['IP1', 'IP2']]),
      res('SQL', true, [['Name']]),
    ];
    expect(canRun(none, ['SQL'])).toBe(false);
  });
  it('an empty group can run anywhere; a top-level resource not allowed cannot', () => {
    expect(canRun([], [])).toBe(true);
    expect(canRun([res('A', false)], ['A'])).toBe(false);
  });
});

describe('§4.11 tiers and vote removal', () => {
  it('key: owner site 0, group PreferredSite 1 + i, cluster PreferredSite 1 + k, else 2 + k', () => {
    expect(tierKey('SEA', 'SEA', ['NYC'], 'LON')).toBe(0);
    expect(tierKey('NYC', 'SEA', ['LON', 'NYC'], null)).toBe(2);
    expect(tierKey('LON', 'SEA', ['NYC'], 'LON')).toBe(2);
    expect(tierKey('PAR', 'SEA', ['NYC'], 'LON')).toBe(3);
    expect(tierKey('SEA', null, [], null)).toBe(2);
  });
  it('sorted stably by key, the walk order kept within a key', () => {
    const key = (n: string) => ({ N1: 2, N2: 0, N3: 2, N4: 0 })[n]!;
    expect(sortByTier(['N3', 'N2', 'N4', 'N1'], key)).toEqual(['N2', 'N4', 'N3', 'N1']);
  });
  it('a failover walks after the current owner, wrapping, then sorts by key; anti-affinity pool first', () => {
    const key = (n: string) => (n === 'N4' ? 0 : 1);
    const order = ['N1', 'N2', 'N3', 'N4'];
    const all = new Set(['N2', 'N3', 'N4']);
    expect(chooseTiered(order, all, new Set(), { kind: 'afterCurrent', current: 'N1' }, key)).toBe('N4');
    expect(chooseTiered(order, all, new Set(['N4']), { kind: 'afterCurrent', current: 'N1' }, key)).toBe('N2');
    expect(chooseTiered(order, all, new Set(), { kind: 'afterCurrent', current: 'N1' }, () => 0)).toBe('N2');
    expect(
      chooseTiered(order, new Set(['N1', 'N2']), new Set(), { kind: 'afterCurrent', current: 'N2' }, () => 0),
    ).toBe('N1');
  });
  it('the seeded draw is only among the smallest key', () => {
    const key = (n: string) => (n === 'N3' ? 0 : 1);
    for (const r of [0, 0.5, 0.99])
      expect(
        chooseTiered(
          ['N1', 'N2', 'N3'],
          new Set(['N1', 'N2', 'N3']),
          new Set(),
          { kind: 'random', random: () => r },
          key,
        ),
      ).toBe('N3');
  });
  it('vote removal: LowerQuorumPriorityNodeId, then highest ID outside PreferredSite, then highest ID', () => {
    expect(voteLoser([1, 2, 3, 4], 2, null)).toBe(2);
    expect(voteLoser([1, 3, 4, 5], 2, null)).toBe(5); // node 2 not in V
    expect(voteLoser([1, 2, 3, 4], 0, (id) => id <= 2)).toBe(2);
    expect(voteLoser([3, 4], 0, (id) => id <= 2)).toBe(4); // nobody outside: highest ID
    expect(voteLoser([1, 2, 3, 4], 0, null)).toBe(4);
  });
});

describe('§4.12 stop quorum test', () => {
  const base = {
    dynamic: true,
    otherWeightedMember: false,
    witnessConfigured: false,
    witnessAvailable: true,
    otherVotersInV: 0,
    sizeOfV: 1,
  };
  it('dynamic quorum: another NodeWeight 1 member, or a configured witness that is available', () => {
    expect(stopKeepsQuorum({ ...base, otherWeightedMember: true })).toBe(true);
    expect(stopKeepsQuorum(base)).toBe(false);
    expect(stopKeepsQuorum({ ...base, witnessConfigured: true })).toBe(true);
    expect(stopKeepsQuorum({ ...base, witnessConfigured: true, witnessAvailable: false })).toBe(false);
  });
  it('static quorum: 2 × (voters left + witness) > |V| + witness configured', () => {
    const s = { ...base, dynamic: false };
    expect(stopKeepsQuorum({ ...s, otherVotersInV: 2, sizeOfV: 3 })).toBe(true);
    expect(stopKeepsQuorum({ ...s, otherVotersInV: 1, sizeOfV: 2 })).toBe(false);
    expect(stopKeepsQuorum({ ...s, otherVotersInV: 1, sizeOfV: 2, witnessConfigured: true })).toBe(true);
  });
});
