/**
 * The checker against hand-made traces: a trace written from the contract passes, and breaking one
 * rule at a time is reported under that rule, with the place, the expected and the actual.
 */
import { describe, expect, it } from 'vitest';
import type { Trace, TraceEvent } from '../index';
import { checkTrace, formatViolation } from './checker';
import { edit, failoverCase, find, hangCase } from './handTraces';

const rulesOf = (c: { scenario: Parameters<typeof checkTrace>[0] }, trace: Trace) =>
  checkTrace(c.scenario, trace).map((v) => v.rule);

describe('the contract checker on hand-made traces', () => {
  it('passes a correct node-loss failover trace', () => {
    const c = failoverCase();
    expect(checkTrace(c.scenario, c.trace).map(formatViolation)).toEqual([]);
  });

  it('passes a correct hung-call trace (recycle, restart, restart window)', () => {
    const c = hangCase();
    expect(checkTrace(c.scenario, c.trace).map(formatViolation)).toEqual([]);
  });

  const failover = failoverCase();
  const broken: [string, string, (ev: TraceEvent[]) => void][] = [
    [
      'detection later than SameSubnetDelay × SameSubnetThreshold',
      '§4.6 detection',
      (ev) => {
        for (const x of ev) if (x.t === 15000) (x as { t: number }).t = 15500;
      },
    ],
    [
      'a health check on the crashed node before detection',
      '§4.8 a crashed node runs nothing',
      (ev) => {
        ev.splice(9, 0, {
          t: 8000,
          type: 'call',
          resource: 'App',
          node: 'N1',
          call: 'IsAlive',
          result: 'fail',
          reason: 'x',
        });
      },
    ],
    [
      'a failover target that is not next in the walk',
      '§4.5 target walk',
      (ev) => {
        const i = find(ev, { type: 'group.owner' });
        (ev[i] as { to: string }).to = 'N3';
        for (const x of ev) if ('node' in x && x.node === 'N2') (x as { node: string }).node = 'N3';
      },
    ],
    [
      'an Online completing before onlineMs',
      '§4.8 never Online without an Online call',
      (ev) => {
        (ev[find(ev, { type: 'resource.state', resource: 'App', to: 'Online', node: 'N2' })] as { t: number }).t =
          16500;
      },
    ],
    [
      'a missing group.state',
      '§3 group.state derivation',
      (ev) => {
        ev.pop();
      },
    ],
    [
      'an Online call before its provider is Online',
      '§4.1 providers-first',
      (ev) => {
        const i = find(ev, { type: 'resource.state', resource: 'App', node: 'N2', to: 'OnlinePending' });
        const moved = ev.splice(i, 2);
        for (const x of moved) (x as { t: number }).t = 15000;
        ev.splice(find(ev, { type: 'group.state', t: 15000 }), 0, ...moved);
      },
    ],
    [
      'a quorum vote the even rule does not remove',
      '§4.7 quorum',
      (ev) => {
        ev.splice(find(ev, { type: 'quorum.vote', voter: 'N3' }), 1);
      },
    ],
    [
      'FailoverThresholdExceeded where a failover may start',
      '§4.5 FailoverThreshold',
      (ev) => {
        (ev[find(ev, { type: 'policy', rule: 'FailoverStarted' })] as { rule: string }).rule =
          'FailoverThresholdExceeded';
      },
    ],
    [
      'a failover with no FailoverStarted',
      '§4.5 failover',
      (ev) => {
        ev.splice(find(ev, { type: 'policy', rule: 'FailoverStarted' }), 1);
      },
    ],
    [
      'a resource state that does not follow from the last one',
      '§3 continuity',
      (ev) => {
        (ev[find(ev, { type: 'resource.state', resource: 'Disk', to: 'Online' })] as { from: string }).from = 'Offline';
      },
    ],
    [
      'a script action out of file order',
      '§2 script order',
      (ev) => {
        ev.splice(find(ev, { type: 'action' }), 1);
      },
    ],
  ];
  it.each(broken)('flags %s', (_name, rule, f) => {
    const rules = rulesOf(failover, edit(failover.trace, f));
    expect(
      rules.some((r) => r.startsWith(rule)),
      `${rule} in ${JSON.stringify(rules)}`,
    ).toBe(true);
  });

  it('checks final against the replay: counts, owners and every name', () => {
    const t = structuredClone(failover.trace);
    t.final.groups.G!.failoverCount = 0;
    t.final.resources.App!.node = 'N1';
    delete (t.final.nodes as Record<string, unknown>).N3;
    const vs = checkTrace(failover.scenario, t);
    expect(vs.map((v) => v.rule)).toEqual(
      expect.arrayContaining(['§3 final = replay of the trace', '§4.8 names are data']),
    );
    const count = vs.find((v) => v.expected.includes('failoverCount'))!;
    expect(count).toMatchObject({ index: -1, t: 20000, actual: '0' });
    expect(count.expected).toContain('failoverCount 1');
  });

  it('names the event, the time, the rule, the expected and the actual', () => {
    const t = edit(failover.trace, (ev) => {
      (ev[find(ev, { type: 'group.owner' })] as { to: string }).to = 'N3';
    });
    const v = checkTrace(failover.scenario, t).find((x) => x.rule === '§4.5 target walk')!;
    expect(v).toMatchObject({ index: 15, t: 15000, actual: 'to "N3"' });
    expect(v.expected).toContain('"G" to "N2"');
    expect(formatViolation(v)).toMatch(/^\[§4\.5 target walk\] event #15 t=15000: expected .*; actual to "N3"$/);
  });

  const hang = hangCase();
  const brokenHang: [string, string, (ev: TraceEvent[]) => void][] = [
    [
      'a recycle later than DeadlockTimeout after the hang',
      '§4.3 deadlock recycle',
      (ev) => {
        for (const x of ev) if (x.t === 16000) (x as { t: number }).t = 16200;
      },
    ],
    [
      'a restart earlier than RestartDelay',
      '§4.4 restart window',
      (ev) => {
        for (const x of ev) if (x.t === 16500) (x as { t: number }).t = 16200;
      },
    ],
    [
      'RestartThresholdExceeded on the first failure of a window',
      '§4.4 restart window',
      (ev) => {
        ev.splice(find(ev, { type: 'group.state', t: 16000 }), 0, {
          t: 16000,
          type: 'policy',
          rule: 'RestartThresholdExceeded',
          subject: 'R',
          detail: '',
          reason: 'x',
        });
      },
    ],
    [
      'a second health check while a call is hung',
      '§4.2 health check timing',
      (ev) => {
        ev.splice(find(ev, { type: 'rhs.recycle' }), 0, {
          t: 13000,
          type: 'call',
          resource: 'R',
          node: 'N1',
          call: 'IsAlive',
          result: 'hang',
          reason: 'x',
        });
      },
    ],
    [
      'a missing health check when a fault is due to be seen',
      '§4.2 health check timing',
      (ev) => {
        ev.splice(find(ev, { type: 'call', call: 'IsAlive' }), 1);
      },
    ],
    [
      'a failure with no cause',
      '§4.1 no failure without a cause',
      (ev) => {
        ev.splice(find(ev, { type: 'rhs.recycle' }), 1);
      },
    ],
  ];
  it.each(brokenHang)('flags %s', (_name, rule, f) => {
    const rules = rulesOf(hang, edit(hang.trace, f));
    expect(
      rules.some((r) => r.startsWith(rule)),
      `${rule} in ${JSON.stringify(rules)}`,
    ).toBe(true);
  });

  it('checks final.restartCount against the open restart window', () => {
    const t = structuredClone(hang.trace);
    t.final.resources.R!.restartCount = 0;
    expect(rulesOf(hang, t)).toContain('§3 final restartCount');
  });
});
