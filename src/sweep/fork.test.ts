import { createSimulation, replay, type Scenario, type Simulation, type SimulationOptions } from '../engine';
import { resimulationForks, snapshotForks } from './fork';
import { runOne } from './run';
import { planRuns } from './templates';
import { twoGroups, valid } from './fixtures.testutil';

/**
 * A stand-in for the engine's coming snapshot API, built on replay: `snapshot()` records the time
 * and the user actions, `restoreSimulation` rebuilds a simulation standing there. Its restored
 * simulation starts with an empty event list, as a real restore may: the sweep must not need the prefix's events.
 */
const fakeApi = {
  createSimulation(scenario: Scenario, options?: SimulationOptions) {
    const sim = createSimulation(scenario, options);
    return Object.assign(sim, { snapshot: () => ({ t: sim.now(), actions: [...sim.appliedActions()] }) });
  },
  restoreSimulation(scenario: Scenario, snap: unknown, options?: SimulationOptions): Simulation {
    const { t, actions } = snap as { t: number; actions: [] };
    const sim = replay(scenario, actions, t, options);
    const skip = sim.eventCount();
    return { ...sim, events: () => sim.events().slice(skip), eventCount: () => sim.eventCount() - skip };
  },
};

describe('fork sources', () => {
  it('the engine has its snapshot API now: the sweep restores snapshots, with the same runs as re-simulation', () => {
    const scenario = valid({
      ...twoGroups({ nodes: 3, preferred: true }),
      script: [{ at: 60_000, action: 'crashNode', node: 'N1' }],
    });
    const ats = [0, 60_000, 65_000, 200_000];
    const snap = snapshotForks(scenario, ats)!;
    expect(snap.kind).toBe('snapshot');
    const resim = resimulationForks(scenario);
    const runs = planRuns(scenario, [{ action: 'crashNode' }, { action: 'failResource' }], ats);
    for (const r of runs) expect(runOne(scenario, snap, r)).toEqual(runOne(scenario, resim, r));
  });

  it('a snapshot source gives the same runs as re-simulation (the drop-in path)', () => {
    const scenario = valid({
      ...twoGroups({ nodes: 3, preferred: true }),
      script: [{ at: 60_000, action: 'crashNode', node: 'N1' }],
    });
    const ats = [0, 60_000, 65_000, 200_000];
    const runs = planRuns(scenario, [{ action: 'crashNode' }, { action: 'failResource' }], ats);
    const snap = snapshotForks(scenario, ats, {}, fakeApi)!;
    expect(snap.kind).toBe('snapshot');
    const resim = resimulationForks(scenario);
    for (const r of runs) expect(runOne(scenario, snap, r)).toEqual(runOne(scenario, resim, r));
  });
});
