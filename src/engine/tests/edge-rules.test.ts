/**
 * Contract §4.8, the edge rules, one describe per rule. Each repro scenario found by random fault
 * testing (edge-fixtures/, README in ../../../../shared/fixtures/engine) is asserted against the
 * contract's outcome, and each rule is checked again on a different topology or timing so the
 * test holds the rule, not the repro.
 */
import { describe, expect, it } from 'vitest';
import { cluster, scenario } from '../testing/harness';
import { runScenario, validateScenario, type Scenario } from '../index';
import amb01 from './edge-fixtures/amb01.json';
import amb02 from './edge-fixtures/amb02.json';
import amb03 from './edge-fixtures/amb03.json';
import bug01 from './edge-fixtures/bug01.json';
import bug02 from './edge-fixtures/bug02.json';
import bug03 from './edge-fixtures/bug03.json';
import bug04 from './edge-fixtures/bug04.json';
import bug05 from './edge-fixtures/bug05.json';
import bug06 from './edge-fixtures/bug06.json';
import bug07 from './edge-fixtures/bug07.json';
import bug08 from './edge-fixtures/bug08.json';
import bug09 from './edge-fixtures/bug09.json';
import bug10 from './edge-fixtures/bug10.json';
import bug11 from './edge-fixtures/bug11.json';
import bug12 from './edge-fixtures/bug12.json';
import bug14 from './edge-fixtures/bug14.json';

const run = (json: unknown) => cluster(json).to((json as { until: number }).until);
const r1 = (name = 'R', extra: Record<string, unknown> = {}) => ({
  name,
  behavior: { onlineMs: 1000, offlineMs: 1000 },
  ...extra,
});

describe('§4.8 a crashed node before detection runs nothing', () => {
  it('no health check runs there: the failover waits for detection (bug01)', () => {
    const c = run(bug01);
    expect(
      c.lines(['call'], 10_000).filter((l) => /LooksAlive|IsAlive/.test(l) && Number(l.split(' ')[0]) < 50_000),
    ).toEqual([]);
    expect(c.lines(['node.state', 'group.owner', 'policy'], 10_000).slice(0, 3)).toEqual([
      '50000 node N1 Up->Down',
      '50000 policy FailoverStarted G',
      '50000 owner G N1->N2 failover',
    ]);
  });

  it('a call made into it is traced pending and never completes (bug02: an administrator offline)', () => {
    const c = run(bug02);
    expect(c.lines(['call', 'resource.state'], 10_000)).toEqual([
      '12000 R Online->OfflinePending',
      '12000 call Offline R pending',
      '50000 R OfflinePending->Offline',
    ]);
  });

  it('it is still a failover target; the group that arrived there fails over again at detection, counted again (amb02)', () => {
    const c = run(amb02);
    expect(c.lines(['call', 'group.owner', 'policy'], 12_000)).toEqual([
      '12000 call Terminate R ok',
      '12000 policy RestartThresholdExceeded R',
      '12000 policy FailoverStarted G',
      '12000 owner G N1->N2 failover',
      '12000 call Online R pending',
      '20000 policy FailoverStarted G',
      '20000 owner G N2->N3 failover',
      '20000 call Online R pending',
    ]);
    expect(c.sim.final().groups.G).toEqual({ state: 'Online', owner: 'N3', failoverCount: 2 });
  });

  it('signalFailure and failResource are applied (traced as actions) but nothing runs there', () => {
    const c = cluster(
      scenario({
        until: 40_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
        groups: [{ name: 'G', ownerNode: 'N1', preferredOwners: ['N1', 'N2'], resources: [r1('R')] }],
        script: [
          { at: 5000, action: 'setHealth', resource: 'R', isAlive: 'fail' },
          { at: 6000, action: 'crashNode', node: 'N1' },
          { at: 6200, action: 'signalFailure', resource: 'R' },
          { at: 6300, action: 'failResource', resource: 'R' },
        ],
      }),
    ).to(40_000);
    expect(c.lines(['action', 'action.rejected', 'call', 'resource.state'], 6000).slice(0, 4)).toEqual([
      '6000 action crashNode',
      '6200 action signalFailure',
      '6300 action failResource',
      '16000 R Online->Offline',
    ]);
  });

  it('a RestartDelay armed before the crash still calls Online into the node, and that call never returns', () => {
    const c = cluster(
      scenario({
        until: 40_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
        groups: [{ name: 'G', ownerNode: 'N1', preferredOwners: ['N1', 'N2'], resources: [r1('R')] }],
        script: [
          { at: 6000, action: 'failResource', resource: 'R' },
          { at: 6000, action: 'crashNode', node: 'N1' },
        ],
      }),
    ).to(40_000);
    expect(c.lines(['call', 'resource.state', 'group.owner', 'policy'], 6000)).toEqual([
      '6000 R Online->Failed',
      '6000 call Terminate R ok',
      '6500 R Failed->OnlinePending',
      '6500 call Online R pending',
      '16000 R OnlinePending->Offline',
      '16000 policy FailoverStarted G',
      '16000 owner G N1->N2 failover',
      '16000 R Offline->OnlinePending',
      '16000 call Online R pending',
      '17000 R OnlinePending->Online',
    ]);
  });
});

describe('§4.8 a hung call stays hung', () => {
  it('through a takedown and a restart in the same monitor: the recycle still comes DeadlockTimeout after the call (bug03)', () => {
    const c = run(bug03);
    expect(c.lines(['rhs.recycle'])).toEqual(['362000 recycle N1 [Disk,App,Bystander]']);
    // App came back online in the hung monitor meanwhile, and fails with it
    expect(c.lines(['resource.state'], 100_000).filter((l) => l.includes(' App '))).toEqual([
      '100000 App Online->Offline',
      '101500 App Offline->OnlinePending',
      '102500 App OnlinePending->Online',
      '362000 App Online->Failed',
      '363000 App Failed->OnlinePending',
      '364000 App OnlinePending->Online',
    ]);
  });

  it('a failResource of the hung resource itself does not end the hang either', () => {
    const c = cluster(
      scenario({
        until: 400_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }],
        groups: [{ name: 'G', resources: [r1('R', { properties: { RestartThreshold: 5 } })] }],
        script: [
          { at: 1000, action: 'setHealth', resource: 'R', isAlive: 'hang' },
          { at: 90_000, action: 'failResource', resource: 'R' },
          { at: 90_000, action: 'heal', resource: 'R' },
        ],
      }),
    ).to(400_000);
    expect(c.lines(['rhs.recycle', 'call'], 60_000)).toEqual([
      '61000 call IsAlive R hang',
      '90000 call Terminate R ok',
      '90500 call Online R pending',
      '361000 recycle N1 [R]',
      '361000 call Terminate R ok',
      '361500 call Online R pending',
    ]);
  });

  it('signalFailure does nothing while a check is hung: no second IsAlive, the recycle stays put (bug04)', () => {
    const c = run(bug04);
    expect(c.lines(['call', 'rhs.recycle', 'action'], 60_000)).toEqual([
      '60000 action setHealth',
      '61000 call IsAlive R hang',
      '200000 action signalFailure',
      '361000 recycle N1 [R]',
      '361000 call Terminate R ok',
    ]);
  });

  it('faults follow the resource: moved with a hang fault, its first check hangs on the new node too (bug05)', () => {
    const c = run(bug05);
    expect(c.lines(['call', 'rhs.recycle'], 30_000)).toEqual([
      '30000 call Offline R pending',
      '31000 call Online R pending',
      '37000 call LooksAlive R hang',
      // N1's monitor is still recycled; it hosts nothing now (R moved away, so it is not listed)
      '306000 recycle N1 []',
      '337000 recycle N2 [R]',
      '337000 call Terminate R ok',
    ]);
  });

  it('no recycle on a node that is Down (bug06)', () => {
    const c = run(bug06);
    expect(c.lines(['rhs.recycle'])).toEqual([]);
    c.expectResource('R').inState('Online').onNode('N2');
  });

  it('no recycle on a crashed node before its detection either', () => {
    const c = cluster(
      scenario({
        until: 200_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
        cluster: { properties: { SameSubnetDelay: 1000, SameSubnetThreshold: 60 } },
        groups: [{ name: 'G', ownerNode: 'N1', resources: [r1('R', { properties: { DeadlockTimeout: 10_000 } })] }],
        script: [
          { at: 1000, action: 'setHealth', resource: 'R', isAlive: 'hang' },
          { at: 65_000, action: 'crashNode', node: 'N1' },
        ],
      }),
    ).to(200_000);
    // hung at 61000, recycle would be at 71000: the node crashed at 65000 and is detected at 125000
    expect(c.lines(['rhs.recycle']).filter((l) => l.includes('recycle N1'))).toEqual([]);
    expect(c.lines(['node.state'])).toEqual(['125000 node N1 Up->Down']);
  });
});

describe('§4.8 failures of one instant are decided together', () => {
  it('a recycle failing three resources fails the group over once; the others come online with it (bug07)', () => {
    const c = run(bug07);
    expect(c.lines(['policy', 'group.owner'], 66_000).filter((l) => l.startsWith('66000'))).toEqual([
      '66000 policy RestartThresholdExceeded A',
      '66000 policy RestartThresholdExceeded B',
      '66000 policy FailoverStarted G',
      '66000 owner G N1->N2 failover',
    ]);
    expect(c.lines(['resource.state'], 66_000).filter((l) => l.startsWith('67000'))).toContain(
      '67000 B Failed->OnlinePending',
    );
  });

  it('the outcome does not depend on the order of resources in the file', () => {
    const swapped = structuredClone(bug07) as { groups: { resources: unknown[] }[] };
    swapped.groups[0]!.resources.reverse();
    const finalOf = (json: unknown) => {
      const v = validateScenario(json);
      if (!v.ok) throw new Error('invalid');
      return runScenario(v.scenario).final;
    };
    expect(finalOf(swapped)).toEqual(finalOf(bug07));
  });
});

describe('§4.8 a group waiting for a target', () => {
  it('starts the failover it waited for when a candidate appears: FailoverStarted, counted; never Online without a call (bug09)', () => {
    const c = run(bug09);
    expect(c.lines(['policy', 'group.owner', 'call'], 10_000)).toEqual([
      '10000 call Terminate R2 ok',
      '10000 policy RestartThresholdExceeded R2',
      '10000 policy NoTargetNode G',
      '25000 policy FailoverStarted G',
      '25000 call Offline R1 pending',
      '30000 owner G N1->N3 failover',
      '30000 call Online R1 pending',
      '30000 call Online R2 pending',
    ]);
    expect(c.sim.final().groups.G).toEqual({ state: 'Online', owner: 'N3', failoverCount: 1 });
  });

  it('after a node loss with no candidate, the group fails over (counted) when a node that can host it joins', () => {
    const c = cluster(
      scenario({
        until: 60_000,
        nodes: [
          { name: 'N1' },
          { name: 'N2' },
          { name: 'N3', state: 'Down', behavior: { joinMs: 1000 } },
          { name: 'N4' },
        ],
        groups: [{ name: 'G', ownerNode: 'N1', resources: [r1('R', { possibleOwners: ['N1', 'N3'] })] }],
        script: [
          { at: 5000, action: 'crashNode', node: 'N1' },
          { at: 30_000, action: 'startNode', node: 'N3' },
        ],
      }),
    ).to(60_000);
    expect(c.lines(['policy', 'group.owner'])).toEqual([
      '15000 owner G N1->null failover',
      '15000 policy NoTargetNode G',
      '31000 policy FailoverStarted G',
      '31000 owner G null->N3 failover',
    ]);
    expect(c.sim.final().groups.G).toEqual({ state: 'Online', owner: 'N3', failoverCount: 1 });
  });

  it('after QuorumRegained a group with no candidate gets NoTargetNode and is placed when one joins (bug08, §4.7)', () => {
    const c = run(bug08);
    expect(c.lines(['policy', 'group.owner', 'call'], 60_000)).toEqual([
      '65000 policy QuorumRegained cluster',
      '65000 policy NoTargetNode G',
      '105000 call Online R pending',
    ]);
    expect(c.sim.final().groups.G).toEqual({ state: 'Online', owner: 'N3', failoverCount: 0 });
  });
});

describe('§4.8 a move whose target becomes unavailable', () => {
  it('a failback whose target is paused is cancelled and the group comes back online on its owner (bug12)', () => {
    const c = run(bug12);
    expect(c.lines(['group.owner'])).toEqual([]);
    expect(c.sim.final().groups.G).toEqual({ state: 'Online', owner: 'N1', failoverCount: 0 });
  });

  it('an administrator move to the best node chooses again when its target is detected Down', () => {
    const c = cluster(
      scenario({
        until: 60_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }, { name: 'N4' }],
        groups: [
          { name: 'G', ownerNode: 'N1', resources: [r1('R', { behavior: { onlineMs: 1000, offlineMs: 20_000 } })] },
        ],
        script: [
          { at: 1000, action: 'crashNode', node: 'N2' },
          { at: 2000, action: 'moveGroup', group: 'G' },
        ],
      }),
    ).to(60_000);
    // N2 still counts as Up when the move starts; detected at 11000 before the group arrives (22000)
    expect(c.lines(['group.owner'])).toEqual(['22000 owner G N1->N3 move']);
  });

  it('an administrator move to a named node is cancelled when that node is paused', () => {
    const c = cluster(
      scenario({
        until: 60_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
        groups: [
          { name: 'G', ownerNode: 'N1', resources: [r1('R', { behavior: { onlineMs: 1000, offlineMs: 5000 } })] },
        ],
        script: [
          { at: 2000, action: 'moveGroup', group: 'G', node: 'N2' },
          { at: 3000, action: 'pauseNode', node: 'N2' },
        ],
      }),
    ).to(60_000);
    expect(c.lines(['group.owner'])).toEqual([]);
    expect(c.lines(['resource.state'], 2000)).toEqual([
      '2000 R Online->OfflinePending',
      '7000 R OfflinePending->Offline',
      '7000 R Offline->OnlinePending',
      '8000 R OnlinePending->Online',
    ]);
  });
});

describe('§4.8 a group already moving keeps its move', () => {
  it('a drain skips it, and it is not moved twice', () => {
    const c = cluster(
      scenario({
        until: 60_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
        groups: [
          { name: 'G', ownerNode: 'N1', resources: [r1('R', { behavior: { onlineMs: 1000, offlineMs: 5000 } })] },
        ],
        script: [
          { at: 2000, action: 'moveGroup', group: 'G', node: 'N3' },
          { at: 3000, action: 'pauseNode', node: 'N1', drain: true },
        ],
      }),
    ).to(60_000);
    expect(c.lines(['group.owner'])).toEqual(['7000 owner G N1->N3 move']);
  });
});

describe('§4.8 a group whose persistent state is offline loses its owner', () => {
  it('moves to the first candidate of the failover walk and stays Offline: no FailoverStarted, not counted (amb01)', () => {
    const c = run(amb01);
    expect(c.lines(['policy', 'group.owner'])).toEqual(['20000 owner G N1->N2 failover']);
    expect(c.sim.final().groups.G).toEqual({ state: 'Offline', owner: 'N2', failoverCount: 0 });
  });
});

describe('§4.8 paused nodes', () => {
  it('neither onlineGroup nor onlineResource brings a group that is Offline on a paused node online (bug10)', () => {
    const c = run(bug10);
    expect(c.lines(['action', 'action.rejected'])).toEqual([
      '10000 action pauseNode',
      '20000 rejected onlineGroup',
      '30000 rejected onlineResource',
    ]);
    c.expectResource('R').inState('Offline');
  });
});

describe('§4.8 restart windows', () => {
  it('an administrator online does not reset the restart window', () => {
    const c = cluster(
      scenario({
        until: 60_000,
        nodes: [{ name: 'N1' }],
        groups: [{ name: 'G', resources: [r1('R', { properties: { RestartThreshold: 1, RestartAction: 1 } })] }],
        script: [
          { at: 5000, action: 'failResource', resource: 'R' },
          { at: 10_000, action: 'failResource', resource: 'R' },
          { at: 15_000, action: 'onlineGroup', group: 'G' },
          { at: 20_000, action: 'failResource', resource: 'R' },
        ],
      }),
    ).to(60_000);
    expect(c.lines(['policy'])).toEqual([
      '10000 policy RestartThresholdExceeded R',
      '20000 policy RestartThresholdExceeded R',
    ]);
    c.expectResource('R').restarts(3);
  });
});

describe('§4.8 names are data', () => {
  it('a node and a resource named __proto__ appear in final like any other name (bug14)', () => {
    const v = validateScenario(bug14);
    if (!v.ok) throw new Error('invalid');
    const json = JSON.stringify(runScenario(v.scenario).final);
    const final = JSON.parse(json) as { nodes: Record<string, unknown>; resources: Record<string, unknown> };
    expect(Object.keys(final.nodes)).toEqual(['__proto__', 'N2', 'N3']);
    expect(Object.keys(final.resources)).toEqual(['__proto__ ']);
    expect(Object.getOwnPropertyDescriptor(final.nodes, '__proto__')?.value).toEqual({ state: 'Down' });
  });
});

describe('§1 ownerNode counts only if that node is Up at t=0 (amb03)', () => {
  it('a Down ownerNode is passed over for the first Up candidate', () => {
    const c = run(amb03);
    expect(c.sim.final().groups.G).toEqual({ state: 'Online', owner: 'N2', failoverCount: 0 });
  });
});

describe('§3 quorum.vote for every change of a vote (bug11)', () => {
  it('the witness vote is traced when it returns and when its loss loses quorum', () => {
    const c = run(bug11);
    expect(c.lines(['quorum.vote', 'policy'])).toEqual([
      '10000 vote witness 1->0',
      '30000 policy QuorumLost cluster',
      '100000 policy QuorumRegained cluster',
      '100000 vote witness 0->1',
      '200000 vote witness 1->0',
      '200000 policy QuorumLost cluster',
    ]);
  });

  it('the reason of an even-rule vote change names the rule', () => {
    const c = cluster(scenario({ nodes: [{ name: 'A' }, { name: 'B' }], groups: [] }));
    const vote = c.events((e) => e.type === 'quorum.vote')[0]!;
    expect(vote.reason).toBe(
      'vote of "B" removed to keep the voting count odd (dynamic quorum: with an even count and no witness vote, the highest node ID gives up its vote)',
    );
  });
});

describe('the run loop never spins within one instant', () => {
  it('a zero-time loop the validation did not foresee stops with a clear error', () => {
    const v = validateScenario(
      scenario({
        nodes: [{ name: 'N1' }],
        groups: [{ name: 'G', resources: [{ name: 'R', behavior: { onlineMs: 0, offlineMs: 0 } }] }],
        script: [
          { at: 1000, action: 'setOnline', resource: 'R', result: 'fail' },
          { at: 1000, action: 'failResource', resource: 'R' },
        ],
      }),
    );
    if (!v.ok) throw new Error('invalid');
    // Bypass validation's §1 rule (RestartDelay ≥ 1 with onlineMs 0) to reach the guard itself.
    const looping: Scenario = structuredClone(v.scenario);
    const res = looping.groups[0]!.resources[0]!;
    res.properties.RestartDelay = 0;
    res.properties.RestartThreshold = 4294967294;
    expect(() => runScenario(looping)).toThrowError(/does not settle at t=1000 ms/);
  });
});
