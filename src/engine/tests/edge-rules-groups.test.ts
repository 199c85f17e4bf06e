/**
 * Contract §4.8 rules about groups: failures of one instant decided together, a group waiting for a
 * target, moves whose target goes away, groups already moving, persistent-offline groups, paused
 * nodes and restart windows. One describe per rule; each repro
 * scenario found by random fault testing (edge-fixtures/, README in
 * ../../../../shared/fixtures/engine) is asserted against the contract's outcome, and each rule is
 * checked again on a different topology or timing so the test holds the rule, not the repro.
 */
import { describe, expect, it } from 'vitest';
import { cluster, scenario } from '../testing/harness';
import { runScenario, validateScenario } from '../index';
import amb01 from './edge-fixtures/amb01.json';
import bug07 from './edge-fixtures/bug07.json';
import bug08 from './edge-fixtures/bug08.json';
import bug09 from './edge-fixtures/bug09.json';
import bug10 from './edge-fixtures/bug10.json';
import bug12 from './edge-fixtures/bug12.json';

const run = (json: unknown) => cluster(json).to((json as { until: number }).until);
const r1 = (name = 'R', extra: Record<string, unknown> = {}) => ({
  name,
  behavior: { onlineMs: 1000, offlineMs: 1000 },
  ...extra,
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

describe('§4.4 a failure during a move counts; the group keeps its move (§4.8)', () => {
  const draining = (RestartThreshold: number) =>
    cluster(
      scenario({
        until: 100_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
        groups: [
          {
            name: 'G',
            ownerNode: 'N2',
            resources: [
              r1('P', { properties: { RestartThreshold, RestartAction: 2, RestartDelay: 100 } }),
              r1('D', { dependsOn: ['P'], behavior: { onlineMs: 1000, offlineMs: 5000 } }),
            ],
          },
        ],
        script: [
          { at: 10_000, action: 'pauseNode', node: 'N2', drain: true },
          // D's Offline call takes until 15000; P is still Online, waiting for its dependent.
          { at: 12_000, action: 'failResource', resource: 'P' },
        ],
      }),
    ).to(100_000);

  it('over its threshold: RestartThresholdExceeded, but no second move (no FailoverStarted); it comes online on the drain target', () => {
    const c = draining(0);
    expect(c.lines(['policy', 'group.owner'], 10_000)).toEqual([
      '12000 policy RestartThresholdExceeded P',
      '15000 owner G N2->N1 drain',
    ]);
    c.expectResource('P').inState('Online').onNode('N1');
    expect(c.sim.final().groups.G!.failoverCount).toBe(0);
  });

  it('within its threshold: no restart on the node it is leaving; it comes online with the group on the new owner', () => {
    const c = draining(1);
    expect(c.lines(['policy'], 10_000)).toEqual([]);
    expect(c.lines(['resource.state'], 10_000).filter((l) => l.includes(' P '))).toEqual([
      '12000 P Online->Failed',
      '15000 P Failed->OnlinePending',
      '16000 P OnlinePending->Online',
    ]);
    expect(c.lines(['group.owner'])).toEqual(['15000 owner G N2->N1 drain']);
  });
});

describe('§4.8 a group already moving keeps its move when its owner is detected Down', () => {
  it('the node-loss rule takes its resources Offline; no failover decision; it arrives as the move it was', () => {
    const c = cluster(
      scenario({
        until: 100_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
        groups: [{ name: 'G', ownerNode: 'N1', resources: [r1('R')] }],
        script: [
          { at: 5000, action: 'crashNode', node: 'N1' },
          // The Offline call into the crashed node never returns (§4.8): the move waits for detection.
          { at: 6000, action: 'moveGroup', group: 'G', node: 'N3' },
        ],
      }),
    ).to(100_000);
    expect(c.lines(['policy', 'group.owner', 'node.state'])).toEqual([
      '15000 node N1 Up->Down',
      '15000 owner G N1->N3 move',
    ]);
    c.expectResource('R').inState('Online').onNode('N3');
    expect(c.sim.final().groups.G!.failoverCount).toBe(0);
  });
});

describe('§4.5 a move that finds an Online call pending', () => {
  it('the pending Online is ended (Terminate) and the group comes online on the target and stays there', () => {
    const c = cluster(
      scenario({
        until: 60_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
        groups: [{ name: 'G', ownerNode: 'N1', resources: [r1('R', { behavior: { onlineMs: 2500, offlineMs: 0 } })] }],
        script: [{ at: 1000, action: 'pauseNode', node: 'N1', drain: true }],
      }),
    ).to(60_000);
    expect(c.lines(['call', 'group.owner'])).toEqual([
      '0 call Online R pending',
      '1000 call Terminate R ok',
      '1000 owner G N1->N2 drain',
      '1000 call Online R pending',
    ]);
    c.expectResource('R').inState('Online').onNode('N2');
  });
});

describe('§4.8 a group waiting for a target starts its failover, counted, when a candidate appears', () => {
  it('also after an administrator took it offline meanwhile: FailoverStarted counts (final.failoverCount)', () => {
    const c = cluster(
      scenario({
        until: 60_000,
        nodes: [{ name: 'N1', state: 'Down', behavior: { joinMs: 1000 } }, { name: 'N2' }],
        groups: [{ name: 'G', resources: [r1('R', { properties: { RestartThreshold: 0, RestartAction: 2 } })] }],
        script: [
          { at: 5000, action: 'failResource', resource: 'R' },
          { at: 6000, action: 'offlineGroup', group: 'G' },
          { at: 7000, action: 'startNode', node: 'N1' },
        ],
      }),
    ).to(60_000);
    expect(c.lines(['policy', 'group.owner'])).toEqual([
      '5000 policy RestartThresholdExceeded R',
      '5000 policy NoTargetNode G',
      '8000 policy FailoverStarted G',
      '8000 owner G N2->N1 failover',
    ]);
    expect(c.sim.final().groups.G).toEqual({ state: 'Offline', owner: 'N1', failoverCount: 1 });
  });
});
