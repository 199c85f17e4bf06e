import { describe, expect, it } from 'vitest';
import { cluster, scenario } from '../testing/harness';

const names = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `N${i + 1}` }));
const grp = (extra: Record<string, unknown> = {}) => ({
  name: 'G',
  resources: [{ name: 'R', behavior: { onlineMs: 1000, offlineMs: 500 } }],
  ...extra,
});
const crashAt = (at: number, ...nodes: string[]) => nodes.map((node) => ({ at, action: 'crashNode', node }));

describe('§4.6 nodes', () => {
  it('a crash is noticed SameSubnetDelay × SameSubnetThreshold later; until then the node and its resources look as they were', () => {
    const c = cluster(
      scenario({
        nodes: names(2),
        cluster: { properties: { SameSubnetDelay: 2000, SameSubnetThreshold: 5 }, quorum: { witness: 'disk' } },
        groups: [grp({ preferredOwners: ['N1', 'N2'] })],
        script: crashAt(5000, 'N1'),
      }),
    ).to('14999ms');
    c.expectNode('N1').inState('Up');
    c.expectResource('R').inState('Online').onNode('N1');
    expect(c.sim.view().nodes[0]!.crashedUndetected).toEqual({ crashedAt: 5000, detectAt: 15000 });
    c.to('15s');
    expect(c.lines(['node.state', 'resource.state', 'group.owner'], 5000)).toEqual([
      '15000 node N1 Up->Down',
      '15000 R Online->Offline',
      '15000 owner G N1->N2 failover',
      '15000 R Offline->OnlinePending',
    ]);
  });

  it('startNode: Joining, then Up after joinMs', () => {
    const c = cluster(
      scenario({
        nodes: [{ name: 'N1' }, { name: 'N2', state: 'Down', behavior: { joinMs: 7000 } }],
        groups: [grp()],
        script: [{ at: 1000, action: 'startNode', node: 'N2' }],
      }),
    ).to('10s');
    expect(c.lines(['node.state'])).toEqual(['1000 node N2 Down->Joining', '8000 node N2 Joining->Up']);
  });

  it('a paused node keeps its groups and restarts their resources, but is never a failover target', () => {
    const c = cluster(
      scenario({
        nodes: names(3),
        groups: [grp({ preferredOwners: ['N1', 'N2', 'N3'] })],
        script: [
          { at: 2000, action: 'pauseNode', node: 'N1' },
          { at: 3000, action: 'failResource', resource: 'R' },
          { at: 4000, action: 'pauseNode', node: 'N2' },
          { at: 6000, action: 'failResource', resource: 'R' },
        ],
      }),
    ).to('10s');
    expect(c.lines(['resource.state', 'group.owner'], 3000)).toEqual([
      '3000 R Online->Failed',
      '3500 R Failed->OnlinePending',
      '4500 R OnlinePending->Online',
      '6000 R Online->Failed',
      '6000 owner G N1->N3 failover',
      '6000 R Failed->OnlinePending',
      '7000 R OnlinePending->Online',
    ]);
  });

  it('pause with drain moves every group to the first candidate from the top; resume Immediate moves them back as failback', () => {
    const c = cluster(
      scenario({
        nodes: names(3),
        groups: [grp({ preferredOwners: ['N1', 'N3', 'N2'] })],
        script: [
          { at: 2000, action: 'pauseNode', node: 'N1', drain: true },
          { at: 10000, action: 'resumeNode', node: 'N1', failback: 'Immediate' },
        ],
      }),
    ).to('20s');
    expect(c.lines(['group.owner', 'node.state'])).toEqual([
      '2000 node N1 Up->Paused',
      '2500 owner G N1->N3 drain',
      '10000 node N1 Paused->Up',
      '10500 owner G N3->N1 failback',
    ]);
    c.expectGroup('G').failovers(0).inState('Online');
  });

  it('resume without failback moves nothing back; a drain with no other Up node is refused', () => {
    const c = cluster(
      scenario({
        nodes: names(2),
        cluster: { quorum: { witness: 'disk' } },
        groups: [grp()],
        script: [
          { at: 2000, action: 'pauseNode', node: 'N1', drain: true },
          { at: 10000, action: 'resumeNode', node: 'N1' },
          { at: 11000, action: 'pauseNode', node: 'N2' },
          { at: 12000, action: 'pauseNode', node: 'N1', drain: true },
        ],
      }),
    ).to('20s');
    expect(c.lines(['group.owner'])).toEqual(['2500 owner G N1->N2 drain']);
    expect(c.events((e) => e.type === 'action.rejected').map((e) => e.reason)).toEqual([
      'cannot drain "N1": no other node is Up',
    ]);
  });

  describe('failback', () => {
    const fb = (props: Record<string, unknown>, startTime = '00:00', extra: unknown[] = []) =>
      scenario({
        nodes: names(2),
        cluster: { startTime, quorum: { witness: 'disk' } },
        groups: [grp({ preferredOwners: ['N1', 'N2'], properties: { AutoFailbackType: 1, ...props } })],
        script: [...crashAt(5000, 'N1'), { at: 20000, action: 'startNode', node: 'N1' }, ...extra],
      });

    it('without a window the group fails back as soon as the preferred node is Up, gracefully and not counted', () => {
      const c = cluster(fb({})).to('40s');
      expect(c.lines(['group.owner'])).toEqual(['15000 owner G N1->N2 failover', '25500 owner G N2->N1 failback']);
      c.expectGroup('G').failovers(1).ownedBy('N1');
    });

    it('with a window the failback waits for the window in local time (FailbackScheduled)', () => {
      // Local 22:30 at t = 0; window 23–02; N1 is Up at 25 s (22:30:25): failback at 23:00 = t 1 800 000.
      const c = cluster(fb({ FailbackWindowStart: 23, FailbackWindowEnd: 2 }, '22:30')).to('1h');
      expect(c.policies('FailbackScheduled').map((e) => e.t)).toEqual([25000]);
      expect(c.lines(['group.owner'])).toEqual(['15000 owner G N1->N2 failover', '1800500 owner G N2->N1 failback']);
    });

    it('a window that wraps past midnight is open after midnight', () => {
      // Local 01:00 at t = 0 is inside 23–02: at once.
      const c = cluster(fb({ FailbackWindowStart: 23, FailbackWindowEnd: 2 }, '01:00')).to('40s');
      expect(c.policies('FailbackScheduled')).toHaveLength(0);
      expect(c.lines(['group.owner'])).toEqual(['15000 owner G N1->N2 failover', '25500 owner G N2->N1 failback']);
    });

    it('outside a wrapping window it waits for the next evening', () => {
      // Local 02:00 at t = 0: the window 23–02 just closed; next opening 21 h later.
      const c = cluster(fb({ FailbackWindowStart: 23, FailbackWindowEnd: 2 }, '02:00')).to('22h');
      expect(c.lines(['group.owner'])).toEqual([
        '15000 owner G N1->N2 failover',
        `${21 * 3600000 + 500} owner G N2->N1 failback`,
      ]);
    });

    it('AutoFailbackType 0 never fails back', () => {
      const c = cluster(fb({ AutoFailbackType: 0 })).to('10h');
      expect(c.lines(['group.owner'])).toEqual(['15000 owner G N1->N2 failover']);
    });

    it('resume with Policy applies the failback rule to that node at once, ignoring the window', () => {
      const c = cluster(
        scenario({
          nodes: names(2),
          cluster: { quorum: { witness: 'disk' } },
          groups: [
            grp({
              preferredOwners: ['N1', 'N2'],
              properties: { AutoFailbackType: 1, FailbackWindowStart: 3, FailbackWindowEnd: 4 },
            }),
          ],
          script: [
            { at: 2000, action: 'pauseNode', node: 'N1', drain: true },
            { at: 10000, action: 'resumeNode', node: 'N1', failback: 'Policy' },
          ],
        }),
      ).to('20s');
      expect(c.lines(['group.owner'])).toEqual(['2500 owner G N1->N2 drain', '10500 owner G N2->N1 failback']);
    });
  });
});

describe('§4.7 quorum', () => {
  const q = (n: number, script: unknown[], quorum: Record<string, unknown> = {}) =>
    scenario({ nodes: names(n), cluster: { quorum }, groups: [grp({ preferredOwners: ['N1'] })], script });

  it('2 nodes, no witness: the even rule takes N2’s vote at t = 0; losing N2 keeps quorum, losing N1 loses it', () => {
    const a = cluster(q(2, crashAt(1000, 'N2'))).to('20s');
    expect(a.lines(['quorum.vote', 'policy'])).toEqual(['0 vote N2 1->0']);
    expect(a.sim.final().quorum).toBe(true);
    const b = cluster(q(2, crashAt(1000, 'N1'))).to('20s');
    expect(
      b.lines(['quorum.vote', 'policy', 'node.state', 'resource.state'], 1).filter((l) => !l.includes('OnlinePending')),
    ).toEqual([
      '11000 node N1 Up->Down',
      '11000 policy QuorumLost cluster',
      '11000 node N2 Up->Down',
      '11000 R Online->Offline',
    ]);
    expect(b.sim.final().quorum).toBe(false);
    expect(b.sim.final().groups.G!.owner).toBeNull();
  });

  it('2 nodes with a witness: the witness votes; losing either node keeps quorum and the witness stops voting', () => {
    const c = cluster(q(2, crashAt(1000, 'N1'), { witness: 'disk' })).to('20s');
    // The lost node leaves V (its vote is traced going to 0); |V| = 1 is odd, so the witness stops voting.
    expect(c.lines(['quorum.vote', 'policy'])).toEqual([
      '11000 vote N1 1->0',
      '11000 vote witness 1->0',
      '11000 policy FailoverStarted G',
    ]);
    expect(c.sim.final().quorum).toBe(true);
    c.expectGroup('G').ownedBy('N2');
  });

  it('without dynamic quorum the votes never change and a 2-node cluster loses quorum with either node', () => {
    const c = cluster(q(2, crashAt(1000, 'N2'), { DynamicQuorum: 0 })).to('20s');
    expect(c.lines(['quorum.vote'])).toEqual([]);
    expect(c.policies('QuorumLost').map((e) => e.t)).toEqual([11000]);
  });

  it('3 nodes losing N3, N2, N1 one by one: quorum holds until the last', () => {
    const c = cluster(q(3, [...crashAt(1000, 'N3'), ...crashAt(20000, 'N2'), ...crashAt(40000, 'N1')])).to('60s');
    expect(c.lines(['quorum.vote', 'policy'])).toEqual([
      '11000 vote N2 1->0',
      '11000 vote N3 1->0',
      '50000 policy QuorumLost cluster',
    ]);
  });

  it('3 nodes losing N1, N3, N2 one by one: the highest ID gives up its vote, and quorum holds until the last', () => {
    const c = cluster(q(3, [...crashAt(1000, 'N1'), ...crashAt(20000, 'N3'), ...crashAt(40000, 'N2')])).to('60s');
    expect(c.lines(['quorum.vote', 'policy'])).toEqual([
      '11000 vote N1 1->0',
      '11000 vote N3 1->0',
      '11000 policy FailoverStarted G',
      '50000 policy QuorumLost cluster',
    ]);
  });

  it('3 nodes losing two at once lose quorum', () => {
    const c = cluster(q(3, crashAt(1000, 'N2', 'N3'))).to('20s');
    expect(c.lines(['node.state', 'policy'])).toEqual([
      '11000 node N2 Up->Down',
      '11000 node N3 Up->Down',
      '11000 policy QuorumLost cluster',
      '11000 node N1 Up->Down',
    ]);
  });

  it('5 nodes: losing two at once holds (3 of 5), losing two more at once does not (1 of 3)', () => {
    const c = cluster(q(5, [...crashAt(1000, 'N4', 'N5'), ...crashAt(20000, 'N2', 'N3')])).to('40s');
    expect(c.lines(['quorum.vote', 'policy'])).toEqual([
      '11000 vote N4 1->0',
      '11000 vote N5 1->0',
      '30000 policy QuorumLost cluster',
    ]);
  });

  it('after QuorumLost, started nodes count against the configured votes until more than half are Up; then groups return', () => {
    const c = cluster(
      q(3, [
        ...crashAt(1000, 'N2', 'N3'),
        { at: 20000, action: 'startNode', node: 'N1' },
        { at: 30000, action: 'startNode', node: 'N3' },
      ]),
    ).to('40s');
    expect(c.lines(['policy', 'group.owner', 'node.state'], 20000)).toEqual([
      '20000 node N1 Down->Joining',
      '25000 node N1 Joining->Up',
      '30000 node N3 Down->Joining',
      '35000 node N3 Joining->Up',
      '35000 policy QuorumRegained cluster',
    ]);
    expect(c.sim.final().quorum).toBe(true);
    c.expectGroup('G').ownedBy('N1').inState('Online');
  });

  it('a witness failure is a vote change; with dynamic quorum and 2 nodes a node then gives up its vote', () => {
    const c = cluster(
      q(
        2,
        [
          { at: 1000, action: 'failWitness' },
          { at: 2000, action: 'restoreWitness' },
        ],
        { witness: 'fileShare' },
      ),
    ).to('5s');
    expect(c.lines(['quorum.vote'])).toEqual([
      '1000 vote N2 1->0',
      '1000 vote witness 1->0',
      '2000 vote N2 0->1',
      '2000 vote witness 0->1',
    ]);
  });
});
