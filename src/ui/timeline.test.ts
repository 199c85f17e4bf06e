import { describe, expect, it } from 'vitest';
import { createSimulation, validateScenario } from '../engine';
import sql from '../scenarios/sql-fci-three-nodes.json';
import { axisTicks, tickLabel } from './timeAxis';
import { buildLanes, LaneBuilder } from './timelineModel';

describe('time axis', () => {
  it('picks a round step with a handful of ticks', () => {
    expect(axisTicks(600_000).map((t) => t.label)).toEqual(['0', '2 min', '4 min', '6 min', '8 min', '10 min']);
    expect(axisTicks(86_400_000).map((t) => t.label)).toEqual([
      '0',
      '3 h',
      '6 h',
      '9 h',
      '12 h',
      '15 h',
      '18 h',
      '21 h',
      '24 h',
    ]);
    expect(axisTicks(30_000).length).toBeLessThanOrEqual(9);
    expect(axisTicks(0)).toEqual([{ t: 0, label: '0' }]);
    expect(tickLabel(90_000)).toBe('1:30');
    expect(tickLabel(5_400_000)).toBe('1:30 h');
  });
});

describe('lanes', () => {
  it('built incrementally, event batch by event batch, equal the lanes built at once', () => {
    const r = validateScenario(sql);
    if (!r.ok) throw new Error('invalid');
    const sim = createSimulation(r.scenario);
    sim.advanceTo(r.scenario.until);
    const events = sim.events();
    const end = r.scenario.until;
    const whole = buildLanes(r.scenario, events, end, {});
    const b = new LaneBuilder(r.scenario);
    for (let n = 0; n <= events.length; n += 7) {
      const prefix = events.slice(0, n);
      expect(b.continues(prefix)).toBe(true);
      b.feed(prefix, b.count, end);
    }
    b.feed(events, b.count, end);
    expect(b.lanes(end, {})).toEqual(whole);
    // The owner change of the scripted crash is marked, and SQL-A's lane shows the crash window.
    expect(whole.find((l) => l.name === r.scenario.groups[0]!.name)!.marks[0]!.label).toContain('SQL-A → SQL-B');
    expect(whole.find((l) => l.name === 'SQL-A')!.faults.length).toBe(1);
  });
});
