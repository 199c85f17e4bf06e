/** networks.md §2 refusals and §4 rules in running simulations (the timelines are in timelines.test.ts). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createSimulation,
  runScenario,
  validateScenario,
  type Action,
  type ActionCheck,
  type Scenario,
} from '../index';
import { notation } from './notation.testutil';

function scenario(json: object): Scenario {
  const v = validateScenario({ format: 'failover-scenario@1', ...json });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}
const lan3 = (extra: object = {}) =>
  scenario({
    networks: [{ name: 'LAN' }, { name: 'HB', role: 'cluster' }],
    nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
    groups: [
      {
        name: 'G',
        preferredOwners: ['N1', 'N2'],
        resources: [{ name: 'R', behavior: { onlineMs: 1000, offlineMs: 500 } }],
      },
    ],
    ...extra,
  });
const lines = (s: Scenario, from = 1) =>
  runScenario(s)
    .events.filter((e) => e.t >= from)
    .map(notation);
const why = (c: ActionCheck) => (c.allowed ? null : c.reason);
const refusal = (s: Scenario, at: number, a: Action) => {
  const sim = createSimulation(s);
  sim.advanceTo(at);
  return sim.check(a);
};

describe('§2 refusals of the network actions', () => {
  const s = lan3();
  it('healPartition with no partition', () => {
    expect(refusal(s, 1, { action: 'healPartition' })).toEqual({
      allowed: false,
      reason: 'there is no partition to heal',
    });
  });
  it('failNetwork twice, restoreNetwork of a network that has not failed', () => {
    const sim = createSimulation(s);
    sim.apply({ action: 'failNetwork', network: 'HB' });
    expect(sim.check({ action: 'failNetwork', network: 'HB' })).toEqual({
      allowed: false,
      reason: 'network "HB" has already failed',
    });
    expect(sim.check({ action: 'restoreNetwork', network: 'LAN' })).toEqual({
      allowed: false,
      reason: 'network "LAN" has not failed',
    });
  });
  it('failInterface twice; restoreInterface where only failNetwork cut it', () => {
    const sim = createSimulation(s);
    sim.apply({ action: 'failInterface', node: 'N1', network: 'HB' });
    expect(sim.check({ action: 'failInterface', node: 'N1', network: 'HB' }).allowed).toBe(false);
    sim.apply({ action: 'failNetwork', network: 'LAN' });
    expect(sim.check({ action: 'restoreInterface', node: 'N1', network: 'LAN' })).toEqual({
      allowed: false,
      reason: 'the interface of node "N1" on network "LAN" has not failed',
    });
    // restoreNetwork does not undo a failInterface (§2)
    sim.apply({ action: 'restoreNetwork', network: 'LAN' });
    expect(sim.view().network!.networks[1]!.interfaces[0]).toMatchObject({ node: 'N1', failed: true, cut: true });
  });
  it('stopNode: crashed, Down, already stopping, no quorum, the quorum test', () => {
    const sim = createSimulation(lan3());
    sim.apply({ action: 'crashNode', node: 'N3' });
    expect(why(sim.check({ action: 'stopNode', node: 'N3' }))).toBe('node "N3" does not respond (it crashed)');
    sim.advanceTo(20000);
    expect(why(sim.check({ action: 'stopNode', node: 'N3' }))).toBe(
      'node "N3" is Down; only an Up or Paused node can be stopped',
    );
    const slow = createSimulation(lan3());
    slow.advanceTo(5000); // G Online on N1: its stop move has an offline step to wait for
    slow.apply({ action: 'stopNode', node: 'N1' });
    expect(why(slow.check({ action: 'stopNode', node: 'N1' }))).toBe('node "N1" is already stopping');
    expect(why(slow.check({ action: 'pauseNode', node: 'N1' }))).toBe('node "N1" is stopping');
    expect(slow.check({ action: 'moveGroup', group: 'G', node: 'N1' }).allowed).toBe(false);
    expect(why(slow.check({ action: 'offlineGroup', group: 'G' }))).toBe('group "G" is moving');
    const two = scenario({
      nodes: [{ name: 'N1' }, { name: 'N2', properties: { NodeWeight: 0 } }],
    });
    expect(why(refusal(two, 1, { action: 'stopNode', node: 'N1' }))).toBe(
      'stopping node "N1" would leave the cluster without quorum',
    );
    const lost = createSimulation(scenario({ nodes: [{ name: 'N1' }, { name: 'N2' }] }));
    lost.apply({ action: 'crashNode', node: 'N1' });
    lost.advanceTo(20000);
    expect(why(lost.check({ action: 'stopNode', node: 'N2' }))).toBe(
      'node "N2" is Down; only an Up or Paused node can be stopped',
    );
  });
  it('moveGroup to a stopping node; resumeNode of a stopping node (new refusals of SF actions)', () => {
    const s3 = lan3({
      groups: [
        { name: 'G', ownerNode: 'N1', resources: [{ name: 'R', behavior: { onlineMs: 1000, offlineMs: 500 } }] },
        { name: 'H', ownerNode: 'N2', resources: [{ name: 'S', behavior: { onlineMs: 1000, offlineMs: 500 } }] },
      ],
    });
    const sim = createSimulation(s3);
    sim.advanceTo(5000);
    sim.apply({ action: 'pauseNode', node: 'N1' });
    expect(sim.apply({ action: 'stopNode', node: 'N1' })).toEqual({ applied: true });
    expect(why(sim.check({ action: 'moveGroup', group: 'H', node: 'N1' }))).toBe(
      'node "N1" is Paused; a group can move only to an Up node',
    );
    expect(why(sim.check({ action: 'resumeNode', node: 'N1' }))).toBe('node "N1" is stopping');
    const up = createSimulation(s3);
    up.advanceTo(5000);
    up.apply({ action: 'stopNode', node: 'N1' });
    expect(why(up.check({ action: 'moveGroup', group: 'H', node: 'N1' }))).toBe('node "N1" is stopping');
  });

  it('moveGroup to a node the group cannot run on (§4.10)', () => {
    const s2 = scenario({
      networks: [{ name: 'A' }, { name: 'B' }],
      nodes: [
        { name: 'N1', interfaces: ['A', 'B'] },
        { name: 'N2', interfaces: ['A', 'B'] },
        { name: 'N3', interfaces: ['A'] },
      ],
      groups: [{ name: 'SQL', resources: [{ name: 'IP', type: 'IP Address', parameters: { Network: 'B' } }] }],
    });
    expect(refusal(s2, 5000, { action: 'moveGroup', group: 'SQL', node: 'N3' })).toEqual({
      allowed: false,
      reason: 'group "SQL" cannot run on node "N3"',
    });
  });
});

describe('§4 rules in a running cluster', () => {
  it('a waiting node: startNode refused, crashNode accepted (it becomes off, no event but the action), then startNode', () => {
    const s = lan3({
      script: [
        { at: 10000, action: 'partition', sides: [['N1', 'N2'], ['N3']] },
        { at: 30000, action: 'startNode', node: 'N3' },
        { at: 31000, action: 'crashNode', node: 'N3' },
        { at: 32000, action: 'startNode', node: 'N3' },
      ],
    });
    const l = lines(s, 30000);
    expect(l.slice(0, 4)).toEqual([
      '30000 action.rejected startNode N3',
      '31000 action crashNode N3',
      '32000 action startNode N3',
      '32000 node N3 Down→Joining',
    ]);
    // Still partitioned: the join completes Joining → Down (§4.8) and N3 waits again.
    expect(l).toContain('37000 node N3 Joining→Down');
  });

  it('an IP Address with onlineMs 0 on a cut interface: the call fails at once (§4.10)', () => {
    const s = scenario({
      networks: [{ name: 'Pub' }, { name: 'HB', role: 'cluster' }],
      nodes: [{ name: 'N1' }, { name: 'N2' }],
      groups: [
        {
          name: 'G',
          persistentState: 'offline',
          ownerNode: 'N1',
          resources: [
            {
              name: 'IP',
              type: 'IP Address',
              parameters: { Network: 'Pub' },
              properties: { RestartAction: 1, RestartDelay: 1, RetryPeriodOnFailure: 4294967295, RestartThreshold: 0 },
              behavior: { onlineMs: 0 },
            },
          ],
        },
      ],
      script: [
        { at: 1000, action: 'failInterface', node: 'N1', network: 'Pub' },
        { at: 2000, action: 'onlineGroup', group: 'G' },
      ],
    });
    expect(lines(s, 2000).slice(0, 5)).toEqual([
      '2000 action onlineGroup',
      '2000 IP@N1 Offline→OnlinePending',
      '2000 call IP@N1 Online fail',
      '2000 IP@N1 OnlinePending→Failed',
      '2000 call IP@N1 Terminate ok',
    ]);
  });

  it('a crash and a split at one instant make one regroup: one simultaneous loss, no majority, QuorumLost (§4.4, §4.6)', () => {
    const s = scenario({
      networks: [{ name: 'LAN' }],
      nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }, { name: 'N4' }, { name: 'N5' }],
      script: [
        {
          at: 60000,
          action: 'partition',
          sides: [
            ['N1', 'N2', 'N3'],
            ['N4', 'N5'],
          ],
        },
        { at: 60000, action: 'crashNode', node: 'N1' },
      ],
    });
    const l = lines(s, 61000);
    // {N2,N3} and {N4,N5} have 2 votes each of 5: no winner; the crashed member goes Down first.
    expect(l.slice(0, 7)).toEqual([
      '70000 regroup survivors [] removed [N1,N2,N3,N4,N5] lost [N2,N4] [N2,N5] [N3,N4] [N3,N5] witness "none"',
      '70000 node N1 Up→Down',
      '70000 policy QuorumLost cluster',
      '70000 node N2 Up→Down',
      '70000 node N3 Up→Down',
      '70000 node N4 Up→Down',
      '70000 node N5 Up→Down',
    ]);
  });

  it('stopNode with no other node that can host the group: offline step, leave, then the node-loss rules', () => {
    const s = scenario({
      nodes: [{ name: 'N1' }, { name: 'N2' }],
      groups: [
        { name: 'G', resources: [{ name: 'R', possibleOwners: ['N1'], behavior: { onlineMs: 1000, offlineMs: 500 } }] },
      ],
      script: [{ at: 10000, action: 'stopNode', node: 'N1' }],
    });
    expect(lines(s, 10000)).toEqual([
      '10000 action stopNode N1',
      '10000 R@N1 Online→OfflinePending',
      '10000 call R@N1 Offline pending',
      '10000 gstate G Online→Pending',
      '10500 R@N1 OfflinePending→Offline',
      '10500 node N1 Up→Down',
      '10500 vote N1 1→0',
      '10500 vote N2 0→1',
      '10500 owner G N1→null failover',
      '10500 policy NoTargetNode G',
      '10500 gstate G Pending→Offline',
    ]);
  });

  it('forming after a QuorumLost by a split: startNode and heal bring quorum back (§4.8)', () => {
    const s = scenario({
      networks: [{ name: 'LAN' }],
      nodes: [{ name: 'N1' }, { name: 'N2' }],
      cluster: { quorum: { DynamicQuorum: 0 } },
      script: [
        { at: 10000, action: 'partition', sides: [['N1'], ['N2']] },
        { at: 30000, action: 'startNode', node: 'N1' },
        { at: 30000, action: 'startNode', node: 'N2' },
        { at: 40000, action: 'healPartition' },
      ],
    });
    const l = lines(s, 20000);
    expect(l).toContain('20000 policy QuorumLost cluster');
    // Up without a link check while there is no quorum, but no core of 1 has 2 × 1 > 2.
    expect(l).toContain('35000 node N1 Joining→Up');
    expect(l).toContain('35000 node N2 Joining→Up');
    expect(l.filter((x) => x.includes('QuorumRegained'))).toEqual(['40000 policy QuorumRegained cluster']);
    expect(runScenario(s).final.quorum).toBe(true);
  });
});

describe('plain scenarios (§0)', () => {
  it('no network view, no final.networks, every node running or off', () => {
    const s = scenario({ nodes: [{ name: 'N1' }, { name: 'N2', state: 'Down' }] });
    const sim = createSimulation(s);
    expect(sim.view().network).toBeNull();
    expect(sim.view().functionalLevel).toBeNull();
    expect(sim.view().nodes.map((n) => [n.site, n.service])).toEqual([
      [null, 'running'],
      [null, 'off'],
    ]);
    expect('networks' in runScenario(s).final).toBe(false);
  });
});

describe('the network view', () => {
  it('networks, interfaces, partition, links and witness reach', () => {
    const s = lan3({ cluster: { quorum: { witness: 'cloud' } } });
    const sim = createSimulation(s);
    sim.apply({ action: 'partition', sides: [['N3'], ['N1', 'N2']], witness: [1] });
    const v = sim.view().network!;
    expect(v.partition).toEqual({ sides: [['N3'], ['N1', 'N2']], witness: [1] });
    expect(v.witnessReach).toEqual(['N1', 'N2']);
    expect(v.witnessAvailable).toBe(true);
    expect(v.links.map((l) => [l.a, l.b, l.kind, l.linked, l.connected, l.declareDownAt])).toEqual([
      ['N1', 'N2', 'sameSubnet', true, true, null],
      ['N1', 'N3', 'sameSubnet', false, true, 10000],
      ['N2', 'N3', 'sameSubnet', false, true, 10000],
    ]);
    expect(v.networks.map((n) => [n.name, n.role, n.state, n.interfaces.length])).toEqual([
      ['LAN', 'clusterAndClient', 'Up', 3],
      ['HB', 'cluster', 'Up', 3],
    ]);
    sim.advanceTo(10000);
    const after = sim.view();
    expect(after.network!.lastRegroup).toMatchObject({ t: 10000, survivors: ['N1', 'N2'], removed: ['N3'] });
    expect(after.nodes.map((n) => n.service)).toEqual(['running', 'running', 'waiting']);
  });
});

describe('§4.11 sites at t = 0', () => {
  it('the cold start places a group by tier: the cluster PreferredSite before the others (TL4c without ownerNode)', () => {
    const tl4c = JSON.parse(readFileSync(fileURLToPath(new URL('./timelines/TL4c.json', import.meta.url)), 'utf8')) as {
      groups: { ownerNode?: string }[];
    };
    delete tl4c.groups[0]!.ownerNode;
    const sim = createSimulation(scenario(tl4c));
    expect(sim.view().groups.map((g) => [g.name, g.owner])).toEqual([
      ['G1', 'N3'],
      ['G3', 'N3'],
    ]);
    expect(sim.view().nodes.map((n) => [n.name, n.site, n.vote])).toEqual([
      ['N1', 'SEA', 1],
      ['N2', 'SEA', 0],
      ['N3', 'NYC', 1],
      ['N4', 'NYC', 1],
    ]);
  });
});

describe('route timers in the view', () => {
  it('are routeDown timers named "A|B|network", due Delay × Threshold after the cut', () => {
    const sim = createSimulation(lan3());
    sim.advanceTo(1000);
    sim.apply({ action: 'failInterface', node: 'N2', network: 'HB' });
    expect(
      sim
        .view()
        .timers.filter((t) => t.kind === 'routeDown')
        .map((t) => [t.subject, t.deadline]),
    ).toEqual([
      ['N1|N2|HB', 11000],
      ['N2|N3|HB', 11000],
    ]);
  });
});
