/**
 * fast-check arbitraries for the fuzzer: random VALID scenarios (raw JSON, the way a user writes
 * them) with random fault scripts. Timings are short and often collide (polls, calls, restarts and
 * actions landing on one instant) because that is where engines go wrong. Everything shrinks.
 */
import fc from 'fast-check';

const DWORD = 4294967295;

/** Names that must behave as plain data (§4.8), mixed with ordinary ones. */
const NODE_NAMES = ['N1', 'N2', 'N3', 'N4'];
const ODD_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'Név é', 'a|b'];

const healthAnswer = fc.constantFrom('ok', 'fail', 'hang');
const callResult = fc.constantFrom('ok', 'fail', 'stall', 'hang');

const resourceArb = fc.record({
  deps: fc.array(fc.nat(7), { maxLength: 2 }),
  or: fc.boolean(),
  possible: fc.array(fc.nat(3), { maxLength: 2 }),
  RestartAction: fc.constantFrom(2, 2, 1, 0),
  RestartThreshold: fc.constantFrom(0, 1, 1, 2),
  RestartPeriod: fc.constantFrom(20_000, 60_000, 900_000),
  RestartDelay: fc.constantFrom(0, 500, 500, 3_000),
  retry: fc.constantFrom(1, 2, 0),
  PendingTimeout: fc.constantFrom(3_000, 10_000, 180_000),
  DeadlockTimeout: fc.constantFrom(4_000, 15_000, 300_000),
  LooksAlive: fc.constantFrom(2_000, 5_000),
  IsAlive: fc.constantFrom(6_000, 10_000, 60_000),
  separate: fc.constantFrom(0, 0, 0, 1),
  onlineMs: fc.constantFrom(0, 500, 1_000, 1_000, 2_500),
  offlineMs: fc.constantFrom(0, 500, 1_000),
  sameNameAsGroup: fc.integer({ min: 0, max: 11 }).map((x) => x === 0),
});

const groupArb = fc.record({
  owner: fc.option(fc.nat(3), { freq: 3 }),
  preferred: fc.array(fc.nat(3), { maxLength: 3 }),
  offline: fc.constantFrom(false, false, false, false, true),
  FailoverThreshold: fc.constantFrom(0, 1, 2, DWORD, DWORD),
  FailoverPeriod: fc.constantFrom(1, 6),
  AutoFailbackType: fc.constantFrom(0, 1),
  Priority: fc.constantFrom(0, 1000, 2000, 2000, 3000),
  anti: fc.constantFrom(false, false, true),
  resources: fc.array(resourceArb, { minLength: 1, maxLength: 4 }),
});

const actionArb = fc.record({
  at: fc.integer({ min: 0, max: 240 }).map((x) => x * 500),
  kind: fc.integer({ min: 0, max: 19 }),
  target: fc.nat(11),
  h1: healthAnswer,
  h2: healthAnswer,
  c: callResult,
  flag: fc.boolean(),
  pick: fc.nat(2),
});

export const scenarioSeedArb = fc.record({
  nodes: fc.array(
    fc.record({
      down: fc.constantFrom(false, false, false, false, true),
      weight: fc.constantFrom(1, 1, 1, 1, 0),
      joinMs: fc.constantFrom(0, 1_000, 5_000),
      odd: fc.constantFrom(false, false, false, false, false, true),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  witness: fc.constantFrom('none', 'none', 'disk', 'cloud'),
  dynamic: fc.constantFrom(0, 1, 1),
  delay: fc.constantFrom(250, 1_000),
  threshold: fc.constantFrom(3, 10),
  startHour: fc.integer({ min: 0, max: 23 }),
  groups: fc.array(groupArb, { minLength: 1, maxLength: 3 }),
  oddGroup: fc.integer({ min: 0, max: 7 }).map((x) => x === 0),
  actions: fc.array(actionArb, { maxLength: 14 }),
  tail: fc.constantFrom(30_000, 120_000, 400_000),
});

export type ScenarioSeed = typeof scenarioSeedArb extends fc.Arbitrary<infer T> ? T : never;

/** Build the scenario JSON a seed describes (deterministic, valid by construction). */
export function buildScenario(s: ScenarioSeed): Record<string, unknown> {
  const nodes = s.nodes.map((n, i) => {
    const name = n.odd ? ODD_NAMES[i % ODD_NAMES.length] : NODE_NAMES[i];
    return {
      name,
      ...(n.down ? { state: 'Down' } : {}),
      ...(n.weight === 0 ? { properties: { NodeWeight: 0 } } : {}),
      behavior: { joinMs: n.joinMs },
    };
  });
  const nodeName = (i: number) => nodes[i % nodes.length]!.name;
  const resNames: string[] = [];
  const groupNames: string[] = [];
  const groups = s.groups.map((g, gi) => {
    const gname = s.oddGroup && gi === 0 ? ODD_NAMES[(gi + 1) % ODD_NAMES.length]! : `G${gi}`;
    groupNames.push(gname);
    const names: string[] = [];
    const resources = g.resources.map((r, ri) => {
      const name = r.sameNameAsGroup && ri === 0 ? gname : `${gname}R${ri}`;
      const deps = ri === 0 ? [] : [...new Set(r.deps.map((d) => names[d % ri]!))];
      names.push(name);
      resNames.push(name);
      const RestartPeriod = r.RestartPeriod;
      const RetryPeriodOnFailure = r.retry === 0 ? DWORD : RestartPeriod * r.retry;
      const RestartDelay = r.onlineMs === 0 ? Math.max(1, r.RestartDelay) : r.RestartDelay;
      return {
        name,
        type: 'Generic Service',
        ...(deps.length === 0
          ? {}
          : { dependsOn: r.or && deps.length > 1 ? deps.map((d) => `[${d}]`).join(' or ') : deps }),
        ...(r.possible.length ? { possibleOwners: [...new Set(r.possible.map(nodeName))] } : {}),
        properties: {
          RestartAction: r.RestartAction,
          RestartThreshold: r.RestartThreshold,
          RestartPeriod,
          RestartDelay,
          RetryPeriodOnFailure,
          PendingTimeout: r.PendingTimeout,
          DeadlockTimeout: r.DeadlockTimeout,
          LooksAlivePollInterval: r.LooksAlive,
          IsAlivePollInterval: r.IsAlive,
          SeparateMonitor: r.separate,
        },
        behavior: { onlineMs: r.onlineMs, offlineMs: r.offlineMs },
      };
    });
    return {
      name: gname,
      ...(g.owner === null ? {} : { ownerNode: nodeName(g.owner) }),
      ...(g.preferred.length ? { preferredOwners: [...new Set(g.preferred.map(nodeName))] } : {}),
      ...(g.offline ? { persistentState: 'offline' } : {}),
      properties: {
        FailoverThreshold: g.FailoverThreshold,
        FailoverPeriod: g.FailoverPeriod,
        AutoFailbackType: g.AutoFailbackType,
        Priority: g.Priority,
        AntiAffinityClassNames: g.anti ? ['Anti'] : [],
      },
      resources,
    };
  });
  const script = s.actions
    .map((a) => {
      const node = nodeName(a.target);
      const group = groupNames[a.target % groupNames.length];
      const resource = resNames[a.target % resNames.length];
      const at = a.at;
      switch (a.kind) {
        case 0:
        case 1:
          return { at, action: 'crashNode', node };
        case 2:
        case 3:
          return { at, action: 'startNode', node };
        case 4:
          return { at, action: 'pauseNode', node, drain: a.flag };
        case 5:
          return { at, action: 'resumeNode', node, failback: (['NoFailback', 'Immediate', 'Policy'] as const)[a.pick] };
        case 6:
          return a.flag ? { at, action: 'moveGroup', group } : { at, action: 'moveGroup', group, node };
        case 7:
          return { at, action: a.flag ? 'onlineGroup' : 'offlineGroup', group };
        case 8:
          return { at, action: a.flag ? 'onlineResource' : 'offlineResource', resource };
        case 9:
          return { at, action: 'failResource', resource };
        case 10:
        case 11:
          return { at, action: 'setHealth', resource, looksAlive: a.h1, isAlive: a.h2 };
        case 12:
          return { at, action: 'setHealth', resource, isAlive: a.h2 };
        case 13:
        case 14:
          return { at, action: 'setOnline', resource, result: a.c };
        case 15:
          return { at, action: 'setOffline', resource, result: a.c };
        case 16:
          return { at, action: 'signalFailure', resource };
        case 17:
          return { at, action: 'heal', resource };
        default:
          return { at, action: a.flag ? 'failWitness' : 'restoreWitness' };
      }
    })
    .sort((x, y) => x.at - y.at);
  const last = script.length ? script[script.length - 1]!.at : 0;
  return {
    format: 'failover-scenario@1',
    name: 'fuzz',
    seed: 7,
    until: last + s.tail,
    cluster: {
      startTime: `${String(s.startHour).padStart(2, '0')}:00`,
      properties: { SameSubnetDelay: s.delay, SameSubnetThreshold: s.threshold },
      quorum: { witness: s.witness, DynamicQuorum: s.dynamic },
    },
    nodes,
    groups,
    script,
  };
}

export const scenarioJsonArb = scenarioSeedArb.map(buildScenario);
