/**
 * Contract §4.7 at the edges: while quorum is lost the cluster service is stopped, so nothing a node
 * does then starts a failover; the groups return by the QuorumRegained rule.
 */
import { describe, expect, it } from 'vitest';
import { cluster, scenario } from '../testing/harness';

describe('§4.7 no failover decision while quorum is lost', () => {
  it('a node that rejoins and crashes again before quorum returns just goes Down; the group returns at QuorumRegained', () => {
    const c = cluster(
      scenario({
        until: 100_000,
        cluster: { quorum: { witness: 'none', DynamicQuorum: 0 } },
        nodes: [{ name: 'N1' }, { name: 'N2', behavior: { joinMs: 1000 } }, { name: 'N3' }],
        groups: [{ name: 'G', ownerNode: 'N2', resources: [{ name: 'R', behavior: { onlineMs: 1000 } }] }],
        script: [
          { at: 1000, action: 'crashNode', node: 'N1' },
          { at: 1000, action: 'crashNode', node: 'N3' },
          // N2 is Up again at 21000 (1 vote of 3: no quorum) and crashes at 25000, detected at 35000.
          { at: 20_000, action: 'startNode', node: 'N2' },
          { at: 25_000, action: 'crashNode', node: 'N2' },
          { at: 40_000, action: 'startNode', node: 'N1' },
          { at: 40_000, action: 'startNode', node: 'N3' },
        ],
      }),
    ).to(100_000);
    expect(c.lines(['node.state', 'policy', 'group.owner'], 11_000)).toEqual([
      '11000 node N1 Up->Down',
      '11000 node N3 Up->Down',
      '11000 policy QuorumLost cluster',
      '11000 node N2 Up->Down',
      '20000 node N2 Down->Joining',
      '21000 node N2 Joining->Up',
      '35000 node N2 Up->Down',
      '40000 node N1 Down->Joining',
      '40000 node N3 Down->Joining',
      '45000 node N1 Joining->Up',
      '45000 node N3 Joining->Up',
      '45000 policy QuorumRegained cluster',
      // its last owner N2 is not Up: the first candidate of the walk from the top
      '45000 owner G N2->N1 quorum',
    ]);
    c.expectResource('R').inState('Online').onNode('N1');
    expect(c.sim.final().groups.G!.failoverCount).toBe(0);
  });
});
