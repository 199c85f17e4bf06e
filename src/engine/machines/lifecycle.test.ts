/**
 * The machines' sub-states follow a real simulation: what the engine does (timers, calls, checks)
 * and the state its machines are in agree, instant by instant (the view shows the active leaves).
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../simulation';
import { validateScenario } from '../validation';
import { hangThenRestart } from '../testing/scenarios';

function sim(source: Record<string, unknown>) {
  const v = validateScenario({ format: 'failover-scenario@1', name: 't', until: 600_000, ...source });
  if (!v.ok) throw new Error(JSON.stringify(v));
  return { s: createSimulation(v.scenario), scenario: v.scenario };
}
const TWO = [{ name: 'N1' }, { name: 'N2' }];
const at = (s: ReturnType<typeof sim>['s'], t: number, name = 'App') => {
  s.advanceTo(t);
  return s.view().resources.find((r) => r.name === name)!.machine;
};
const group = (s: ReturnType<typeof sim>['s'], t: number) => {
  s.advanceTo(t);
  return s.view().groups[0]!.machine;
};

describe('resource sub-states during a simulation', () => {
  it('a failure, its RestartDelay, a hung restart, the recycle, and Online again', () => {
    const { s } = sim(hangThenRestart());
    expect(at(s, 0)).toEqual(['OnlinePending.call.calling', 'OnlinePending.wish.stay']);
    expect(at(s, 1000)).toEqual(['Online.health.healthy', 'Online.wish.stay']);
    expect(at(s, 2000)).toEqual(['Failed.restartScheduled']);
    expect(at(s, 2500)).toEqual(['OnlinePending.call.hung', 'OnlinePending.wish.stay']);
    // 7500: DeadlockTimeout recycles the monitor: Failed, counted, restart scheduled again.
    expect(at(s, 7500)).toEqual(['Failed.restartScheduled']);
    expect(at(s, 9000)).toEqual(['Online.health.healthy', 'Online.wish.stay']);
  });

  it('a stalled call, a watched health fault, a hung check, an unanswered call on a crashed node', () => {
    const { s } = sim({
      nodes: TWO,
      groups: [
        {
          name: 'G',
          preferredOwners: ['N1', 'N2'],
          resources: [
            { name: 'App', behavior: { onlineMs: 100 } },
            { name: 'Db', behavior: { onlineMs: 100 } },
          ],
        },
      ],
      script: [
        { at: 1000, action: 'setHealth', resource: 'App', isAlive: 'ok', looksAlive: 'fail' },
        { at: 1000, action: 'setHealth', resource: 'Db', looksAlive: 'hang' },
        { at: 70_000, action: 'crashNode', node: 'N1' },
      ],
    });
    expect(at(s, 1000)).toEqual(['Online.health.watching', 'Online.wish.stay']);
    // LooksAlive fails at 5 s; IsAlive answers ok: not a failure, still watched.
    expect(at(s, 5000)).toEqual(['Online.health.watching', 'Online.wish.stay']);
    expect(at(s, 6000, 'Db')).toEqual(['Online.health.checkHung', 'Online.wish.stay']);
    expect(at(s, 70_000)).toEqual(['Online.health.unmonitored', 'Online.wish.stay']);
  });

  it('restarts exhausted: waiting for RetryPeriodOnFailure, or given up for good (RestartAction 0)', () => {
    const { s } = sim({
      nodes: [{ name: 'N1' }],
      groups: [
        {
          name: 'G',
          resources: [
            {
              name: 'App',
              properties: {
                RestartThreshold: 0,
                RestartAction: 1,
                RestartPeriod: 60_000,
                RetryPeriodOnFailure: 60_000,
              },
              behavior: { onlineMs: 100 },
            },
            { name: 'Never', properties: { RestartAction: 0 }, behavior: { onlineMs: 100 } },
            { name: 'Stall', properties: { PendingTimeout: 3000 }, behavior: { onlineMs: 100 } },
          ],
        },
      ],
      script: [
        { at: 1000, action: 'failResource', resource: 'App' },
        { at: 1000, action: 'failResource', resource: 'Never' },
        { at: 1000, action: 'setOnline', resource: 'Stall', result: 'stall' },
        { at: 1000, action: 'failResource', resource: 'Stall' },
      ],
    });
    expect(at(s, 1000)).toEqual(['Failed.retryWait']);
    expect(at(s, 1000, 'Never')).toEqual(['Failed.gaveUp']);
    expect(s.view().resources.find((r) => r.name === 'App')!.gaveUp).toBe(true);
    // Its restart (RestartDelay 500 ms) stalls until PendingTimeout.
    expect(at(s, 1500, 'Stall')).toEqual(['OnlinePending.call.stalled', 'OnlinePending.wish.stay']);
    expect(at(s, 62_000)).toEqual(['Online.health.healthy', 'Online.wish.stay']);
  });

  it('an Offline wanted during a move is not carried past a Terminate (it stays Online after the failover)', () => {
    // A resource whose Online call was pending when its group failed over was terminated, then
    // came Online on the new owner: it must stay Online (it used to go offline at once).
    const { scenario } = sim({
      until: 8000,
      nodes: TWO,
      groups: [
        {
          name: 'G',
          preferredOwners: ['N1', 'N2'],
          resources: [
            { name: 'A', properties: { RestartThreshold: 0 }, behavior: { onlineMs: 100 } },
            { name: 'C', behavior: { onlineMs: 1000 } },
          ],
        },
      ],
      script: [{ at: 500, action: 'failResource', resource: 'A' }],
    });
    const trace = runScenario(scenario);
    expect(trace.final.resources.C).toEqual({ state: 'Online', node: 'N2', restartCount: 0 });
    expect(trace.events.some((e) => e.type === 'call' && e.resource === 'C' && e.call === 'Offline')).toBe(false);
  });
});

describe('group sub-states during a simulation', () => {
  it('failing over, then waiting for a target, then placed again (§4.5, §4.8)', () => {
    const { s } = sim({
      nodes: TWO,
      groups: [
        {
          name: 'G',
          preferredOwners: ['N1', 'N2'],
          resources: [{ name: 'App', properties: { RestartThreshold: 0 }, behavior: { offlineMs: 2000 } }],
        },
      ],
      script: [
        { at: 1000, action: 'pauseNode', node: 'N2' },
        { at: 2000, action: 'failResource', resource: 'App' },
        { at: 3000, action: 'resumeNode', node: 'N2' },
      ],
    });
    expect(group(s, 0)).toEqual(['placement.placed', 'failback.idle']);
    expect(group(s, 2000)).toEqual(['placement.awaitingTarget', 'failback.idle']);
    expect(s.view().groups[0]!.activity).toBe('waiting for a node that can host it');
    expect(group(s, 3000)).toEqual(['placement.placed', 'failback.idle']);
    expect(s.view().groups[0]!.owner).toBe('N2');
  });

  it('a failback waits for its window (§4.6)', () => {
    const { s } = sim({
      until: 48 * 3_600_000,
      cluster: { startTime: '12:00' },
      nodes: [...TWO, { name: 'N3' }],
      groups: [
        {
          name: 'G',
          preferredOwners: ['N1', 'N2'],
          properties: { AutoFailbackType: 1, FailbackWindowStart: 22, FailbackWindowEnd: 23 },
          resources: [{ name: 'App', behavior: { onlineMs: 100 } }],
        },
      ],
      script: [
        { at: 1000, action: 'crashNode', node: 'N1' },
        { at: 60_000, action: 'startNode', node: 'N1' },
      ],
    });
    expect(group(s, 300_000)).toEqual(['placement.placed', 'failback.scheduled']);
    expect(group(s, 11 * 3_600_000)).toEqual(['placement.placed', 'failback.idle']);
    expect(s.view().groups[0]!.owner).toBe('N1');
  });
});
