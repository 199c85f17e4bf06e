/**
 * Health-check instants (contract §4.2): LooksAlive at tOnline + k·LooksAlivePollInterval and
 * IsAlive at tOnline + k·IsAlivePollInterval, k = 1, 2, … The first one strictly after `after`:
 * a poll at exactly `after` has already run (actions come after the engine's own work at an instant).
 */
export function nextPollInstant(tOnline: number, interval: number, after: number): number {
  const k = Math.floor((after - tOnline) / interval) + 1;
  return tOnline + Math.max(1, k) * interval;
}
