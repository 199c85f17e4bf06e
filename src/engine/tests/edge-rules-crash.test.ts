/**
 * Contract §4.8, a crashed node before detection runs nothing. One describe per rule; each repro
 * scenario found by random fault testing (edge-fixtures/, README in
 * ../../../../shared/fixtures/engine) is asserted against the contract's outcome, and each rule is
 * checked again on a different topology or timing so the test holds the rule, not the repro.
 */
import { describe, expect, it } from 'vitest';
import { cluster, scenario } from '../testing/harness';
import amb02 from './edge-fixtures/amb02.json';
import bug01 from './edge-fixtures/bug01.json';
import bug02 from './edge-fixtures/bug02.json';

const run = (json: unknown) => cluster(json).to((json as { until: number }).until);
const r1 = (name = 'R', extra: Record<string, unknown> = {}) => ({
  name,
  behavior: { onlineMs: 1000, offlineMs: 1000 },
  ...extra,
});

describe('§4.8 a crashed node before detection runs nothing', () => {
  it('no health check runs there: the failover waits for detection (bug01)', () => {
    const c = run(bug01);
    expect(
      c.lines(['call'], 10_000).filter((l) => /LooksAlive|IsAlive/.test(l) && Number(l.split(' ')[0]) < 50_000),
    ).toEqual([]);
    expect(c.lines(['node.state', 'group.owner', 'policy'], 10_000).slice(0, 3)).toEqual([
      '50000 node N1 Up->Down',
      '50000 policy FailoverStarted G',
      '50000 owner G N1->N2 failover',
    ]);
  });

  it('a call made into it is traced pending and never completes (bug02: an administrator offline)', () => {
    const c = run(bug02);
    expect(c.lines(['call', 'resource.state'], 10_000)).toEqual([
      '12000 R Online->OfflinePending',
      '12000 call Offline R pending',
      '50000 R OfflinePending->Offline',
    ]);
  });

  it('it is still a failover target; the group that arrived there fails over again at detection, counted again (amb02)', () => {
    const c = run(amb02);
    expect(c.lines(['call', 'group.owner', 'policy'], 12_000)).toEqual([
      '12000 call Terminate R ok',
      '12000 policy RestartThresholdExceeded R',
      '12000 policy FailoverStarted G',
      '12000 owner G N1->N2 failover',
      '12000 call Online R pending',
      '20000 policy FailoverStarted G',
      '20000 owner G N2->N3 failover',
      '20000 call Online R pending',
    ]);
    expect(c.sim.final().groups.G).toEqual({ state: 'Online', owner: 'N3', failoverCount: 2 });
  });

  it('signalFailure and failResource are applied (traced as actions) but nothing runs there', () => {
    const c = cluster(
      scenario({
        until: 40_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
        groups: [{ name: 'G', ownerNode: 'N1', preferredOwners: ['N1', 'N2'], resources: [r1('R')] }],
        script: [
          { at: 5000, action: 'setHealth', resource: 'R', isAlive: 'fail' },
          { at: 6000, action: 'crashNode', node: 'N1' },
          { at: 6200, action: 'signalFailure', resource: 'R' },
          { at: 6300, action: 'failResource', resource: 'R' },
        ],
      }),
    ).to(40_000);
    expect(c.lines(['action', 'action.rejected', 'call', 'resource.state'], 6000).slice(0, 4)).toEqual([
      '6000 action crashNode',
      '6200 action signalFailure',
      '6300 action failResource',
      '16000 R Online->Offline',
    ]);
  });

  it('a RestartDelay armed before the crash still calls Online into the node, and that call never returns', () => {
    const c = cluster(
      scenario({
        until: 40_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
        groups: [{ name: 'G', ownerNode: 'N1', preferredOwners: ['N1', 'N2'], resources: [r1('R')] }],
        script: [
          { at: 6000, action: 'failResource', resource: 'R' },
          { at: 6000, action: 'crashNode', node: 'N1' },
        ],
      }),
    ).to(40_000);
    expect(c.lines(['call', 'resource.state', 'group.owner', 'policy'], 6000)).toEqual([
      '6000 R Online->Failed',
      '6000 call Terminate R ok',
      '6500 R Failed->OnlinePending',
      '6500 call Online R pending',
      '16000 R OnlinePending->Offline',
      '16000 policy FailoverStarted G',
      '16000 owner G N1->N2 failover',
      '16000 R Offline->OnlinePending',
      '16000 call Online R pending',
      '17000 R OnlinePending->Online',
    ]);
  });
});
