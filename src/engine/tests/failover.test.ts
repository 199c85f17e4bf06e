import { describe, expect, it } from 'vitest';
import { cluster, scenario } from '../testing/harness';

const nodes3 = [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }];
const app = (extra: Record<string, unknown> = {}, res: Record<string, unknown> = {}) => ({
  name: 'G',
  resources: [
    { name: 'Disk', behavior: { onlineMs: 1000, offlineMs: 1000 } },
    {
      name: 'Svc',
      dependsOn: ['Disk'],
      behavior: { onlineMs: 1000, offlineMs: 1000 },
      properties: { IsAlivePollInterval: 10000 },
      ...res,
    },
  ],
  ...extra,
});

describe('§4.5 group failover', () => {
  it('exceeding RestartThreshold with RestartAction 2 fails the group over: offline dependents-first, new owner, online providers-first', () => {
    const c = cluster(
      scenario({
        nodes: nodes3,
        groups: [app({ preferredOwners: ['N1', 'N2', 'N3'] })],
        script: [
          { at: 3000, action: 'failResource', resource: 'Disk' },
          { at: 8000, action: 'failResource', resource: 'Disk' },
        ],
      }),
    ).to('20s');
    expect(c.lines(['resource.state', 'group.owner', 'policy'], 8000)).toEqual([
      '8000 Disk Online->Failed',
      '8000 Svc Online->Offline',
      '8000 policy RestartThresholdExceeded Disk',
      '8000 policy FailoverStarted G',
      '8000 owner G N1->N2 failover',
      '8000 Disk Failed->OnlinePending',
      '9000 Disk OnlinePending->Online',
      '9000 Svc Offline->OnlinePending',
      '10000 Svc OnlinePending->Online',
    ]);
    c.expectGroup('G').ownedBy('N2').inState('Online').failovers(1);
    c.expectResource('Disk').restarts(0);
  });

  it('a failover waits for Offline calls of still-Online resources, dependents-first', () => {
    const c = cluster(
      scenario({
        nodes: nodes3,
        groups: [
          {
            name: 'G',
            resources: [
              { name: 'Disk', behavior: { onlineMs: 1000, offlineMs: 700 } },
              {
                name: 'Svc',
                dependsOn: ['Disk'],
                behavior: { onlineMs: 1000, offlineMs: 1000 },
                properties: { RestartThreshold: 0 },
              },
              { name: 'Web', dependsOn: ['Disk'], behavior: { onlineMs: 1000, offlineMs: 300 } },
            ],
          },
        ],
        script: [{ at: 5000, action: 'failResource', resource: 'Svc' }],
      }),
    ).to('10s');
    expect(c.lines(['resource.state', 'group.owner'], 5000)).toEqual([
      '5000 Svc Online->Failed',
      '5000 Web Online->OfflinePending',
      '5300 Web OfflinePending->Offline',
      '5300 Disk Online->OfflinePending',
      '6000 Disk OfflinePending->Offline',
      '6000 owner G N1->N2 failover',
      '6000 Disk Offline->OnlinePending',
      '7000 Disk OnlinePending->Online',
      '7000 Svc Failed->OnlinePending',
      '7000 Web Offline->OnlinePending',
      '8000 Svc OnlinePending->Online',
      '8000 Web OnlinePending->Online',
    ]);
  });

  it('the restart-then-failover example stops at FailoverThreshold (nodes − 1) on N3', () => {
    const c = cluster(
      scenario({
        nodes: nodes3,
        until: 900000,
        groups: [
          {
            name: 'App',
            resources: [
              { name: 'App Disk', type: 'Physical Disk' },
              {
                name: 'App Service',
                type: 'Generic Service',
                dependsOn: ['App Disk'],
                properties: { IsAlivePollInterval: 15000 },
              },
            ],
          },
        ],
        script: [{ at: 20000, action: 'setHealth', resource: 'App Service', isAlive: 'fail' }],
      }),
    ).to('900s');
    // N1: IsAlive fails at 34000 (restart) and 51500 (threshold) → Disk offline by 52500 → N2.
    // N2: online by 56500, fails 71500 (restart) and 89000 → N3 at 90000.
    // N3: online by 94000, fails 109000 (restart) and 126500: a third failover would exceed 3 − 1.
    expect(c.lines(['group.owner'])).toEqual(['52500 owner App N1->N2 failover', '90000 owner App N2->N3 failover']);
    expect(c.policies('FailoverThresholdExceeded').map((e) => e.t)).toEqual([126500]);
    c.expectGroup('App').ownedBy('N3').inState('Failed').failovers(2);
    c.expectResource('App Service').inState('Failed');
  });

  it('the target walk takes the first candidate after the current owner, preferred owners first, then by node ID, wrapping', () => {
    const c = cluster(
      scenario({
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }, { name: 'N4' }],
        groups: [app({ preferredOwners: ['N3', 'N1'], ownerNode: 'N1' })],
        script: [{ at: 5000, action: 'crashNode', node: 'N1' }],
      }),
    ).to('20s');
    // Walk order N3, N1, N2, N4: after N1 comes N2.
    expect(c.lines(['group.owner'])).toEqual(['15000 owner G N1->N2 failover']);
  });

  it('anti-affinity skips a candidate hosting a group of the same class unless no other exists', () => {
    const g = (name: string, owner: string) => ({
      name,
      ownerNode: owner,
      preferredOwners: ['N1', 'N2', 'N3'],
      properties: { AntiAffinityClassNames: ['SQL'] },
      resources: [{ name: `${name} R`, behavior: { onlineMs: 100 } }],
    });
    const c = cluster(
      scenario({
        nodes: nodes3,
        groups: [g('A', 'N1'), g('B', 'N2')],
        script: [{ at: 5000, action: 'crashNode', node: 'N1' }],
      }),
    ).to('20s');
    expect(c.lines(['group.owner'])).toEqual(['15000 owner A N1->N3 failover']);
    const d = cluster(
      scenario({
        nodes: nodes3,
        groups: [g('A', 'N1'), g('B', 'N2'), g('C', 'N3')],
        script: [{ at: 5000, action: 'crashNode', node: 'N1' }],
      }),
    ).to('20s');
    expect(d.lines(['group.owner'])).toEqual(['15000 owner A N1->N2 failover']);
  });

  it('a node-down failover of a group without preferred owners draws the target with the seed, the same on every run', () => {
    const s = scenario({
      nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }, { name: 'N4' }],
      groups: [app()],
      script: [{ at: 5000, action: 'crashNode', node: 'N1' }],
    });
    const a = cluster(s).to('20s').lines();
    const b = cluster(s).to('20s').lines();
    expect(a).toEqual(b);
    const owner = cluster(s).to('20s').sim.view().groups[0]!.owner;
    expect(['N2', 'N3', 'N4']).toContain(owner);
  });

  it('with no candidate, NoTargetNode: after a node loss the group has no live owner until a node can host it', () => {
    const c = cluster(
      scenario({
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3', state: 'Down' }],
        cluster: { quorum: { witness: 'disk' } },
        groups: [app({}, { possibleOwners: ['N1', 'N3'] })],
        script: [
          { at: 5000, action: 'crashNode', node: 'N1' },
          { at: 30000, action: 'startNode', node: 'N3' },
        ],
      }),
    ).to('25s');
    expect(c.policies('NoTargetNode').map((e) => e.t)).toEqual([15000]);
    c.expectGroup('G').ownedBy(null).inState('Offline');
    c.to('40s');
    expect(c.lines(['group.owner'])).toEqual(['15000 owner G N1->null failover', '35000 owner G null->N3 failover']);
    c.expectGroup('G').ownedBy('N3').inState('Online');
  });

  it('groups arriving together start in Priority order, 3000 first, in the same instant; Priority 0 is moved but stays Offline', () => {
    const grp = (name: string, Priority: number) => ({
      name,
      preferredOwners: ['N1', 'N2'],
      properties: { Priority },
      resources: [{ name: `${name} R`, behavior: { onlineMs: 100 } }],
    });
    const c = cluster(
      scenario({
        nodes: nodes3,
        groups: [grp('Low', 1000), grp('None', 0), grp('High', 3000), grp('Mid', 2000)],
        script: [{ at: 5000, action: 'crashNode', node: 'N1' }],
      }),
    ).to('20s');
    expect(
      c.lines(['resource.state'], 15000).filter((l) => l.includes('OnlinePending') && l.startsWith('15000 ')),
    ).toEqual([
      '15000 High R Offline->OnlinePending',
      '15000 Mid R Offline->OnlinePending',
      '15000 Low R Offline->OnlinePending',
    ]);
    c.expectGroup('None').ownedBy('N2').inState('Offline');
    expect(c.lines(['resource.state']).some((l) => l.startsWith('0 None R'))).toBe(false);
  });

  it('FailoverThresholdExceeded after a node loss: placed on a node, resources Failed, not counted, RetryPeriodOnFailure applies', () => {
    const c = cluster(
      scenario({
        nodes: nodes3,
        groups: [
          app(
            { preferredOwners: ['N1', 'N2', 'N3'], properties: { FailoverThreshold: 0 } },
            { properties: { RetryPeriodOnFailure: 1800000 } },
          ),
        ],
        script: [{ at: 5000, action: 'crashNode', node: 'N1' }],
      }),
    ).to('16s');
    expect(c.lines(['resource.state', 'group.owner', 'policy'], 15000)).toEqual([
      '15000 Disk Online->Offline',
      '15000 Svc Online->Offline',
      '15000 policy FailoverThresholdExceeded G',
      '15000 owner G N1->N2 failover',
      '15000 Disk Offline->Failed',
      '15000 Svc Offline->Failed',
    ]);
    c.expectResource('Svc').restarts(0);
    const timers = c.sim.view().timers.filter((t) => t.kind === 'retryPeriod');
    expect(timers.map((t) => [t.subject, t.deadline])).toEqual([
      ['Svc', 1815000],
      ['Disk', 3615000],
    ]);
  });

  it('failovers are counted in a sliding FailoverPeriod window', () => {
    // FailoverThreshold 1 in 1 h: a second resource failover 30 min later is refused.
    const fail2 = (at: number) => [
      { at, action: 'failResource', resource: 'Disk' },
      { at: at + 3000, action: 'failResource', resource: 'Disk' },
    ];
    const c = cluster(
      scenario({
        nodes: nodes3,
        groups: [
          {
            name: 'G',
            preferredOwners: ['N1', 'N2', 'N3'],
            properties: { FailoverThreshold: 1, FailoverPeriod: 1 },
            // RetryPeriodOnFailure 15 min brings the refused Disk back before the third pair.
            resources: [
              {
                name: 'Disk',
                behavior: { onlineMs: 1000, offlineMs: 1000 },
                properties: { RetryPeriodOnFailure: 900000 },
              },
            ],
          },
        ],
        script: [...fail2(5000), ...fail2(1800000), ...fail2(3700000)],
      }),
    ).to('2h');
    expect(c.policies('FailoverStarted').map((e) => e.t)).toEqual([8000, 3703000]);
    expect(c.policies('FailoverThresholdExceeded').map((e) => e.t)).toEqual([1803000]);
  });
});

describe('administrator moves', () => {
  const base = (script: unknown[]) =>
    scenario({
      nodes: nodes3,
      groups: [app({ preferredOwners: ['N1', 'N2', 'N3'] }, { possibleOwners: ['N1', 'N2'] })],
      script,
    });

  it('moves to the first candidate from the top, gracefully and without counting', () => {
    const c = cluster(base([{ at: 5000, action: 'moveGroup', group: 'G' }])).to('20s');
    expect(c.lines(['group.owner'])).toEqual(['7000 owner G N1->N2 move']);
    c.expectGroup('G').failovers(0).inState('Online');
  });

  it('refuses a move to a node that is not a possible owner, Down, Paused, or while Pending', () => {
    const c = cluster(
      base([
        { at: 500, action: 'moveGroup', group: 'G', node: 'N2' },
        { at: 5000, action: 'moveGroup', group: 'G', node: 'N3' },
        { at: 5000, action: 'pauseNode', node: 'N2' },
        { at: 5000, action: 'moveGroup', group: 'G', node: 'N2' },
      ]),
    ).to('6s');
    const rejected = c.events((e) => e.type === 'action.rejected');
    expect(rejected.map((e) => e.reason)).toEqual([
      'group "G" is Pending: wait until its resources have settled',
      'node "N3" is not a possible owner of "Svc"',
      'node "N2" is Paused; a group can move only to an Up node',
    ]);
  });
});
