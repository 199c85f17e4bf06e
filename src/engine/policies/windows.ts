/**
 * Counting windows for restarts (contract §4.4) and failovers (§4.5). Pure functions.
 */

export interface RestartWindow {
  /** When the window opened (the first failure counted in it), or null if none is open. */
  start: number | null;
  count: number;
  /** Failure instants in the window (used by the sliding variant). */
  times: number[];
}

export const EMPTY_RESTART_WINDOW: RestartWindow = { start: null, count: 0, times: [] };

/**
 * Count one failure at `t`. Fixed window (contract): the window opens at the first failure; a
 * failure more than `period` after it opened reopens the window at that failure with count 1.
 * Sliding (alternative semantics): count failures in (t − period, t].
 */
export function countFailure(w: RestartWindow, t: number, period: number, mode: 'fixed' | 'sliding'): RestartWindow {
  if (mode === 'sliding') {
    const times = [...w.times.filter((x) => x > t - period), t];
    return { start: times[0]!, count: times.length, times }; // `times` ends with t
  }
  if (w.start === null || t - w.start > period) return { start: t, count: 1, times: [t] };
  return { start: w.start, count: w.count + 1, times: [...w.times, t] };
}

/** The count as the contract's `final.restartCount` reports it: 0 once the window has closed. */
export function restartCountAt(w: RestartWindow, t: number, period: number, mode: 'fixed' | 'sliding'): number {
  if (w.start === null) return 0;
  if (mode === 'sliding') return w.times.filter((x) => x > t - period).length;
  return t - w.start <= period ? w.count : 0;
}

/** When the restart window closes, or null if none is open at t. */
export function restartWindowEnd(
  w: RestartWindow,
  t: number,
  period: number,
  mode: 'fixed' | 'sliding',
): number | null {
  if (w.start === null) return null;
  if (mode === 'sliding') {
    const live = w.times.filter((x) => x > t - period);
    return live.length ? live[0]! + period : null;
  }
  return t - w.start <= period ? w.start + period : null;
}

/** FailoverThreshold's sentinel 4294967295 means (number of nodes − 1). */
export function effectiveFailoverThreshold(threshold: number, nodeCount: number): number {
  return threshold === 4294967295 ? Math.max(0, nodeCount - 1) : threshold;
}

export const HOUR_MS = 3_600_000;

/**
 * Failovers of a group counted at t. Sliding (contract): those started in the preceding
 * FailoverPeriod hours, i.e. at instants > t − period. Fixed (alternative): a window opened by the
 * first failover, reopened when one comes after it has closed.
 */
export function failoversInWindow(
  times: readonly number[],
  t: number,
  periodHours: number,
  mode: 'sliding' | 'fixed',
): number[] {
  const period = periodHours * HOUR_MS;
  if (mode === 'sliding') return times.filter((x) => x > t - period && x <= t);
  let start: number | null = null;
  let inWindow: number[] = [];
  for (const x of times) {
    if (x > t) break;
    if (start === null || x - start > period) {
      start = x;
      inWindow = [x];
    } else inWindow.push(x);
  }
  return start !== null && t - start <= period ? inWindow : [];
}

/** May a failover start at t? (fewer than the threshold already counted) */
export function mayFailover(
  times: readonly number[],
  t: number,
  periodHours: number,
  threshold: number,
  mode: 'sliding' | 'fixed',
): boolean {
  return failoversInWindow(times, t, periodHours, mode).length < threshold;
}

/** When the oldest counted failover ages out of the window, or null. */
export function failoverWindowEnd(
  times: readonly number[],
  t: number,
  periodHours: number,
  mode: 'sliding' | 'fixed',
): number | null {
  const counted = failoversInWindow(times, t, periodHours, mode);
  return counted.length ? counted[0]! + periodHours * HOUR_MS : null;
}
