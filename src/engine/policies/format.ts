/** Human durations for reasons and labels: 500 ms, 3 s, 15 min, 6 h. */
export function humanMs(ms: number): string {
  if (ms === 4294967295) return 'never';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(3)} s`;
  if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(2)} min`;
  return `${+(ms / 3_600_000).toFixed(2)} h`;
}
