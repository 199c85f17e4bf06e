import { describe, expect, it } from 'vitest';
import { upcomingItems } from '../ui/upcoming';
import { carryActions } from './carry';
import { realStore, SQL_GROUP } from './test/realStore';
import type { AppStore } from './createAppStore';

const owner = (store: AppStore) => store.getState().view.groups.find((g) => g.name === SQL_GROUP)!.owner;
const crashA = { action: 'crashNode', node: 'SQL-A' } as const;
const crashB = { action: 'crashNode', node: 'SQL-B' } as const;

describe('the script in Simulate', () => {
  it('lists the scripted crash as upcoming, and removing it changes the outcome (in place when nothing was seen)', () => {
    const store = realStore();
    expect(upcomingItems(store.getState()).map((i) => [i.source, i.index, i.at, i.text])).toEqual([
      ['script', 0, 60_000, 'crash node SQL-A'],
    ]);
    expect(store.getState().editUpcoming({ kind: 'remove', source: 'script', index: 0 })).toBeNull();
    expect(store.getState().branches).toHaveLength(1);
    expect(store.getState().scenario.script).toEqual([]);
    store.getState().runToEnd();
    expect(owner(store)).toBe('SQL-A');
    expect(store.getState().events.some((e) => e.type === 'action')).toBe(false);
  });

  it('editing a future already seen forks: the old branch keeps the scripted crash', () => {
    const store = realStore();
    store.getState().runToEnd();
    expect(owner(store)).toBe('SQL-B');
    store.getState().seek(30_000);
    store.getState().editUpcoming({ kind: 'remove', source: 'script', index: 0 });
    const s = store.getState();
    expect(s.branches.map((b) => [b.name, b.script.length])).toEqual([
      ['main', 1],
      ['remove crash node SQL-A (1:00.000) at 0:30.000', 0],
    ]);
    expect(s.view.t).toBe(30_000);
    expect(s.outcome('b1')!.groups[SQL_GROUP]!.owner).toBe('SQL-B');
    expect(s.outcome('b2')!.groups[SQL_GROUP]!.owner).toBe('SQL-A');
  });

  it('moves a scripted action in time, and one into the past always forks (it rewrites what was seen)', () => {
    const store = realStore();
    store.getState().editUpcoming({ kind: 'move', source: 'script', index: 0, at: 90_000 });
    expect(store.getState().scenario.script).toEqual([{ at: 90_000, ...crashA }]);
    expect(store.getState().branches).toHaveLength(1);
    store.getState().seek(50_000);
    store.getState().editUpcoming({ kind: 'move', source: 'script', index: 0, at: 20_000 });
    const s = store.getState();
    expect(s.branches).toHaveLength(2);
    expect(s.view.t).toBe(50_000);
    expect(s.view.nodes.find((n) => n.name === 'SQL-A')!.state).toBe('Down'); // crashed at 0:20, detected 0:30
  });

  it("adds a scripted action; moves and removes the user's waiting actions; refuses bad times and applied actions", () => {
    const store = realStore();
    expect(store.getState().editUpcoming({ kind: 'add', at: 30_000, action: crashB })).toBeNull();
    expect(upcomingItems(store.getState()).map((i) => [i.at, i.text])).toEqual([
      [30_000, 'crash node SQL-B'],
      [60_000, 'crash node SQL-A'],
    ]);
    expect(store.getState().editUpcoming({ kind: 'add', at: -1, action: crashB })).toMatch(/0 or more/);
    expect(store.getState().editUpcoming({ kind: 'add', at: 1e15, action: crashB })).toMatch(/at most ten years/);
    // A user action at 0:10, then rewound: it waits and can be moved or removed.
    store.getState().seek(10_000);
    store.getState().apply({ action: 'failResource', resource: 'SQL Server' });
    store.getState().seek(5000);
    expect(store.getState().editUpcoming({ kind: 'move', source: 'user', index: 0, at: 15_000 })).toBeNull();
    expect(store.getState().actions).toEqual([
      { at: 15_000, action: { action: 'failResource', resource: 'SQL Server' } },
    ]);
    store.getState().seek(20_000);
    expect(store.getState().editUpcoming({ kind: 'remove', source: 'user', index: 0 })).toMatch(/already applied/);
    expect(store.getState().editUpcoming({ kind: 'remove', source: 'script', index: 9 })).toMatch(/no longer/);
  });
});

describe('run length in Simulate', () => {
  it('extends in place, keeping the injected faults; "Next event" works up to the new end', () => {
    const store = realStore();
    store.getState().seek(30_000);
    store.getState().apply(crashB);
    store.getState().runToEnd();
    expect(store.getState().view.t).toBe(600_000);
    expect(store.getState().nextEventTime()).toBeNull();
    expect(store.getState().setUntil(1_200_000)).toBeNull();
    const s = store.getState();
    expect(s.branches).toHaveLength(1);
    expect(s.branches[0]!.until).toBe(1_200_000);
    expect(s.scenario.until).toBe(1_200_000);
    expect(s.actions).toEqual([{ at: 30_000, action: crashB }]);
    expect(s.view.t).toBe(600_000);
    expect(s.view.nodes.find((n) => n.name === 'SQL-B')!.state).toBe('Down');
    store.getState().runToEnd();
    expect(store.getState().view.t).toBe(1_200_000);
  });

  it('shortens to before now: now moves to the new end; bad lengths are refused with the reason', () => {
    const store = realStore();
    store.getState().seek(100_000);
    expect(store.getState().setUntil(50_000)).toBeNull();
    expect(store.getState().view.t).toBe(50_000);
    // The scripted crash at 1:00 is now after the end: listed, marked late, never run.
    expect(upcomingItems(store.getState())).toMatchObject([{ at: 60_000, late: true }]);
    expect(store.getState().setUntil(0)).toMatch(/more than 0/);
    expect(store.getState().setUntil(1.5)).toMatch(/whole number/);
    expect(store.getState().scenario.until).toBe(50_000);
    store.getState().runToEnd();
    expect(store.getState().events.some((e) => e.type === 'action')).toBe(false);
  });
});

describe('Design → Simulate', () => {
  it('keeps the actions whose targets still exist and says which it dropped and why', () => {
    const store = realStore();
    store.getState().seek(30_000);
    store.getState().apply(crashB);
    store.getState().seek(40_000);
    store.getState().apply({ action: 'failResource', resource: 'SQL Server Agent' });
    const designed = structuredClone(store.getState().source) as {
      groups: { resources: { name: string }[] }[];
      until: number;
    };
    designed.groups[0]!.resources.pop(); // the Agent is removed in Design
    expect(store.getState().loadScenario(designed, { origin: 'Design', carry: true })).toBe(true);
    const s = store.getState();
    expect(s.actions).toEqual([{ at: 30_000, action: crashB }]);
    expect(s.view.t).toBe(40_000);
    expect(s.notice).toBe(
      'From Design: 1 of your 2 actions kept; dropped simulate failure of SQL Server Agent at t=0:40.000: resource "SQL Server Agent" no longer exists.',
    );
  });

  it('says that the other branches of the earlier scenario are closed', () => {
    const store = realStore();
    store.getState().runToEnd();
    store.getState().seek(10_000);
    store.getState().apply(crashB); // a second branch
    expect(store.getState().loadScenario(store.getState().source, { origin: 'Design', carry: true })).toBe(true);
    expect(store.getState().branches).toHaveLength(1);
    expect(store.getState().notice).toBe(
      'From Design: 1 of your 1 action kept. 1 other branch of the earlier scenario was closed.',
    );
  });

  it('drops an action after the new end, naming the end', () => {
    const scenario = realStore().getState().scenario;
    const r = carryActions([{ at: 700_000, action: crashB }], scenario);
    expect(r.kept).toEqual([]);
    expect(r.notice).toMatch(/crash node SQL-B at t=11:40.000: t=11:40.000 is after the run's end \(10:00.000\)/);
  });
});
