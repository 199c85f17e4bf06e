/** networks.md §4.6, §4.10, §4.12: who becomes off or waiting at a regroup, IPs cut together, stop moves. */
import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario, validateScenario, type Scenario } from '../index';
import { notation } from './notation.testutil';

function scenario(json: object): Scenario {
  const v = validateScenario({ format: 'failover-scenario@1', ...json });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}
const three = (script: object[], groups: object[] = []) =>
  scenario({ networks: [{ name: 'LAN' }], nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }], groups, script });

describe('§4.6 a regroup with a winner: removed nodes wait, unless they had crashed or were stopping', () => {
  it('a running loser waits; a stopping loser and a crashed one are off', () => {
    const s = three(
      [
        { at: 10000, action: 'stopNode', node: 'N3' },
        { at: 10000, action: 'partition', sides: [['N1'], ['N2'], ['N3']] },
      ],
      [{ name: 'G', ownerNode: 'N3', resources: [{ name: 'R', behavior: { offlineMs: 60000 } }] }],
    );
    const sim = createSimulation(s);
    sim.advanceTo(20000);
    // Three singletons of one vote each of 3: nobody wins; QuorumLost, every node off.
    expect(sim.view().nodes.map((n) => n.service)).toEqual(['off', 'off', 'off']);
    expect(sim.check({ action: 'startNode', node: 'N3' })).toEqual({ allowed: true });
  });

  it('the stopping node on the losing side becomes off; the other loser waits', () => {
    const s = scenario({
      networks: [{ name: 'LAN' }],
      // N3 has no vote: V = {N1, N2, N4} after the even rule, so {N1, N2} (2 of 3) wins.
      nodes: [
        { name: 'N1' },
        { name: 'N2' },
        { name: 'N3', properties: { NodeWeight: 0 } },
        { name: 'N4' },
        { name: 'N5' },
      ],
      groups: [{ name: 'G', ownerNode: 'N5', resources: [{ name: 'R', behavior: { offlineMs: 60000 } }] }],
      script: [
        { at: 10000, action: 'stopNode', node: 'N5' },
        {
          at: 10000,
          action: 'partition',
          sides: [
            ['N1', 'N2', 'N3'],
            ['N4', 'N5'],
          ],
        },
        { at: 10000, action: 'crashNode', node: 'N3' },
      ],
    });
    const sim = createSimulation(s);
    sim.advanceTo(20000);
    const regroup = sim.events().find((e) => e.type === 'regroup')!;
    expect(notation(regroup)).toBe(
      '20000 regroup survivors [N1,N2] removed [N3,N4,N5] lost [N1,N4] [N1,N5] [N2,N4] [N2,N5] witness "none"',
    );
    expect(sim.view().nodes.map((n) => n.service)).toEqual(['running', 'running', 'off', 'waiting', 'off']);
    // The crashed member's own detection was cancelled by the regroup: one node.state for it.
    sim.advanceTo(60000);
    expect(sim.events().filter((e) => e.type === 'node.state' && e.node === 'N3')).toHaveLength(1);
  });
});

describe('§4.10 IP Address resources on a cut interface', () => {
  it('two IPs of one group cut at one instant are decided together: one failover', () => {
    const ip = (name: string) => ({
      name,
      type: 'IP Address',
      parameters: { Network: 'Pub' },
      properties: { RestartThreshold: 0 },
      behavior: { onlineMs: 500, offlineMs: 200 },
    });
    const s = scenario({
      networks: [{ name: 'Pub' }, { name: 'HB', role: 'cluster' }],
      nodes: [
        { name: 'N1', interfaces: ['Pub', 'HB'] },
        { name: 'N2', interfaces: ['Pub', 'HB'] },
      ],
      groups: [
        {
          name: 'G',
          ownerNode: 'N1',
          resources: [ip('IP1'), ip('IP2'), { name: 'Name', dependsOn: '[IP1] or [IP2]' }],
        },
      ],
      script: [{ at: 10000, action: 'failInterface', node: 'N1', network: 'Pub' }],
    });
    const l = runScenario(s)
      .events.filter((e) => e.t === 10000)
      .map(notation);
    expect(l).toEqual([
      '10000 action failInterface',
      '10000 IP1@N1 Online→Failed',
      '10000 call IP1@N1 Terminate ok',
      '10000 IP2@N1 Online→Failed',
      '10000 call IP2@N1 Terminate ok',
      '10000 Name@N1 Online→Offline',
      '10000 call Name@N1 Terminate ok',
      '10000 policy RestartThresholdExceeded IP1',
      '10000 policy RestartThresholdExceeded IP2',
      '10000 policy FailoverStarted G',
      '10000 owner G N1→N2 failover',
      '10000 IP1@N2 Failed→OnlinePending',
      '10000 call IP1@N2 Online pending',
      '10000 IP2@N2 Failed→OnlinePending',
      '10000 call IP2@N2 Online pending',
      '10000 gstate G Online→Pending',
    ]);
  });
});

describe('§4.7 R falls at the action, before any heartbeat timeout', () => {
  it('a partition that keeps every side from the witness removes its vote at once and the even rule applies', () => {
    const s = scenario({
      cluster: { quorum: { witness: 'disk' } },
      networks: [{ name: 'LAN' }],
      nodes: [{ name: 'N1' }, { name: 'N2' }],
      script: [{ at: 10000, action: 'partition', sides: [['N1'], ['N2']], witness: [] }],
    });
    const l = runScenario(s).events.map(notation);
    expect(l.slice(0, 3)).toEqual(['10000 action partition', '10000 vote N2 1→0', '10000 vote witness 1→0']);
    // N1 keeps the only vote: it wins the regroup alone.
    expect(l[3]).toBe('20000 regroup survivors [N1] removed [N2] lost [N1,N2] witness "none"');
  });
});

describe('§4.11 placement after QuorumRegained ranks the last owner’s site first', () => {
  it('the group returns to a node of its last owner’s site, not to its first preferred owner', () => {
    const s = scenario({
      cluster: { functionalLevel: '2016', quorum: { DynamicQuorum: 0 } },
      nodes: [
        { name: 'N1', site: 'SEA' },
        { name: 'N2', site: 'NYC' },
        { name: 'N3', site: 'SEA' },
      ],
      groups: [{ name: 'G', ownerNode: 'N1', preferredOwners: ['N2', 'N3', 'N1'], resources: [{ name: 'R' }] }],
      script: [
        { at: 10000, action: 'crashNode', node: 'N1' },
        { at: 10000, action: 'crashNode', node: 'N3' },
        { at: 40000, action: 'startNode', node: 'N1' },
        { at: 40000, action: 'startNode', node: 'N2' },
      ],
    });
    const l = runScenario(s)
      .events.map(notation)
      .filter((x) => /node |owner |QuorumLost|QuorumRegained/.test(x));
    expect(l).toEqual([
      // N1 is detected through N3, its same-site peer (10 s), before the cross-site timeout.
      '20000 node N1 Up→Down',
      // The failover walks after N1 (N2, N3) and takes the same-site candidate first.
      '20000 owner G N1→N3 failover',
      '30000 node N3 Up→Down',
      '30000 policy QuorumLost cluster',
      '30000 node N2 Up→Down',
      '40000 node N1 Down→Joining',
      '40000 node N2 Down→Joining',
      '45000 node N1 Joining→Up',
      '45000 node N2 Joining→Up',
      '45000 policy QuorumRegained cluster',
      // Walk from the top: N2, N1; sorted by site with N3's (SEA) first: N1.
      '45000 owner G N3→N1 quorum',
    ]);
  });
});
