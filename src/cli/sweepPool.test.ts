import { runInWorkers } from './sweepPool';
import { runSlice } from '../sweep/sweep';
import { planRuns } from '../sweep/templates';
import { twoGroups, valid } from '../sweep/fixtures.testutil';
import { runSweepCli } from './runSweepCli';

describe('the Node sweep on worker threads', () => {
  it('gives exactly the runs of one thread, in the same order', async () => {
    const plan = {
      scenario: valid(twoGroups({ nodes: 3, preferred: true })),
      ats: [0, 60_000],
      templates: [{ action: 'crashNode' }, { action: 'setHealth', isAlive: 'hang' }],
    };
    const runs = planRuns(plan.scenario, plan.templates, plan.ats);
    const seen: number[] = [];
    const parallel = await runInWorkers(plan, runs, 3, (d) => seen.push(d));
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(runSlice(plan, runs)));
    expect(parallel).toHaveLength(14);
  }, 60_000);

  it('refuses "toString" and other inherited names as actions', () => {
    const r = runSweepCli(['f.json', '--fault', '{"action":"toString"}'], () =>
      JSON.stringify(twoGroups({ nodes: 3 })),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--fault\[0\]\.action: /);
  });
});
