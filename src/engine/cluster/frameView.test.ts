/**
 * The frame view is the full view built lazily: at every step its content equals `view()`, and
 * what did not change since the previous frame is the same object (the browser relies on both).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, validateScenario, type ClusterView, type FrameView } from '../index';
import { scenarioArb } from '../testing/arbitraries';

function contentOf(frame: FrameView, names: string[]): ClusterView {
  const { resource, ...rest } = frame;
  return { ...rest, resources: names.map((n) => resource(n)!) };
}

describe('frameView', () => {
  it('shows exactly what view() shows, step by step, on random scenarios', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(
          // Mostly short steps (frames), some of hours: failover windows (1 h, 6 h) close between events.
          fc.oneof(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 3_000_000, max: 8 * 3_600_000 })),
          { minLength: 1, maxLength: 25 },
        ),
        (raw, steps) => {
          const v = validateScenario(raw);
          if (!v.ok) throw new Error(JSON.stringify(v.errors));
          const sim = createSimulation(v.scenario);
          const names = v.scenario.groups.flatMap((g) => g.resources.map((r) => r.name));
          let prev: FrameView | null = null;
          for (const dt of steps) {
            sim.advanceTo(sim.now() + dt);
            const frame = sim.frameView();
            const full = sim.view();
            expect(contentOf(frame, names)).toEqual(full);
            expect(frame.resource('no such resource')).toBeUndefined();
            if (prev) {
              // Unchanged content keeps its object; changed content never does.
              frame.groups.forEach((g, i) => {
                const same = JSON.stringify(g) === JSON.stringify(prev!.groups[i]);
                if (!same) expect(g).not.toBe(prev!.groups[i]);
                else if (g.failovers.times.length === 0) expect(g).toBe(prev!.groups[i]);
              });
              frame.nodes.forEach((n, i) => {
                if (JSON.stringify(n) === JSON.stringify(prev!.nodes[i])) expect(n).toBe(prev!.nodes[i]);
              });
              if (JSON.stringify(frame.groups) === JSON.stringify(prev.groups)) expect(frame.groups).toBe(prev.groups);
              if (JSON.stringify(frame.timers) === JSON.stringify(prev.timers)) expect(frame.timers).toBe(prev.timers);
            }
            prev = frame;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a resource is read at the frame it was asked of, once', () => {
    const v = validateScenario({
      format: 'failover-scenario@1',
      name: 'one',
      nodes: [{ name: 'N1' }],
      groups: [{ name: 'G', resources: [{ name: 'R' }] }],
    });
    if (!v.ok) throw new Error('invalid');
    const sim = createSimulation(v.scenario);
    sim.advanceTo(60_000);
    const frame = sim.frameView();
    const r = frame.resource('R');
    expect(r).toEqual(sim.view().resources[0]);
    expect(frame.resource('R')).toBe(r);
  });
});
