/** A worker_threads worker for the Node sweep: runs one contiguous slice of the planned runs. */
import { parentPort, workerData } from 'node:worker_threads';
import { runSlice, type SweepPlan } from '../sweep/sweep';
import type { PlannedRun } from '../sweep/types';

const { plan, runs } = workerData as { plan: SweepPlan; runs: PlannedRun[] };
const details = runSlice(plan, runs, undefined, (done) => {
  if (done % 16 === 0) parentPort!.postMessage({ type: 'progress', done });
});
parentPort!.postMessage({ type: 'done', details });
