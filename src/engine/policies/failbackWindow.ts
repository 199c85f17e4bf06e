/**
 * Failback windows in the cluster's local time of day (contract §4.6). Pure.
 * The window is [Start, End) in whole hours, wrapping past midnight when Start > End; both −1
 * means "at once". Local time = cluster.startTime + t.
 */
export const DAY_MS = 86_400_000;
const HOUR = 3_600_000;

export function localHour(startTimeMs: number, t: number): number {
  return Math.floor(((startTimeMs + t) % DAY_MS) / HOUR);
}

export function inWindow(start: number, end: number, hour: number): boolean {
  if (start === -1 && end === -1) return true;
  if (start === -1 || end === -1) return true; // half-set window: treated as no window (documented choice)
  if (start === end) return false; // an empty window never opens
  return start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

/** The first instant ≥ t inside the window, or null if the window can never open. */
export function nextWindowInstant(start: number, end: number, startTimeMs: number, t: number): number | null {
  if (inWindow(start, end, localHour(startTimeMs, t))) return t;
  if (start === end) return null;
  const local = (startTimeMs + t) % DAY_MS;
  let delta = start * HOUR - local;
  if (delta <= 0) delta += DAY_MS;
  return t + delta;
}

/** "HH:MM:SS" local time of day. */
export function formatLocalTime(startTimeMs: number, t: number): string {
  const ms = (startTimeMs + t) % DAY_MS;
  const h = Math.floor(ms / HOUR);
  const m = Math.floor((ms % HOUR) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return [h, m, s].map((x) => String(x).padStart(2, '0')).join(':');
}
