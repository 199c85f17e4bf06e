/** fast-check generators for engine property tests. */
import fc from 'fast-check';

const health = fc.constantFrom('ok', 'fail', 'hang');
const call = fc.constantFrom('ok', 'fail', 'stall', 'hang');

/** Random valid scenarios (raw JSON) with random action scripts, for property tests. */
export const scenarioArb = fc
  .record({
    nodeCount: fc.integer({ min: 1, max: 4 }),
    witness: fc.constantFrom('none', 'disk'),
    dynamic: fc.constantFrom(0, 1),
    groups: fc.array(
      fc.record({
        preferred: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
        FailoverThreshold: fc.constantFrom(0, 1, 2, 4294967295),
        FailoverPeriod: fc.constantFrom(1, 6),
        AutoFailbackType: fc.constantFrom(0, 1),
        Priority: fc.constantFrom(0, 1000, 2000, 3000),
        anti: fc.boolean(),
        resources: fc.array(
          fc.record({
            deps: fc.array(fc.nat(), { maxLength: 2 }),
            or: fc.boolean(),
            RestartAction: fc.constantFrom(0, 1, 2),
            RestartThreshold: fc.integer({ min: 0, max: 2 }),
            PendingTimeout: fc.constantFrom(3000, 180000),
            DeadlockTimeout: fc.constantFrom(5000, 300000),
            onlineMs: fc.integer({ min: 0, max: 3000 }),
            offlineMs: fc.integer({ min: 0, max: 2000 }),
            possible: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
            separate: fc.constantFrom(0, 1),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    actions: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 400 }).map((x) => x * 1000),
        kind: fc.integer({ min: 0, max: 16 }),
        target: fc.nat(),
        h1: health,
        h2: health,
        c: call,
        flag: fc.boolean(),
      }),
      { maxLength: 14 },
    ),
  })
  .map((s) => {
    const nodes = Array.from({ length: s.nodeCount }, (_, i) => ({ name: `N${i + 1}` }));
    const nodeName = (i: number) => nodes[i % nodes.length]!.name;
    const resNames: string[] = [];
    const groups = s.groups.map((g, gi) => {
      const resources = g.resources.map((r, ri) => {
        const name = `G${gi}R${ri}`;
        const earlier = g.resources.slice(0, ri).map((_, k) => `G${gi}R${k}`);
        const deps = [...new Set(r.deps.filter(() => earlier.length > 0).map((d) => earlier[d % earlier.length]))];
        resNames.push(name);
        return {
          name,
          dependsOn: r.or && deps.length > 1 ? deps.map((d) => `[${d}]`).join(' or ') : deps,
          possibleOwners: [...new Set(r.possible.map(nodeName))],
          properties: {
            RestartAction: r.RestartAction,
            RestartThreshold: r.RestartThreshold,
            PendingTimeout: r.PendingTimeout,
            DeadlockTimeout: r.DeadlockTimeout,
            SeparateMonitor: r.separate,
          },
          behavior: { onlineMs: r.onlineMs, offlineMs: r.offlineMs },
        };
      });
      return {
        name: `G${gi}`,
        preferredOwners: [...new Set(g.preferred.map(nodeName))],
        properties: {
          FailoverThreshold: g.FailoverThreshold,
          FailoverPeriod: g.FailoverPeriod,
          AutoFailbackType: g.AutoFailbackType,
          Priority: g.Priority,
          AntiAffinityClassNames: g.anti ? ['A'] : [],
        },
        resources,
      };
    });
    const script = s.actions.map((a) => {
      const node = nodeName(a.target);
      const group = groups[a.target % groups.length]!.name;
      const resource = resNames[a.target % resNames.length];
      const at = a.at;
      switch (a.kind) {
        case 0:
          return { at, action: 'crashNode', node };
        case 1:
          return { at, action: 'startNode', node };
        case 2:
          return { at, action: 'pauseNode', node, drain: a.flag };
        case 3:
          return { at, action: 'resumeNode', node, failback: a.flag ? 'Immediate' : 'Policy' };
        case 4:
          return a.flag ? { at, action: 'moveGroup', group } : { at, action: 'moveGroup', group, node };
        case 5:
          return { at, action: a.flag ? 'onlineGroup' : 'offlineGroup', group };
        case 6:
          return { at, action: a.flag ? 'onlineResource' : 'offlineResource', resource };
        case 7:
          return { at, action: 'failResource', resource };
        case 8:
          return { at, action: 'setHealth', resource, looksAlive: a.h1, isAlive: a.h2 };
        case 9:
          return { at, action: 'setOnline', resource, result: a.c };
        case 10:
          return { at, action: 'setOffline', resource, result: a.c };
        case 11:
          return { at, action: 'signalFailure', resource };
        case 12:
          return { at, action: 'heal', resource };
        case 13:
          return { at, action: a.flag ? 'failWitness' : 'restoreWitness' };
        default:
          return { at, action: 'setHealth', resource, isAlive: a.h2 };
      }
    });
    return {
      format: 'failover-scenario@1',
      name: 'random',
      until: 1_200_000,
      cluster: { quorum: { witness: s.witness, DynamicQuorum: s.dynamic } },
      nodes,
      groups,
      script,
    };
  });
