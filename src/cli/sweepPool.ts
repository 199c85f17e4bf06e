/**
 * The Node sweep spread over worker_threads: N contiguous slices, one worker each, results
 * concatenated in slice order (the same order as one thread). Each worker builds its own fork
 * source, so with re-simulation every worker pays the prefix per run, in parallel.
 */
import { Worker } from 'node:worker_threads';
import { shardRange, type SweepPlan } from '../sweep/sweep';
import type { PlannedRun, RunDetail } from '../sweep/types';

// tsx's loader hooks are per thread and Node 20 does not pass them to workers: the worker
// registers them itself, then loads the TypeScript worker module.
const WORKER_URL = new URL('./sweepWorker.ts', import.meta.url).href;
const WORKER_BOOT = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL)}); })`;

export async function runInWorkers(
  plan: SweepPlan,
  runs: readonly PlannedRun[],
  workers: number,
  onProgress?: (done: number) => void,
): Promise<RunDetail[]> {
  const n = Math.max(1, Math.min(workers, runs.length));
  const done = new Array<number>(n).fill(0);
  const parts = await Promise.all(
    Array.from({ length: n }, (_, i) => {
      const { from, to } = shardRange(i + 1, n, runs.length);
      return new Promise<RunDetail[]>((resolve, reject) => {
        const w = new Worker(WORKER_BOOT, { eval: true, workerData: { plan, runs: runs.slice(from, to) } });
        w.on('message', (m: { type: 'progress'; done: number } | { type: 'done'; details: RunDetail[] }) => {
          if (m.type === 'progress') {
            done[i] = m.done;
            onProgress?.(done.reduce((a, b) => a + b, 0));
          } else {
            resolve(m.details);
            void w.terminate();
          }
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0) reject(new Error(`sweep worker ${i + 1} exited with code ${code}`));
        });
      });
    }),
  );
  return parts.flat();
}
