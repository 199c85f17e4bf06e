/**
 * Work spread over Web Workers, one per core: contiguous slices, results concatenated in slice
 * order (so the order is the one-thread order), progress summed, Cancel terminates every worker.
 */
import type { WorkerRequest } from './worker';
import { runSlice } from '../sweep/sweep';
import { simulateYears } from '../sweep/availability';
import { runBaseline } from '../sweep/run';

export interface Job<T> {
  promise: Promise<T[]>;
  cancel(): void;
}

export interface Progress {
  done: number;
  total: number;
  elapsedMs: number;
}

export type Runner = <T>(requests: WorkerRequest[], total: number, onProgress: (p: Progress) => void) => Job<T>;

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export function coreCount(): number {
  return Math.max(1, Math.min(16, typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2));
}

/** Split [0, total) into up to n contiguous slices. */
export function slices(total: number, n: number): { from: number; to: number }[] {
  const k = Math.max(1, Math.min(n, total));
  return Array.from({ length: k }, (_, i) => ({
    from: Math.floor((i * total) / k),
    to: Math.floor(((i + 1) * total) / k),
  }));
}

export const workerRunner: Runner = <T>(
  requests: WorkerRequest[],
  total: number,
  onProgress: (p: Progress) => void,
) => {
  const started = performance.now();
  const workers: Worker[] = [];
  const done = requests.map(() => 0);
  let rejectAll: (e: Error) => void = () => {};
  const promise = new Promise<T[]>((resolve, reject) => {
    rejectAll = reject;
    const parts: (T[] | undefined)[] = requests.map(() => undefined);
    let finished = 0;
    if (requests.length === 0) resolve([]);
    requests.forEach((req, i) => {
      const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: `what-if ${i + 1}` });
      workers.push(w);
      w.onmessage = (
        e: MessageEvent<
          { type: 'progress'; done: number } | { type: 'done'; results: T[] } | { type: 'error'; message: string }
        >,
      ) => {
        const m = e.data;
        if (m.type === 'progress') {
          done[i] = m.done;
          onProgress({ done: done.reduce((a, b) => a + b, 0), total, elapsedMs: performance.now() - started });
        } else if (m.type === 'done') {
          parts[i] = m.results;
          w.terminate();
          if (++finished === requests.length) resolve(parts.flatMap((p) => p ?? []));
        } else {
          workers.forEach((x) => x.terminate());
          reject(new Error(m.message));
        }
      };
      w.onerror = (e) => {
        workers.forEach((x) => x.terminate());
        reject(new Error(e.message || 'a worker failed to start'));
      };
      w.postMessage(req);
    });
  });
  return {
    promise,
    cancel() {
      workers.forEach((w) => w.terminate());
      rejectAll(new CancelledError());
    },
  };
};

/** A sweep over the pool: the plan's runs in core-count slices. Results are RunDetails in run order. */
export function sweepJob<T>(
  runner: Runner,
  plan: import('../sweep/sweep').SweepPlan,
  runs: import('../sweep/types').PlannedRun[],
  onProgress: (p: Progress) => void,
  /** Also compute the baseline: its entries (one per instant) follow the runs in the results. */
  withBaseline = false,
): Job<T> {
  const requests: WorkerRequest[] = slices(runs.length, coreCount()).map(({ from, to }) => ({
    type: 'sweep',
    plan,
    runs: runs.slice(from, to),
  }));
  if (withBaseline) requests.push({ type: 'baseline', plan });
  return runner<T>(requests, runs.length, onProgress);
}

/** Two jobs one after the other, as one job (A/B): progress runs over both. */
export function sequence<T>(
  first: (p: (x: Progress) => void) => Job<T>,
  second: (p: (x: Progress) => void) => Job<T>,
  onProgress: (p: Progress) => void,
): Job<T[]> & { promise: Promise<[T[], T[]]> } {
  let current: Job<T> | null = null;
  let cancelled = false;
  let offset = { done: 0, total: 0 };
  const promise = (async (): Promise<[T[], T[]]> => {
    current = first((p) => {
      offset = { done: 0, total: p.total };
      onProgress({ ...p, total: p.total * 2 });
    });
    const a = await current.promise;
    if (cancelled) throw new CancelledError();
    const base = offset.total || a.length;
    current = second((p) => onProgress({ done: base + p.done, total: base + p.total, elapsedMs: p.elapsedMs }));
    const b = await current.promise;
    return [a, b];
  })();
  return {
    promise,
    cancel() {
      cancelled = true;
      current?.cancel();
    },
  };
}

/**
 * The same work in this thread, one slice per macrotask (tests, and browsers without workers).
 * Cancel takes effect between slices.
 */
export const inThreadRunner: Runner = <T>(
  requests: WorkerRequest[],
  total: number,
  onProgress: (p: Progress) => void,
) => {
  const started = performance.now();
  let cancelled = false;
  const promise = (async () => {
    const out: T[] = [];
    let done = 0;
    for (const r of requests) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (cancelled) throw new CancelledError();
      const part = (
        r.type === 'sweep'
          ? runSlice(r.plan, r.runs)
          : r.type === 'baseline'
            ? runBaseline(r.plan.scenario, r.plan.ats, r.plan.options).baseline
            : simulateYears(r.scenario, r.rates, r.seed, r.from, r.to)
      ) as T[];
      out.push(...part);
      if (r.type !== 'baseline') done += part.length;
      onProgress({ done, total, elapsedMs: performance.now() - started });
    }
    return out;
  })();
  return {
    promise,
    cancel() {
      cancelled = true;
    },
  };
};
