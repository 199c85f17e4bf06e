import { describe, expect, it } from 'vitest';
import { cluster, scenario } from '../testing/harness';

/** One group, one resource R (Online at 1000), N1 and N2. */
const one = (props: Record<string, unknown> = {}, script: unknown[] = [], extra: Record<string, unknown> = {}) =>
  scenario({
    nodes: [{ name: 'N1' }, { name: 'N2' }],
    groups: [
      {
        name: 'G',
        preferredOwners: ['N1', 'N2'],
        resources: [{ name: 'R', behavior: { onlineMs: 1000, offlineMs: 500 }, properties: props }],
      },
    ],
    script,
    ...extra,
  });

describe('§4.2 health checks', () => {
  it('healthy checks are not traced, and a healthy hour costs nothing', () => {
    const c = cluster(one()).to('1h');
    expect(c.events().filter((e) => e.type === 'call' && e.call !== 'Online')).toHaveLength(0);
    expect(c.sim.nextEventTime()).toBeNull();
  });

  it('IsAlive fail is seen at the first IsAlive instant tOnline + k·IsAlivePollInterval and fails the resource', () => {
    // Online at 1000; IsAlive at 61000, 121000...; the fault from 70000 is seen at 121000.
    const c = cluster(one({}, [{ at: 70000, action: 'setHealth', resource: 'R', isAlive: 'fail' }])).to('121s');
    expect(c.lines(['call', 'resource.state'], 70000)).toEqual([
      '121000 call IsAlive R fail',
      '121000 R Online->Failed',
      '121000 call Terminate R ok',
    ]);
  });

  it('LooksAlive fail runs IsAlive at the same instant; with IsAlive ok it is not a failure', () => {
    const c = cluster(one({}, [{ at: 2000, action: 'setHealth', resource: 'R', looksAlive: 'fail' }])).to('11s');
    expect(c.lines(['call', 'resource.state'], 2000)).toEqual([
      '6000 call LooksAlive R fail',
      '6000 call IsAlive R ok',
      '11000 call LooksAlive R fail',
      '11000 call IsAlive R ok',
    ]);
    c.expectResource('R').inState('Online');
  });

  it('LooksAlive fail with IsAlive fail fails the resource at the LooksAlive instant', () => {
    const c = cluster(
      one({}, [{ at: 2000, action: 'setHealth', resource: 'R', looksAlive: 'fail', isAlive: 'fail' }]),
    ).to('6s');
    expect(c.lines(['call', 'resource.state'], 2000)).toEqual([
      '6000 call LooksAlive R fail',
      '6000 call IsAlive R fail',
      '6000 R Online->Failed',
      '6000 call Terminate R ok',
    ]);
  });

  it('signalFailure runs IsAlive at once; the resource fails only if IsAlive fails', () => {
    const ok = cluster(one({}, [{ at: 3000, action: 'signalFailure', resource: 'R' }])).to('4s');
    expect(ok.lines(['call', 'resource.state'], 3000)).toEqual(['3000 call IsAlive R ok']);
    const bad = cluster(
      one({}, [
        { at: 2000, action: 'setHealth', resource: 'R', isAlive: 'fail' },
        { at: 3000, action: 'signalFailure', resource: 'R' },
      ]),
    ).to('3s');
    expect(bad.lines(['call', 'resource.state'], 3000)).toEqual([
      '3000 call IsAlive R fail',
      '3000 R Online->Failed',
      '3000 call Terminate R ok',
    ]);
  });

  it('the "immediate failure" reading of a signal fails without a check', () => {
    const c = cluster(one({}, [{ at: 3000, action: 'signalFailure', resource: 'R' }]), {
      semantics: { signalFailure: 'immediateFailure' },
    }).to('3s');
    expect(c.lines(['call', 'resource.state'], 3000)).toEqual(['3000 R Online->Failed', '3000 call Terminate R ok']);
  });

  it('failResource fails at once with no check', () => {
    const c = cluster(one({}, [{ at: 3000, action: 'failResource', resource: 'R' }])).to('3s');
    expect(c.lines(['call', 'resource.state'], 3000)).toEqual(['3000 R Online->Failed', '3000 call Terminate R ok']);
  });

  it('heal stops a failing check from firing', () => {
    const c = cluster(
      one({}, [
        { at: 2000, action: 'setHealth', resource: 'R', isAlive: 'fail' },
        { at: 30000, action: 'heal', resource: 'R' },
      ]),
    ).to('2h');
    expect(c.lines(['call'], 2000)).toEqual([]);
    c.expectResource('R').inState('Online');
  });
});

describe('§4.3 monitor processes and deadlock', () => {
  const two = (sep: number, script: unknown[]) =>
    scenario({
      nodes: [{ name: 'N1' }, { name: 'N2' }],
      groups: [
        {
          name: 'G1',
          resources: [
            { name: 'A', behavior: { onlineMs: 1000 }, properties: { DeadlockTimeout: 20000, SeparateMonitor: sep } },
          ],
        },
        { name: 'G2', resources: [{ name: 'B', behavior: { onlineMs: 1000 } }] },
      ],
      script,
    });

  it('a hung IsAlive recycles the shared monitor DeadlockTimeout later: every resource it hosts fails and restarts', () => {
    const c = cluster(two(0, [{ at: 2000, action: 'setHealth', resource: 'A', isAlive: 'hang' }])).to('90s');
    expect(c.lines(['call', 'resource.state', 'rhs.recycle'], 2000)).toEqual([
      '61000 call IsAlive A hang',
      '81000 recycle N1 [A,B]',
      '81000 A Online->Failed',
      '81000 call Terminate A ok',
      '81000 B Online->Failed',
      '81000 call Terminate B ok',
      '81500 A Failed->OnlinePending',
      '81500 call Online A pending',
      '81500 B Failed->OnlinePending',
      '81500 call Online B pending',
      '82500 A OnlinePending->Online',
      '82500 B OnlinePending->Online',
    ]);
    expect(c.sim.view().resources.find((r) => r.name === 'A')!.monitor).toBe('separate');
  });

  it('the recycle hits the monitor of the node where the call hung, even after the resource moved away (which it no longer lists, §3)', () => {
    const c = cluster(
      two(0, [
        { at: 2000, action: 'setHealth', resource: 'A', isAlive: 'hang' },
        { at: 65000, action: 'moveGroup', group: 'G1', node: 'N2' },
      ]),
    ).to('90s');
    expect(c.lines(['rhs.recycle', 'group.owner'])).toEqual(['66000 owner G1 N1->N2 move', '81000 recycle N1 [B]']);
    expect(c.lines(['resource.state'], 81000).slice(0, 1)).toEqual(['81000 B Online->Failed']);
    c.expectResource('A').inState('Online').onNode('N2');
  });

  it('with SeparateMonitor = 1 only the hung resource is recycled', () => {
    const c = cluster(two(1, [{ at: 2000, action: 'setHealth', resource: 'A', isAlive: 'hang' }])).to('81s');
    expect(c.lines(['rhs.recycle'])).toEqual(['81000 recycle N1 [A]']);
    c.expectResource('B').inState('Online');
  });

  it('a hung LooksAlive stops further checks and recycles DeadlockTimeout after the call', () => {
    const c = cluster(two(0, [{ at: 2000, action: 'setHealth', resource: 'A', looksAlive: 'hang' }])).to('26s');
    expect(c.lines(['call', 'rhs.recycle'], 2000)).toEqual([
      '6000 call LooksAlive A hang',
      '26000 recycle N1 [A,B]',
      '26000 call Terminate A ok',
      '26000 call Terminate B ok',
    ]);
  });

  it('a hung Online call recycles the monitor after DeadlockTimeout', () => {
    const c = cluster(
      scenario({
        nodes: [{ name: 'N1' }],
        groups: [
          {
            name: 'G',
            persistentState: 'offline',
            resources: [{ name: 'A', properties: { DeadlockTimeout: 10000, RestartAction: 1 } }],
          },
        ],
        script: [
          { at: 0, action: 'setOnline', resource: 'A', result: 'hang' },
          { at: 1000, action: 'onlineGroup', group: 'G' },
        ],
      }),
    ).to('11s');
    expect(c.lines(['call', 'rhs.recycle', 'resource.state'])).toEqual([
      '1000 A Offline->OnlinePending',
      '1000 call Online A hang',
      '11000 recycle N1 [A]',
      '11000 A OnlinePending->Failed',
      '11000 call Terminate A ok',
    ]);
  });
});

describe('§4.4 restarts', () => {
  it('restarts RestartDelay later on the same node while the count is within RestartThreshold', () => {
    const c = cluster(
      one({ RestartThreshold: 2, RestartDelay: 2000 }, [{ at: 5000, action: 'failResource', resource: 'R' }]),
    ).to('8s');
    expect(c.lines(['resource.state'], 5000)).toEqual([
      '5000 R Online->Failed',
      '7000 R Failed->OnlinePending',
      '8000 R OnlinePending->Online',
    ]);
    c.expectResource('R').onNode('N1').restarts(1);
  });

  it('counts in a fixed window: a failure more than RestartPeriod after it opened reopens it at 1', () => {
    const fails = [5000, 10000, 70000].map((at) => ({ at, action: 'failResource', resource: 'R' }));
    const c = cluster(one({ RestartThreshold: 2, RestartPeriod: 60000, RetryPeriodOnFailure: 60000 }, fails)).to('72s');
    // 5000 opens the window (1), 10000 is 2 (≤ 2, restart), 70000 is 65 s after the window opened: count 1 again.
    expect(c.policies('RestartThresholdExceeded')).toHaveLength(0);
    c.expectResource('R').restarts(1).inState('Online');
  });

  it('exceeding RestartThreshold with RestartAction 1 leaves the resource Failed, then RetryPeriodOnFailure tries again', () => {
    const fails = [5000, 10000].map((at) => ({ at, action: 'failResource', resource: 'R' }));
    const c = cluster(one({ RestartAction: 1, RestartPeriod: 60000, RetryPeriodOnFailure: 120000 }, fails)).to('200s');
    expect(c.lines(['policy', 'resource.state'], 10000)).toEqual([
      '10000 R Online->Failed',
      '10000 policy RestartThresholdExceeded R',
      '130000 policy RetryPeriodOnFailure R',
      '130000 R Failed->OnlinePending',
      '131000 R OnlinePending->Online',
    ]);
    c.expectResource('R').restarts(0).onNode('N1');
  });

  it('RestartAction 0 stays Failed for good, with no retry', () => {
    const c = cluster(one({ RestartAction: 0 }, [{ at: 5000, action: 'failResource', resource: 'R' }])).to('10h');
    expect(c.lines(['resource.state'], 5000)).toEqual(['5000 R Online->Failed']);
    expect(c.sim.nextEventTime()).toBeNull();
  });

  it('RetryPeriodOnFailure 4294967295 never retries', () => {
    const fails = [5000, 10000].map((at) => ({ at, action: 'failResource', resource: 'R' }));
    const c = cluster(one({ RestartAction: 1, RetryPeriodOnFailure: 4294967295 }, fails)).to('100h');
    c.expectResource('R').inState('Failed');
    expect(c.policies('RetryPeriodOnFailure')).toHaveLength(0);
  });

  it('a failed provider takes its dependents to Offline (not counted) and they return providers-first', () => {
    const c = cluster(
      scenario({
        nodes: [{ name: 'N1' }],
        groups: [
          {
            name: 'G',
            resources: [
              { name: 'Disk', behavior: { onlineMs: 1000 } },
              { name: 'App', dependsOn: ['Disk'], behavior: { onlineMs: 1000 } },
              { name: 'Agent', dependsOn: ['App'], behavior: { onlineMs: 1000 } },
            ],
          },
        ],
        script: [{ at: 10000, action: 'failResource', resource: 'Disk' }],
      }),
    ).to('20s');
    expect(c.lines(['resource.state'], 10000)).toEqual([
      '10000 Disk Online->Failed',
      '10000 Agent Online->Offline',
      '10000 App Online->Offline',
      '10500 Disk Failed->OnlinePending',
      '11500 Disk OnlinePending->Online',
      '11500 App Offline->OnlinePending',
      '12500 App OnlinePending->Online',
      '12500 Agent Offline->OnlinePending',
      '13500 Agent OnlinePending->Online',
    ]);
    c.expectResource('App').restarts(0);
    c.expectResource('Disk').restarts(1);
  });

  it('a dependent whose OR set still has an Online member is unaffected', () => {
    const c = cluster(
      scenario({
        nodes: [{ name: 'N1' }],
        groups: [
          {
            name: 'G',
            resources: [
              { name: 'IP1', properties: { RestartAction: 0 } },
              { name: 'IP2' },
              { name: 'Name', dependsOn: '[IP1] or [IP2]' },
            ],
          },
        ],
        script: [{ at: 10000, action: 'failResource', resource: 'IP1' }],
      }),
    ).to('20s');
    expect(c.lines(['resource.state'], 10000)).toEqual(['10000 IP1 Online->Failed']);
    c.expectResource('Name').inState('Online');
    c.expectGroup('G').inState('Failed');
  });

  it('the sliding-window reading of restarts can be switched on', () => {
    const fails = [5000, 50000, 70000, 80000].map((at) => ({ at, action: 'failResource', resource: 'R' }));
    const props = { RestartThreshold: 2, RestartPeriod: 60000, RestartAction: 1 };
    const fixed = cluster(one(props, fails)).to('81s');
    const sliding = cluster(one(props, fails), { semantics: { restartWindow: 'sliding' } }).to('81s');
    // Fixed: 5000 opens (1), 50000 (2), 70000 reopens (1), 80000 (2): never above 2.
    expect(fixed.policies('RestartThresholdExceeded')).toHaveLength(0);
    // Sliding: at 80000 the last 60 s hold 50000, 70000 and 80000: 3 > 2.
    expect(sliding.policies('RestartThresholdExceeded').map((e) => e.t)).toEqual([80000]);
  });
});
