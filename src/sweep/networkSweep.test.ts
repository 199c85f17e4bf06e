/**
 * Sweeps of the network actions are exact (sweep-format.md §3: "every number is exactly what
 * simulate gives"): each run, forked from a snapshot, equals the scenario with the fault in its
 * script, run from the start.
 */
import { resimulationForks, snapshotForks } from './fork';
import { referenceRun } from './reference.testutil';
import { runOne } from './run';
import { planRuns } from './templates';
import { twoSites, valid } from './fixtures.testutil';

describe('network sweeps', () => {
  it('every network fault of a two-site design: snapshot runs equal the runs from scratch', () => {
    const scenario = valid({
      ...twoSites(),
      until: 200_000,
      script: [{ at: 30_000, action: 'failInterface', node: 'N2', network: 'HB' }],
    });
    const ats = [0, 30_000, 45_000];
    const templates = [
      { action: 'stopNode' },
      { action: 'failNetwork' },
      { action: 'failInterface' },
      { action: 'partition' },
      { action: 'partition', witness: [1] },
    ];
    const runs = planRuns(scenario, templates, ats);
    expect(runs).toHaveLength(3 * (4 + 3 + 8 + 4 + 4));
    const snap = snapshotForks(scenario, ats)!;
    const resim = resimulationForks(scenario);
    for (const r of runs) {
      const { extra: _a, ...bySnapshot } = runOne(scenario, snap, r);
      const { extra: _b, ...byReplay } = runOne(scenario, resim, r);
      const reference = referenceRun(scenario, r.at, r.fault);
      expect(bySnapshot).toEqual(reference);
      expect(byReplay).toEqual(reference);
    }
  });
});
