/**
 * Contract §4.8, a hung call stays hung, and §4.3 monitor recycles. One describe per rule; each repro
 * scenario found by random fault testing (edge-fixtures/, README in
 * ../../../../shared/fixtures/engine) is asserted against the contract's outcome, and each rule is
 * checked again on a different topology or timing so the test holds the rule, not the repro.
 */
import { describe, expect, it } from 'vitest';
import { cluster, scenario } from '../testing/harness';
import bug03 from './edge-fixtures/bug03.json';
import bug04 from './edge-fixtures/bug04.json';
import bug05 from './edge-fixtures/bug05.json';
import bug06 from './edge-fixtures/bug06.json';

const run = (json: unknown) => cluster(json).to((json as { until: number }).until);
const r1 = (name = 'R', extra: Record<string, unknown> = {}) => ({
  name,
  behavior: { onlineMs: 1000, offlineMs: 1000 },
  ...extra,
});

describe('§4.8 a hung call stays hung', () => {
  it('through a takedown and a restart in the same monitor: the recycle still comes DeadlockTimeout after the call (bug03)', () => {
    const c = run(bug03);
    expect(c.lines(['rhs.recycle'])).toEqual(['362000 recycle N1 [Disk,App,Bystander]']);
    // App came back online in the hung monitor meanwhile, and fails with it
    expect(c.lines(['resource.state'], 100_000).filter((l) => l.includes(' App '))).toEqual([
      '100000 App Online->Offline',
      '101500 App Offline->OnlinePending',
      '102500 App OnlinePending->Online',
      '362000 App Online->Failed',
      '363000 App Failed->OnlinePending',
      '364000 App OnlinePending->Online',
    ]);
  });

  it('a failResource of the hung resource itself does not end the hang either', () => {
    const c = cluster(
      scenario({
        until: 400_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }],
        groups: [{ name: 'G', resources: [r1('R', { properties: { RestartThreshold: 5 } })] }],
        script: [
          { at: 1000, action: 'setHealth', resource: 'R', isAlive: 'hang' },
          { at: 90_000, action: 'failResource', resource: 'R' },
          { at: 90_000, action: 'heal', resource: 'R' },
        ],
      }),
    ).to(400_000);
    expect(c.lines(['rhs.recycle', 'call'], 60_000)).toEqual([
      '61000 call IsAlive R hang',
      '90000 call Terminate R ok',
      '90500 call Online R pending',
      '361000 recycle N1 [R]',
      '361000 call Terminate R ok',
      '361500 call Online R pending',
    ]);
  });

  it('signalFailure does nothing while a check is hung: no second IsAlive, the recycle stays put (bug04)', () => {
    const c = run(bug04);
    expect(c.lines(['call', 'rhs.recycle', 'action'], 60_000)).toEqual([
      '60000 action setHealth',
      '61000 call IsAlive R hang',
      '200000 action signalFailure',
      '361000 recycle N1 [R]',
      '361000 call Terminate R ok',
    ]);
  });

  it('faults follow the resource: moved with a hang fault, its first check hangs on the new node too (bug05)', () => {
    const c = run(bug05);
    expect(c.lines(['call', 'rhs.recycle'], 30_000)).toEqual([
      '30000 call Offline R pending',
      '31000 call Online R pending',
      '37000 call LooksAlive R hang',
      // N1's monitor is still recycled; it hosts nothing now (R moved away, so it is not listed)
      '306000 recycle N1 []',
      '337000 recycle N2 [R]',
      '337000 call Terminate R ok',
    ]);
  });

  it('no recycle on a node that is Down (bug06)', () => {
    const c = run(bug06);
    expect(c.lines(['rhs.recycle'])).toEqual([]);
    c.expectResource('R').inState('Online').onNode('N2');
  });

  it('no recycle on a crashed node before its detection either', () => {
    const c = cluster(
      scenario({
        until: 200_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
        cluster: { properties: { SameSubnetDelay: 1000, SameSubnetThreshold: 60 } },
        groups: [{ name: 'G', ownerNode: 'N1', resources: [r1('R', { properties: { DeadlockTimeout: 10_000 } })] }],
        script: [
          { at: 1000, action: 'setHealth', resource: 'R', isAlive: 'hang' },
          { at: 65_000, action: 'crashNode', node: 'N1' },
        ],
      }),
    ).to(200_000);
    // hung at 61000, recycle would be at 71000: the node crashed at 65000 and is detected at 125000
    expect(c.lines(['rhs.recycle']).filter((l) => l.includes('recycle N1'))).toEqual([]);
    expect(c.lines(['node.state'])).toEqual(['125000 node N1 Up->Down']);
  });
});

describe('§4.3 the resource whose call hung is given a monitor of its own from then on', () => {
  it('at once, also on the node it runs on now: a later hang there recycles only its own monitor', () => {
    const c = cluster(
      scenario({
        until: 200_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
        groups: [
          { name: 'G', ownerNode: 'N1', resources: [r1('R', { properties: { DeadlockTimeout: 20_000 } }), r1('S')] },
        ],
        script: [
          { at: 1000, action: 'setHealth', resource: 'R', isAlive: 'hang' },
          { at: 65_000, action: 'moveGroup', group: 'G', node: 'N2' },
        ],
      }),
    ).to(200_000);
    // R hangs on N1 at 61000, moves to N2 (shared monitor there) at 66000; N1's monitor is recycled
    // at 81000 and R has its own monitor from then on, so its hang on N2 at 127000 is in that one.
    expect(c.lines(['rhs.recycle']).concat(c.lines(['call']).filter((l) => l.includes('IsAlive')))).toEqual([
      '81000 recycle N1 []',
      '147000 recycle N2 [R]',
      '61000 call IsAlive R hang',
      '127000 call IsAlive R hang',
    ]);
    expect(c.lines(['resource.state']).filter((l) => l.includes(' S ') && l.includes('Failed'))).toEqual([]);
    c.expectResource('S').inState('Online').onNode('N2');
  });

  it('two calls hung in one monitor that time out together: one recycle, both get a monitor of their own', () => {
    const c = cluster(
      scenario({
        until: 200_000,
        nodes: [{ name: 'N1' }, { name: 'N2' }],
        groups: [
          {
            name: 'G',
            ownerNode: 'N1',
            resources: [r1('A', { properties: { DeadlockTimeout: 30_000, IsAlivePollInterval: 20_000 } })],
          },
          {
            name: 'H',
            ownerNode: 'N1',
            resources: [r1('B', { properties: { DeadlockTimeout: 10_000, IsAlivePollInterval: 40_000 } }), r1('C')],
          },
        ],
        script: [
          { at: 500, action: 'setHealth', resource: 'A', isAlive: 'hang' },
          { at: 500, action: 'setHealth', resource: 'B', isAlive: 'hang' },
        ],
      }),
    ).to(200_000);
    // A hangs at 21000 (+30 s), B at 41000 (+10 s): both due at 51000 in N1's shared monitor.
    expect(c.lines(['rhs.recycle'], 51_000).filter((l) => l.startsWith('51000'))).toEqual(['51000 recycle N1 [A,B,C]']);
    // Restarted, they hang again, each in its own monitor now: C (shared) is not failed with them.
    expect(c.lines(['rhs.recycle'], 100_000).slice(0, 2)).toEqual(['102500 recycle N1 [A]', '102500 recycle N1 [B]']);
    expect(c.lines(['call'], 100_000).filter((l) => l.includes('Terminate C'))).toEqual([]);
  });
});
