/** The modelling choices of src/engine/semantics.ts: contract defaults, and each alternative switchable. */
import { describe, expect, it } from 'vitest';
import { cluster, scenario } from '../testing/harness';
import { CONTRACT_SEMANTICS } from '../semantics';

const nodes3 = [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }];

describe('semantics options', () => {
  it('defaults are the contract’s readings', () => {
    expect(CONTRACT_SEMANTICS).toEqual({
      restartWindow: 'fixed',
      failoverWindow: 'sliding',
      nodeDownCountsAsFailover: true,
      dependentsOnProviderFailure: 'Offline',
      signalFailure: 'runIsAlive',
    });
  });

  it('node-down failovers count against FailoverThreshold, unless switched off', () => {
    const s = scenario({
      nodes: nodes3,
      cluster: { quorum: { witness: 'disk' } },
      groups: [
        {
          name: 'G',
          preferredOwners: ['N1', 'N2', 'N3'],
          properties: { FailoverThreshold: 1 },
          resources: [{ name: 'R', behavior: { onlineMs: 100 } }],
        },
      ],
      script: [
        { at: 1000, action: 'crashNode', node: 'N1' },
        { at: 20000, action: 'crashNode', node: 'N2' },
      ],
    });
    expect(
      cluster(s)
        .to('40s')
        .policies('FailoverThresholdExceeded')
        .map((e) => e.t),
    ).toEqual([30000]);
    const off = cluster(s, { semantics: { nodeDownCountsAsFailover: false } }).to('40s');
    expect(off.policies('FailoverThresholdExceeded')).toHaveLength(0);
    off.expectGroup('G').ownedBy('N3').inState('Online');
  });

  it('dependents of a failed provider can be read as Failed (counted) instead of Offline', () => {
    const s = scenario({
      nodes: [{ name: 'N1' }],
      groups: [
        {
          name: 'G',
          resources: [
            { name: 'Disk', behavior: { onlineMs: 100 } },
            { name: 'App', dependsOn: ['Disk'], behavior: { onlineMs: 100 } },
          ],
        },
      ],
      script: [{ at: 5000, action: 'failResource', resource: 'Disk' }],
    });
    const failed = cluster(s, { semantics: { dependentsOnProviderFailure: 'Failed' } }).to('5s');
    expect(failed.lines(['resource.state'], 5000)).toEqual(['5000 Disk Online->Failed', '5000 App Online->Failed']);
    failed.expectResource('App').restarts(1);
  });

  it('failovers can be counted in a fixed window instead of a sliding one', () => {
    const fail2 = (at: number) => [
      { at, action: 'failResource', resource: 'R' },
      { at: at + 1000, action: 'failResource', resource: 'R' },
    ];
    const s = scenario({
      nodes: nodes3,
      groups: [
        {
          name: 'G',
          preferredOwners: ['N1', 'N2', 'N3'],
          properties: { FailoverThreshold: 2, FailoverPeriod: 1 },
          resources: [
            { name: 'R', behavior: { onlineMs: 100, offlineMs: 100 }, properties: { RetryPeriodOnFailure: 900000 } },
          ],
        },
      ],
      // Failovers at 0:00:50, 0:59:00, 1:10:00, then a fourth attempt at 1:20:00. Sliding: the hour
      // before 1:20 holds 0:59 and 1:10, two → refused. Fixed: the window opened at 0:00:50 closed at
      // 1:00:50; 1:10 opened a new one holding only itself → allowed.
      script: [...fail2(49000), ...fail2(3539000), ...fail2(4199000), ...fail2(4799000)],
    });
    expect(
      cluster(s)
        .to('2h')
        .policies('FailoverThresholdExceeded')
        .map((e) => e.t),
    ).toEqual([4800000]);
    expect(
      cluster(s, { semantics: { failoverWindow: 'fixed' } })
        .to('2h')
        .policies('FailoverThresholdExceeded'),
    ).toHaveLength(0);
  });
});

describe('§2 faults', () => {
  it('heal does not release a call that is already hung: the monitor is still recycled at DeadlockTimeout', () => {
    const c = cluster(
      scenario({
        nodes: [{ name: 'N1' }],
        groups: [
          {
            name: 'G',
            resources: [{ name: 'A', behavior: { onlineMs: 1000 }, properties: { DeadlockTimeout: 20000 } }],
          },
        ],
        script: [
          { at: 2000, action: 'setHealth', resource: 'A', isAlive: 'hang' },
          { at: 70000, action: 'heal', resource: 'A' },
        ],
      }),
    ).to('90s');
    expect(c.lines(['rhs.recycle'])).toEqual(['81000 recycle N1 [A]']);
    c.expectResource('A').inState('Online'); // restarted, and healthy since the heal
  });

  it('faults belong to the resource and follow it to another node', () => {
    const c = cluster(
      scenario({
        nodes: [{ name: 'N1' }, { name: 'N2' }],
        cluster: { quorum: { witness: 'disk' } },
        groups: [
          { name: 'G', preferredOwners: ['N1', 'N2'], resources: [{ name: 'A', behavior: { onlineMs: 1000 } }] },
        ],
        script: [
          { at: 2000, action: 'setOnline', resource: 'A', result: 'fail' },
          { at: 3000, action: 'moveGroup', group: 'G', node: 'N2' },
        ],
      }),
    ).to('10s');
    // Offline on N1 until 4000, then the Online call on N2 fails like it did on N1.
    const failedOnN2 = c.events((e) => e.type === 'resource.state' && e.to === 'Failed')[0];
    expect(failedOnN2).toMatchObject({ t: 5000, resource: 'A', node: 'N2', from: 'OnlinePending' });
  });
});
