/**
 * Seek checkpoints with the real engine: a seek backwards restores the latest checkpoint and lands
 * exactly where a re-simulation from t = 0 would (events, view, applied actions), acting in the
 * past forks the timeline and drops only the checkpoints after that instant.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSimulation, restoreSimulation, validateScenario } from '../engine';
import type { EngineApi } from './types';
import { createAppStore } from './createAppStore';
import { advanceWithCheckpoints, CheckpointCache } from './checkpoints';

const source: unknown = JSON.parse(
  readFileSync(fileURLToPath(new URL('../scenarios/sql-fci-three-nodes.json', import.meta.url)), 'utf8'),
);
let restores = 0;
const withRestore: EngineApi = {
  createSimulation,
  validateScenario,
  restoreSimulation: (scenario, snapshot) => {
    restores++;
    return restoreSimulation(scenario, snapshot);
  },
};
const withoutRestore: EngineApi = { createSimulation, validateScenario };
const crash = { action: 'crashNode', node: 'SQL-A' } as const;

/** The state a store shows, as text, to compare two stores. */
const shown = (store: ReturnType<typeof createAppStore>) => {
  const s = store.getState();
  // Resources are read on demand through the index: every one of them, by name.
  const resources = s.scenario.groups.flatMap((g) => g.resources.map((r) => s.index.resource(r.name)));
  return JSON.stringify({ view: s.view, resources, events: s.events, actions: s.actions, applied: s.appliedCount });
};

describe('seek checkpoints', () => {
  it('a seek backwards restores a checkpoint and shows what a re-simulation from t = 0 shows', () => {
    const fast = createAppStore({ engine: withRestore }, source);
    const slow = createAppStore({ engine: withoutRestore }, source);
    for (const store of [fast, slow]) {
      store.getState().seek(5_000);
      store.getState().apply(crash);
      store.getState().runToEnd();
    }
    const until = fast.getState().scenario.until;
    restores = 0;
    for (const t of [until - 1, Math.floor(until / 2) + 7, 5_000, 4_999, 12_345, 0]) {
      fast.getState().seek(t);
      slow.getState().seek(t);
      expect(shown(fast), `seek to ${t}`).toBe(shown(slow));
      // Forward again replays the waiting crash at 5 s in both.
      fast.getState().seek(until);
      slow.getState().seek(until);
      expect(shown(fast), `back to the end from ${t}`).toBe(shown(slow));
    }
    expect(restores).toBeGreaterThan(0);
  });

  it('acting in the past forks: later checkpoints go, earlier ones stay and still agree', () => {
    const fast = createAppStore({ engine: withRestore }, source);
    const slow = createAppStore({ engine: withoutRestore }, source);
    const until = fast.getState().scenario.until;
    for (const store of [fast, slow]) {
      store.getState().runToEnd();
      store.getState().seek(Math.floor(until / 3));
      store.getState().apply(crash);
      store.getState().runToEnd();
    }
    expect(shown(fast)).toBe(shown(slow));
    for (const t of [Math.floor(until / 3) + 1, Math.floor(until / 4)]) {
      fast.getState().seek(t);
      slow.getState().seek(t);
      expect(shown(fast), `seek to ${t} after the fork`).toBe(shown(slow));
    }
  });

  it('the cache keeps one checkpoint per interval and forgets the future', () => {
    const v = validateScenario(source);
    if (!v.ok) throw new Error('example invalid');
    const cache = new CheckpointCache(10_000);
    const sim = createSimulation(v.scenario);
    for (const t of [10_000, 20_000, 30_000]) {
      sim.advanceTo(t);
      cache.take(sim, 0);
    }
    expect(cache.size).toBe(3);
    expect(cache.before(25_000)?.t).toBe(20_000);
    expect(cache.before(9_999)).toBeNull();
    cache.forgetAfter(20_000);
    expect(cache.size).toBe(2);
    expect(cache.before(1e9)?.t).toBe(20_000);
    // Checkpoints do not carry the trace (the live run has it).
    expect(cache.before(1e9)?.snapshot.events).toEqual([]);
  });

  it('a dense stretch gets extra checkpoints by its events, no more than the cap', () => {
    const v = validateScenario(source);
    if (!v.ok) throw new Error('example invalid');
    const sim = createSimulation(v.scenario);
    // Looked at every 10 s; no interval ends within the first minute, but its events are many.
    const cache = new CheckpointCache(80_000, 2, 10);
    advanceWithCheckpoints(sim, 60_000, [], 0, cache);
    expect(sim.eventCount()).toBeGreaterThan(10);
    expect(cache.size).toBeGreaterThan(1);
    const capped = new CheckpointCache(80_000, 2, 1);
    advanceWithCheckpoints(createSimulation(v.scenario), 60_000, [], 0, capped);
    expect(capped.size).toBe(1);
    const sparse = new CheckpointCache(80_000, 1_000, 3);
    advanceWithCheckpoints(createSimulation(v.scenario), 60_000, [], 0, sparse);
    expect(sparse.size).toBe(0);
  });
});
