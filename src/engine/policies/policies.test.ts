import { describe, expect, it } from 'vitest';
import { initialOwner } from './initialOwner';
import { nextPollInstant } from './polls';
import { chooseTarget, failbackTarget, walkOrder } from './targetWalk';
import { countFailure, EMPTY_RESTART_WINDOW, failoversInWindow, mayFailover, restartCountAt } from './windows';
import { applyEvenRule, holdsAfterLoss, regained } from './quorum';
import { inWindow, nextWindowInstant, formatLocalTime } from './failbackWindow';
import { deriveGroupState } from './groupState';
import { longestPathLayers, providersFirst, providersSatisfied, topLevel } from './dependencies';
import { VirtualClock } from '../clock/virtualClock';

describe('poll instants', () => {
  it('are tOnline + k·interval, strictly after the given instant', () => {
    expect(nextPollInstant(1000, 5000, 1000)).toBe(6000);
    expect(nextPollInstant(1000, 5000, 6000)).toBe(11000);
    expect(nextPollInstant(1000, 5000, 5999)).toBe(6000);
  });
});

describe('target walk', () => {
  const nodes = [1, 2, 3, 4].map((id) => ({ name: `N${id}`, id }));
  it('orders preferred owners first, then the rest by node ID', () => {
    expect(walkOrder(nodes, ['N3', 'N1'])).toEqual(['N3', 'N1', 'N2', 'N4']);
  });
  it('takes the first candidate after the current owner, wrapping around', () => {
    const order = ['N3', 'N1', 'N2', 'N4'];
    expect(chooseTarget(order, new Set(['N3', 'N4']), new Set(), { kind: 'afterCurrent', current: 'N2' })).toBe('N4');
    expect(chooseTarget(order, new Set(['N3']), new Set(), { kind: 'afterCurrent', current: 'N4' })).toBe('N3');
    expect(chooseTarget(order, new Set(['N2', 'N4']), new Set(), { kind: 'fromTop' })).toBe('N2');
    expect(chooseTarget(order, new Set(), new Set(), { kind: 'fromTop' })).toBeNull();
  });
  it('skips anti-affined candidates unless no other exists', () => {
    const order = ['N1', 'N2', 'N3'];
    expect(chooseTarget(order, new Set(['N2', 'N3']), new Set(['N2']), { kind: 'fromTop' })).toBe('N3');
    expect(chooseTarget(order, new Set(['N2']), new Set(['N2']), { kind: 'fromTop' })).toBe('N2');
  });
  it('failback goes to the highest-ranked Up preferred node above the current owner', () => {
    expect(failbackTarget(['N1', 'N2', 'N3'], (n) => n !== 'N1', 'N3')).toBe('N2');
    expect(failbackTarget(['N1', 'N2'], () => true, 'N1')).toBeNull();
    expect(failbackTarget(['N1', 'N2'], () => true, 'N9')).toBe('N1');
  });
});

describe('counting windows', () => {
  it('restart: a fixed window opened by the first failure, reopened after RestartPeriod', () => {
    let w = EMPTY_RESTART_WINDOW;
    w = countFailure(w, 1000, 10000, 'fixed');
    w = countFailure(w, 11000, 10000, 'fixed');
    expect([w.start, w.count]).toEqual([1000, 2]);
    w = countFailure(w, 11001, 10000, 'fixed');
    expect([w.start, w.count]).toEqual([11001, 1]);
    expect(restartCountAt(w, 21001, 10000, 'fixed')).toBe(1);
    expect(restartCountAt(w, 21002, 10000, 'fixed')).toBe(0);
  });
  it('failover: sliding window of FailoverPeriod hours before now', () => {
    const h = 3_600_000;
    expect(failoversInWindow([0, h, 2 * h], 2 * h, 1, 'sliding')).toEqual([2 * h]);
    expect(mayFailover([0, 100], 200, 1, 2, 'sliding')).toBe(false);
    expect(mayFailover([0, 100], h + 1, 1, 2, 'sliding')).toBe(true);
  });
});

describe('quorum arithmetic', () => {
  const dyn = { dynamic: true, witnessConfigured: false, witnessUp: false };
  it('even rule: the highest ID gives up its vote without a witness; with one the witness votes', () => {
    expect(applyEvenRule([1, 2], dyn)).toEqual({ voters: [1], witnessVotes: false });
    expect(applyEvenRule([1, 2], { ...dyn, witnessConfigured: true, witnessUp: true })).toEqual({
      voters: [1, 2],
      witnessVotes: true,
    });
    expect(applyEvenRule([1, 2, 3], { ...dyn, witnessConfigured: true, witnessUp: true })).toEqual({
      voters: [1, 2, 3],
      witnessVotes: false,
    });
  });
  it('holds after a loss when the remaining votes are more than half of the total before', () => {
    expect(holdsAfterLoss({ voters: [1, 2, 3], witnessVotes: false }, new Set([1, 2]), true, false, false)).toBe(true);
    expect(holdsAfterLoss({ voters: [1, 2, 3], witnessVotes: false }, new Set([1]), true, false, false)).toBe(false);
    expect(holdsAfterLoss({ voters: [1], witnessVotes: false }, new Set([1]), true, false, false)).toBe(true);
  });
  it('regain needs more than half of the configured votes', () => {
    expect(regained(1, 3, false, false)).toBe(false);
    expect(regained(2, 3, false, false)).toBe(true);
    expect(regained(1, 2, true, true)).toBe(true);
  });
});

describe('failback windows in local time', () => {
  it('[Start, End) in whole hours, wrapping past midnight', () => {
    expect(inWindow(-1, -1, 5)).toBe(true);
    expect(inWindow(1, 3, 3)).toBe(false);
    expect(inWindow(23, 2, 0)).toBe(true);
    expect(inWindow(23, 2, 2)).toBe(false);
  });
  it('the next instant inside the window', () => {
    const h = 3_600_000;
    expect(nextWindowInstant(23, 2, 22.5 * h, 0)).toBe(0.5 * h);
    expect(nextWindowInstant(23, 2, 1 * h, 10)).toBe(10);
    expect(nextWindowInstant(5, 5, 0, 0)).toBeNull();
    expect(formatLocalTime(23.5 * h, h)).toBe('00:30:00');
  });
});

describe('group state (MS-CMRP precedence)', () => {
  it('Failed, then Pending, then Partial/Online/Offline from top-level resources', () => {
    expect(deriveGroupState(['Online', 'Failed'], ['Online'])).toBe('Failed');
    expect(deriveGroupState(['OnlinePending', 'Online'], ['Online'])).toBe('Pending');
    expect(deriveGroupState(['Online', 'Offline'], ['Online', 'Offline'])).toBe('PartialOnline');
    expect(deriveGroupState(['Online'], ['Online'])).toBe('Online');
    expect(deriveGroupState([], [])).toBe('Offline');
  });
});

describe('dependencies', () => {
  it('AND of OR sets', () => {
    const expr = [['A'], ['B', 'C']];
    expect(providersSatisfied(expr, (n) => n === 'A' || n === 'C')).toBe(true);
    expect(providersSatisfied(expr, (n) => n === 'B')).toBe(false);
  });
  it('providers-first order and top-level resources', () => {
    const rs = [
      { name: 'App', dependsOn: [['Name'], ['Disk']] },
      { name: 'Disk', dependsOn: [] },
      { name: 'Name', dependsOn: [['IP']] },
      { name: 'IP', dependsOn: [] },
    ];
    expect(providersFirst(rs)).toEqual(['IP', 'Name', 'Disk', 'App']);
    expect(topLevel(rs)).toEqual(['App']);
  });
});

describe('virtual clock', () => {
  it('fires timers in deadline order, FIFO among ties, each at its own instant, skipping cancelled ones', () => {
    const c = new VirtualClock<{ id: number; deadline: number; run: () => void }>();
    const log: string[] = [];
    const at = (delay: number, run: () => void) => {
      const id = c.nextId();
      c.schedule({ id, deadline: c.now() + delay, run });
      return id;
    };
    at(10, () => log.push(`b@${c.now()}`));
    const x = at(5, () => log.push('x'));
    at(5, () => log.push(`a@${c.now()}`));
    at(10, () => {
      log.push(`c@${c.now()}`);
      at(0, () => log.push(`d@${c.now()}`));
    });
    c.cancel(x);
    for (let e = c.popDue(100); e; e = c.popDue(100)) e.run();
    expect(log).toEqual(['a@5', 'b@10', 'c@10', 'd@10']);
    expect(c.nextDeadline()).toBeNull();
  });
});

describe('human times in reasons', () => {
  it('durations and clock readings', async () => {
    const { humanMs, clockAt } = await import('./format');
    expect(humanMs(500)).toBe('500 ms');
    expect(humanMs(900000)).toBe('15 min');
    expect(humanMs(3600000)).toBe('1 h');
    expect(humanMs(4294967295)).toBe('never');
    expect(clockAt(109000)).toBe('1:49.000');
    expect(clockAt(7_200_500)).toBe('2:00:00.500');
  });
});

describe('longest-path layers', () => {
  it('puts each name one below its deepest neighbour, and survives a cycle', () => {
    const providers: Record<string, string[]> = { App: ['Name', 'Disk'], Name: ['IP'], IP: [], Disk: [] };
    expect(Object.fromEntries(longestPathLayers(Object.keys(providers), (n) => providers[n]!))).toEqual({
      App: 2,
      Name: 1,
      IP: 0,
      Disk: 0,
    });
    const cyc: Record<string, string[]> = { A: ['B'], B: ['A'] };
    expect([...longestPathLayers(['A', 'B'], (n) => cyc[n]!).values()].every((v) => v >= 0)).toBe(true);
  });
});

describe('initialOwner (contract §1)', () => {
  const nodes = [{ name: 'N1', state: 'Down' as const }, { name: 'N2' }, { name: 'N3' }];
  it('takes ownerNode only when that node is Up at t=0', () => {
    expect(initialOwner(nodes, { ownerNode: 'N3', resources: [] })).toBe('N3');
    expect(initialOwner(nodes, { ownerNode: 'N1', resources: [] })).toBe('N2');
  });
  it('else the first Up preferred owner that can host every resource, else the lowest-ID such Up node', () => {
    const g = { preferredOwners: ['N1', 'N3', 'N2'], resources: [{ possibleOwners: ['N2', 'N3'] }] };
    expect(initialOwner(nodes, g)).toBe('N3');
    expect(initialOwner(nodes, { resources: [{ possibleOwners: ['N3'] }] })).toBe('N3');
    expect(initialOwner(nodes, { resources: [{ possibleOwners: ['N1'] }] })).toBeNull();
  });
});
