import { describe, expect, it } from 'vitest';
import { cluster, scenario } from '../testing/harness';

const chain = (extra: Record<string, unknown> = {}) =>
  scenario({
    nodes: [{ name: 'N1' }, { name: 'N2' }],
    groups: [
      {
        name: 'G',
        preferredOwners: ['N1', 'N2'],
        resources: [
          { name: 'Disk', type: 'Physical Disk', behavior: { onlineMs: 2000, offlineMs: 1000 } },
          { name: 'IP', type: 'IP Address', behavior: { onlineMs: 500, offlineMs: 200 } },
          { name: 'Name', type: 'Network Name', dependsOn: ['IP'], behavior: { onlineMs: 1500, offlineMs: 500 } },
          {
            name: 'App',
            type: 'Generic Service',
            dependsOn: '[Name] and [Disk]',
            behavior: { onlineMs: 3000, offlineMs: 1000 },
          },
        ],
      },
    ],
    ...extra,
  });

describe('§4.1 Online and Offline', () => {
  it('brings a group online providers-first, independent branches in parallel', () => {
    const c = cluster(chain()).to('10s');
    expect(c.lines(['resource.state'])).toEqual([
      '0 Disk Offline->OnlinePending',
      '0 IP Offline->OnlinePending',
      '500 IP OnlinePending->Online',
      '500 Name Offline->OnlinePending',
      '2000 Disk OnlinePending->Online',
      '2000 Name OnlinePending->Online',
      '2000 App Offline->OnlinePending',
      '5000 App OnlinePending->Online',
    ]);
    expect(c.lines(['group.state'])).toEqual(['0 group G Offline->Pending', '5000 group G Pending->Online']);
    c.expectGroup('G').ownedBy('N1').inState('Online');
  });

  it('traces the state change before the Online call, with the call pending', () => {
    const ev = cluster(chain())
      .events((e) => e.type !== 'quorum.vote')
      .slice(0, 2);
    expect(ev[0]).toMatchObject({
      t: 0,
      type: 'resource.state',
      resource: 'Disk',
      group: 'G',
      node: 'N1',
      from: 'Offline',
      to: 'OnlinePending',
    });
    expect(ev[1]).toMatchObject({
      t: 0,
      type: 'call',
      resource: 'Disk',
      node: 'N1',
      call: 'Online',
      result: 'pending',
    });
  });

  it('a failing Online call ends Failed after onlineMs, with Terminate, and counts as a failure', () => {
    const c = cluster(
      chain({
        groups: [
          {
            name: 'G',
            persistentState: 'offline',
            resources: [{ name: 'R', behavior: { onlineMs: 1000 }, properties: { RestartAction: 1 } }],
          },
        ],
        script: [
          { at: 0, action: 'setOnline', resource: 'R', result: 'fail' },
          { at: 100, action: 'onlineGroup', group: 'G' },
        ],
      }),
    ).to('5s');
    expect(c.lines(['resource.state', 'call'])).toEqual([
      '100 R Offline->OnlinePending',
      '100 call Online R pending',
      '1100 R OnlinePending->Failed',
      '1100 call Terminate R ok',
      '1600 R Failed->OnlinePending', // RestartDelay 500
      '1600 call Online R pending',
      '2600 R OnlinePending->Failed',
      '2600 call Terminate R ok',
    ]);
    expect(c.policies('RestartThresholdExceeded')).toHaveLength(1);
    c.expectResource('R').inState('Failed');
  });

  it('a stalled Online reaches min(PendingTimeout, DeadlockTimeout), then Terminate and Failed', () => {
    const c = cluster(
      chain({
        groups: [
          {
            name: 'G',
            persistentState: 'offline',
            resources: [
              {
                name: 'R',
                behavior: { onlineMs: 1000 },
                properties: { RestartAction: 1, PendingTimeout: 5000, DeadlockTimeout: 4000 },
              },
            ],
          },
        ],
        script: [
          { at: 0, action: 'setOnline', resource: 'R', result: 'stall' },
          { at: 1000, action: 'onlineGroup', group: 'G' },
        ],
      }),
    ).to('5001ms');
    expect(c.lines(['resource.state', 'call'])).toEqual([
      '1000 R Offline->OnlinePending',
      '1000 call Online R pending',
      '5000 R OnlinePending->Failed',
      '5000 call Terminate R ok',
    ]);
  });

  it('takes a group offline dependents-first', () => {
    const c = cluster(chain({ script: [{ at: 10000, action: 'offlineGroup', group: 'G' }] })).to('20s');
    expect(c.lines(['resource.state'], 10000)).toEqual([
      '10000 App Online->OfflinePending',
      '11000 App OfflinePending->Offline',
      '11000 Name Online->OfflinePending',
      '11000 Disk Online->OfflinePending',
      '11500 Name OfflinePending->Offline',
      '11500 IP Online->OfflinePending',
      '11700 IP OfflinePending->Offline',
      '12000 Disk OfflinePending->Offline',
    ]);
    c.expectGroup('G').inState('Offline');
  });

  it('a failed Offline ends Failed and is not recovered when the persistent state is offline', () => {
    const c = cluster(
      chain({
        script: [
          { at: 9000, action: 'setOffline', resource: 'App', result: 'fail' },
          { at: 10000, action: 'offlineResource', resource: 'App' },
        ],
      }),
    ).to('1h');
    expect(c.lines(['resource.state'], 10000)).toEqual([
      '10000 App Online->OfflinePending',
      '11000 App OfflinePending->Failed',
    ]);
    expect(c.policies()).toHaveLength(0);
    c.expectResource('App').inState('Failed').restarts(0);
  });

  it('an administrator online of a dependent brings its offline providers online first', () => {
    const c = cluster(
      chain({
        groups: [{ ...(chain().groups as object[])[0], persistentState: 'offline' }],
        script: [{ at: 1000, action: 'onlineResource', resource: 'Name' }],
      }),
    ).to('10s');
    expect(c.lines(['resource.state'])).toEqual([
      '1000 IP Offline->OnlinePending',
      '1500 IP OnlinePending->Online',
      '1500 Name Offline->OnlinePending',
      '3000 Name OnlinePending->Online',
    ]);
    // MS-CMRP: the only top-level resource (App) is Offline, so the group reads Offline.
    c.expectGroup('G').inState('Offline');
  });
});
