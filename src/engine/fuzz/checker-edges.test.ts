/**
 * The checker on the edges the 5,000-case runs found (issue 7): the engine's trace of each case is
 * accepted, and the same trace broken at that edge is still reported under the rule it breaks, so
 * reading the contract more precisely did not make the check weaker.
 */
import { describe, expect, it } from 'vitest';
import { runScenario, validateScenario, type Scenario, type Trace, type TraceEvent } from '../index';
import { checkTrace, formatViolation } from './checker';
import { edit, find } from './handTraces';

function valid(partial: Record<string, unknown>): Scenario {
  const v = validateScenario({ format: 'failover-scenario@1', name: 'edge', ...partial });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}
const r = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  behavior: { onlineMs: 1000, offlineMs: 1000 },
  ...extra,
});
const ev = (t: number, type: string, fields: Record<string, unknown>) =>
  ({ t, type, reason: 'edited', ...fields }) as TraceEvent;
const check = (s: Scenario, trace: Trace) => checkTrace(s, trace);
const rules = (s: Scenario, trace: Trace) => check(s, trace).map((v) => v.rule);

/** P fails at 12000 while its group drains off N2 (D's Offline call runs until 15000). */
const draining = (RestartThreshold: number) =>
  valid({
    until: 60_000,
    nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
    groups: [
      {
        name: 'G',
        ownerNode: 'N2',
        resources: [
          r('P', { properties: { RestartThreshold, RestartAction: 2, RestartDelay: 100 } }),
          r('D', { dependsOn: ['P'], behavior: { onlineMs: 1000, offlineMs: 5000 } }),
        ],
      },
    ],
    script: [
      { at: 10_000, action: 'pauseNode', node: 'N2', drain: true },
      { at: 12_000, action: 'failResource', resource: 'P' },
    ],
  });

describe('checker: a failure during a move (§4.4 counts, §4.8 the group keeps its move)', () => {
  it('accepts the engine: counted, RestartThresholdExceeded, no second move, no restart where it leaves', () => {
    for (const th of [0, 1]) {
      const s = draining(th);
      expect(check(s, runScenario(s)).map(formatViolation)).toEqual([]);
    }
  });

  it('reports a restart on the node the group is leaving', () => {
    const s = draining(1);
    const t = edit(runScenario(s), (e) => {
      const i = find(e, { type: 'call', resource: 'P', call: 'Terminate' });
      e.splice(
        i + 1,
        0,
        ev(12_100, 'resource.state', { resource: 'P', group: 'G', node: 'N2', from: 'Failed', to: 'OnlinePending' }),
        ev(12_100, 'call', { resource: 'P', node: 'N2', call: 'Online', result: 'pending' }),
      );
    });
    expect(rules(s, t)).toContain('§4.4 restart window');
  });

  it('reports a failover started for a group already moving', () => {
    const s = draining(0);
    const t = edit(runScenario(s), (e) => {
      const i = find(e, { type: 'policy', rule: 'RestartThresholdExceeded' });
      e.splice(i + 1, 0, ev(12_000, 'policy', { rule: 'FailoverStarted', subject: 'G', detail: 'x' }));
    });
    expect(rules(s, t)).toContain('§4.8 a group already moving keeps its move');
  });

  it('still requires RestartThresholdExceeded for a failure over the threshold during a move', () => {
    const s = draining(0);
    const t = edit(runScenario(s), (e) => {
      e.splice(find(e, { type: 'policy', rule: 'RestartThresholdExceeded' }), 1);
    });
    expect(rules(s, t)).toContain('§4.4 restart window');
  });
});

describe('checker: no failover decision while quorum is lost (§4.7)', () => {
  const s = valid({
    until: 60_000,
    cluster: { quorum: { witness: 'none', DynamicQuorum: 0 } },
    nodes: [{ name: 'N1' }, { name: 'N2', behavior: { joinMs: 1000 } }, { name: 'N3' }],
    groups: [{ name: 'G', ownerNode: 'N2', resources: [r('R')] }],
    script: [
      { at: 1000, action: 'crashNode', node: 'N1' },
      { at: 1000, action: 'crashNode', node: 'N3' },
      { at: 20_000, action: 'startNode', node: 'N2' },
      { at: 25_000, action: 'crashNode', node: 'N2' },
    ],
  });

  it('accepts a rejoined node going Down again with no decision', () => {
    expect(check(s, runScenario(s)).map(formatViolation)).toEqual([]);
  });

  it('reports a failover decision taken then', () => {
    const t = edit(runScenario(s), (e) => {
      const i = find(e, { type: 'node.state', node: 'N2', from: 'Up', to: 'Down' });
      e.splice(i + 1, 0, ev(35_000, 'policy', { rule: 'FailoverThresholdExceeded', subject: 'G', detail: 'x' }));
    });
    expect(rules(s, t)).toContain('§4.5 failover');
  });
});

describe('checker: monitors (§4.3)', () => {
  it('a resource given its own monitor at a recycle is not in the shared monitor of the node it runs on', () => {
    const s = valid({
      until: 200_000,
      nodes: [{ name: 'N1' }, { name: 'N2' }],
      groups: [
        { name: 'G', ownerNode: 'N1', resources: [r('R', { properties: { DeadlockTimeout: 20_000 } }), r('S')] },
      ],
      script: [
        { at: 1000, action: 'setHealth', resource: 'R', isAlive: 'hang' },
        { at: 65_000, action: 'moveGroup', group: 'G', node: 'N2' },
      ],
    });
    const trace = runScenario(s);
    expect(check(s, trace).map(formatViolation)).toEqual([]);
    // The same recycle listing (and failing) S as if R were still in N2's shared monitor.
    const t = edit(trace, (e) => {
      const i = find(e, { type: 'rhs.recycle', node: 'N2' });
      (e[i] as { resources: string[] }).resources = ['R', 'S'];
    });
    expect(rules(s, t)).toContain('§3 rhs.recycle lists what the monitor hosts');
  });

  it('two calls hung in one monitor and due together make one recycle, not two', () => {
    const s = valid({
      until: 60_000,
      nodes: [{ name: 'N1' }],
      groups: [
        { name: 'G', resources: [r('A', { properties: { DeadlockTimeout: 30_000, IsAlivePollInterval: 20_000 } })] },
        { name: 'H', resources: [r('B', { properties: { DeadlockTimeout: 10_000, IsAlivePollInterval: 40_000 } })] },
      ],
      script: [
        { at: 500, action: 'setHealth', resource: 'A', isAlive: 'hang' },
        { at: 500, action: 'setHealth', resource: 'B', isAlive: 'hang' },
      ],
    });
    const trace = runScenario(s);
    expect(check(s, trace).map(formatViolation)).toEqual([]);
    const t = edit(trace, (e) => {
      const i = find(e, { type: 'rhs.recycle' });
      e.splice(i + 1, 0, ev(51_000, 'rhs.recycle', { node: 'N1', resources: [] }));
    });
    expect(rules(s, t)).toContain('§4.3 deadlock recycle');
  });
});

describe('checker: decisions of one instant (§2 script actions come after the engine, §4.8 waiting groups)', () => {
  it('judges a node loss by the persistent state before an offlineGroup of the same instant', () => {
    const s = valid({
      until: 40_000,
      nodes: [{ name: 'N1' }, { name: 'N2' }],
      groups: [{ name: 'G', ownerNode: 'N2', properties: { FailoverThreshold: 0 }, resources: [r('R')] }],
      script: [
        { at: 1000, action: 'crashNode', node: 'N2' },
        { at: 11_000, action: 'offlineGroup', group: 'G' },
      ],
    });
    const trace = runScenario(s);
    expect(check(s, trace).map(formatViolation)).toEqual([]);
    // Without its FailoverThresholdExceeded the persistent-online group got no decision at all.
    const t = edit(trace, (e) => {
      e.splice(find(e, { type: 'policy', rule: 'FailoverThresholdExceeded' }), 1);
    });
    expect(rules(s, t)).toContain('§4.5 failover');
  });

  it('accepts a second decision when a group refused a target sees a node join in the same instant', () => {
    const s = valid({
      until: 40_000,
      cluster: { quorum: { witness: 'cloud', DynamicQuorum: 0 } },
      nodes: [{ name: 'N1', properties: { NodeWeight: 0 }, behavior: { joinMs: 0 } }],
      groups: [{ name: 'G', properties: { FailoverThreshold: 0 }, resources: [r('R')] }],
      script: [
        { at: 3000, action: 'crashNode', node: 'N1' },
        { at: 13_000, action: 'startNode', node: 'N1' },
      ],
    });
    const trace = runScenario(s);
    expect(trace.events.filter((x) => x.type === 'policy').map((x) => x.type === 'policy' && x.rule)).toEqual([
      'FailoverThresholdExceeded',
      'NoTargetNode',
      'FailoverThresholdExceeded',
    ]);
    expect(check(s, trace).map(formatViolation)).toEqual([]);
    // Without the node joining, nothing could host the group yet: no second decision then.
    const t = edit(trace, (e) => {
      for (let i = e.length - 1; i >= 0; i--) if (e[i]!.type === 'node.state' && e[i]!.t === 13_000) e.splice(i, 1);
    });
    expect(rules(s, t)).toContain('§4.5 failover');
  });
});

describe('checker: more readings fixed by the seeds 4, 6 and 11 runs', () => {
  const svc = (name: string, extra: Record<string, unknown> = {}) =>
    r(name, {
      properties: { RestartThreshold: 0, RestartAction: 2, RetryPeriodOnFailure: 20_000, RestartPeriod: 20_000 },
      ...extra,
    });

  it('a QuorumLost by a later failWitness of the instant does not undo the node loss decided before it', () => {
    const s = valid({
      until: 60_000,
      cluster: { quorum: { witness: 'cloud', DynamicQuorum: 1 } },
      nodes: [{ name: 'N1', properties: { NodeWeight: 0 } }],
      groups: [{ name: 'G', properties: { FailoverThreshold: 0, Priority: 0 }, resources: [svc('R')] }],
      script: [
        { at: 15_000, action: 'crashNode', node: 'N1' },
        { at: 25_000, action: 'failWitness' },
      ],
    });
    const trace = runScenario(s);
    expect(trace.events.filter((e) => e.type === 'policy').map((e) => e.type === 'policy' && e.rule)).toEqual([
      'FailoverThresholdExceeded',
      'NoTargetNode',
      'QuorumLost',
    ]);
    expect(check(s, trace).map(formatViolation)).toEqual([]);
  });

  it('onlineResource brings the providers it needs online with it, also Failed ones past their threshold', () => {
    const s = valid({
      until: 40_000,
      nodes: [{ name: 'N1' }],
      groups: [
        {
          name: 'G',
          properties: { FailoverThreshold: 0 },
          resources: [
            svc('P', {
              properties: {
                RestartThreshold: 0,
                RestartAction: 2,
                DeadlockTimeout: 4000,
                LooksAlivePollInterval: 2000,
              },
              behavior: { onlineMs: 2500, offlineMs: 0 },
            }),
            svc('Q', { dependsOn: ['P'] }),
            svc('S', { dependsOn: ['Q'] }),
          ],
        },
      ],
      script: [
        { at: 0, action: 'setHealth', resource: 'P', looksAlive: 'hang' },
        { at: 8500, action: 'onlineResource', resource: 'S' },
      ],
    });
    expect(check(s, runScenario(s)).map(formatViolation)).toEqual([]);
  });
});
