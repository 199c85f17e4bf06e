/** Forks: when a change to the timeline makes a new branch and when it edits the current one. */
import { formatClock } from './format';
import { nextBranchId, type Branch } from './branches';
import type { AppState } from './types';

/** The current branch with some fields replaced, and the branch list with it. */
export function withCurrent(s: AppState, patch: Partial<Branch>): { branches: Branch[] } {
  return { branches: s.branches.map((b) => (b.id === s.branchId ? { ...b, ...patch } : b)) };
}

/**
 * Acting changes the future. When a future is already known beyond now (seen after a rewind, or
 * the user's later actions waiting), the current branch keeps it and the change goes to a new
 * branch; the notice offers the way back. At the live edge there is nothing to lose: in place.
 */
export function forkOrUpdate(
  s: AppState,
  now: number,
  patch: Partial<Branch>,
  label: string,
  /** The change rewrites time before now (already seen): always a new branch. */
  force = false,
): Partial<AppState> {
  const seenAhead = force || s.horizon.length > s.events.length || s.appliedCount < s.actions.length;
  if (!seenAhead) return { ...withCurrent(s, patch), notice: s.notice, noticeBranch: s.noticeBranch };
  const cur = s.branches.find((b) => b.id === s.branchId)!;
  const b: Branch = {
    ...cur,
    ...patch,
    id: nextBranchId(s.branches),
    name: `${label} at ${formatClock(now)}`,
    parent: cur.id,
    forkedAt: now,
  };
  const later = s.actions.length - s.appliedCount;
  return {
    branches: [...s.branches, b],
    branchId: b.id,
    notice:
      `New branch "${b.name}": you changed the future at t=${formatClock(now)}. ` +
      `"${cur.name}" is kept as it was${later ? ` (with its ${later} later action${later === 1 ? '' : 's'})` : ''}.`,
    noticeBranch: cur.id,
  };
}
