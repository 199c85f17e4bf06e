/** A cancellable background job's state for a panel: idle → running (progress) → done / cancelled / error. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { CancelledError, type Progress } from './pool';

export type JobState<T> =
  | { status: 'idle' }
  | { status: 'running'; progress: Progress }
  | { status: 'done'; results: T; elapsedMs: number }
  | { status: 'cancelled'; progress: Progress }
  | { status: 'error'; message: string };

export function useJob<T>() {
  const [state, setState] = useState<JobState<T>>({ status: 'idle' });
  const current = useRef<{ cancel(): void } | null>(null);
  const last = useRef<Progress>({ done: 0, total: 0, elapsedMs: 0 });
  useEffect(() => () => current.current?.cancel(), []);

  const start = useCallback(
    (total: number, launch: (onProgress: (p: Progress) => void) => { promise: Promise<T>; cancel(): void }) => {
      current.current?.cancel();
      const t0 = performance.now();
      last.current = { done: 0, total, elapsedMs: 0 };
      setState({ status: 'running', progress: last.current });
      const job = launch((p) => {
        last.current = p;
        setState({ status: 'running', progress: p });
      });
      current.current = job;
      job.promise.then(
        (results) => {
          if (current.current === job) setState({ status: 'done', results, elapsedMs: performance.now() - t0 });
        },
        (err: unknown) => {
          if (current.current !== job) return;
          setState(
            err instanceof CancelledError
              ? { status: 'cancelled', progress: last.current }
              : { status: 'error', message: String((err as Error).message ?? err) },
          );
        },
      );
    },
    [],
  );

  const cancel = useCallback(() => current.current?.cancel(), []);
  return { state, start, cancel };
}
