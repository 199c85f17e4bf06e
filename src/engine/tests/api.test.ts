import { describe, expect, it } from 'vitest';
import { createSimulation, replay, validateScenario, type Scenario, type TraceEvent } from '../index';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sql = (): Scenario => {
  const v = validateScenario(
    JSON.parse(
      readFileSync(fileURLToPath(new URL('../../scenarios/sql-fci-three-nodes.json', import.meta.url)), 'utf8'),
    ),
  );
  if (!v.ok) throw new Error('invalid');
  return v.scenario;
};

describe('engine API', () => {
  it('a new simulation stands at t = 0 with the cluster formed and the first Online calls made', () => {
    const sim = createSimulation(sql());
    expect(sim.now()).toBe(0);
    const v = sim.view();
    expect(v.nodes.map((n) => n.state)).toEqual(['Up', 'Up', 'Up']);
    expect(v.groups[0]).toMatchObject({ owner: 'SQL-A', state: 'Pending' });
    expect(v.resources.filter((r) => r.state === 'OnlinePending').map((r) => r.name)).toEqual([
      'Cluster Disk 1',
      'SQL IP Address',
    ]);
    expect(sim.nextEventTime()).toBe(500);
  });

  it('the view lists live timers with deadlines: Online completions, node-loss detection', () => {
    const sim = createSimulation(sql());
    expect(sim.view().timers.map((t) => [t.kind, t.subject, t.deadline])).toEqual([
      ['onlineCall', 'SQL IP Address', 500],
      ['onlineCall', 'Cluster Disk 1', 2000],
    ]);
    sim.advanceTo(60_000);
    const v = sim.view();
    expect(v.timers.map((t) => [t.kind, t.subject, t.deadline])).toEqual([['nodeDetection', 'SQL-A', 70_000]]);
    expect(v.nodes[0]!.crashedUndetected).toEqual({ crashedAt: 60_000, detectAt: 70_000 });
    expect(v.localTime).toBe('00:01:00');
  });

  it('the view shows health-check instants and the fault timer once a fault is injected', () => {
    const sim = createSimulation(sql(), { runScript: false });
    sim.advanceTo(20_000);
    const r = sim.view().resources.find((x) => x.name === 'SQL Server')!;
    expect(r.onlineSince).toBe(10_000);
    expect(r.nextLooksAlive).toBe(25_000);
    expect(r.nextIsAlive).toBe(70_000);
    sim.apply({ action: 'setHealth', resource: 'SQL Server', isAlive: 'fail' });
    expect(sim.view().timers.find((t) => t.subject === 'SQL Server')).toMatchObject({
      kind: 'healthCheck',
      deadline: 70_000,
    });
  });

  it('check() says why an action is not allowed, and apply() traces action.rejected with that reason', () => {
    const sim = createSimulation(sql(), { runScript: false });
    sim.advanceTo(20_000);
    sim.apply({ action: 'pauseNode', node: 'SQL-B' });
    const check = sim.check({ action: 'moveGroup', group: 'SQL Server (MSSQLSERVER)', node: 'SQL-B' });
    expect(check).toEqual({ allowed: false, reason: 'node "SQL-B" is Paused; a group can move only to an Up node' });
    const res = sim.apply({ action: 'moveGroup', group: 'SQL Server (MSSQLSERVER)', node: 'SQL-B' });
    expect(res).toEqual({ applied: false, reason: check.allowed ? '' : check.reason });
    const last = sim.events().at(-1)!;
    expect(last).toMatchObject({
      t: 20_000,
      type: 'action.rejected',
      reason: 'node "SQL-B" is Paused; a group can move only to an Up node',
    });
    expect(sim.appliedActions()).toEqual([{ at: 20_000, action: { action: 'pauseNode', node: 'SQL-B' } }]);
  });

  it('subscribers receive every event in order, and unsubscribe stops them', () => {
    const sim = createSimulation(sql());
    const got: TraceEvent[] = [];
    const off = sim.subscribe((e) => got.push(e));
    sim.advanceTo(70_000);
    expect(got).toEqual(sim.events().filter((e) => e.t > 0 || got.includes(e)));
    expect(got.length).toBeGreaterThan(10);
    off();
    const n = got.length;
    sim.advanceTo(600_000);
    expect(got.length).toBe(n);
  });

  it('rewind by re-simulation reproduces the exact state and trace at an earlier time', () => {
    const scenario = sql();
    const live = createSimulation(scenario, { runScript: false });
    live.advanceTo(30_000);
    live.apply({ action: 'crashNode', node: 'SQL-A' });
    live.advanceTo(45_000);
    const atT = JSON.stringify({ view: live.view(), events: live.events() });
    live.advanceTo(90_000);
    live.apply({ action: 'moveGroup', group: 'SQL Server (MSSQLSERVER)' });
    live.advanceTo(200_000);
    const back = replay(scenario, live.appliedActions(), 45_000, { runScript: false });
    expect(JSON.stringify({ view: back.view(), events: back.events() })).toBe(atT);
    const forward = replay(scenario, live.appliedActions(), 200_000, { runScript: false });
    expect(JSON.stringify(forward.events())).toBe(JSON.stringify(live.events()));
  });

  it('eventsSince returns only what is new, for views that append', () => {
    const sim = createSimulation(sql());
    const n = sim.eventCount();
    sim.advanceTo(70_000);
    expect(sim.eventsSince(n)).toEqual(sim.events().slice(n));
    expect(sim.eventCount()).toBe(sim.events().length);
    expect(sim.eventsSince(sim.eventCount())).toEqual([]);
  });

  it('advanceTo never goes backwards and rejects a non-finite time', () => {
    const sim = createSimulation(sql());
    sim.advanceTo(5000);
    sim.advanceTo(1000);
    expect(sim.now()).toBe(5000);
    expect(() => sim.advanceTo(Number.NaN)).toThrow(RangeError);
  });
});
