/** The sweep's output document (sweep-format.md §3) and the plan it is computed from. */
import type { Action, GroupState } from '../engine';

export const SWEEP_FORMAT = 'failover-sweep@1';

/** One group's outcome in one run: downtime from `at` (§2) and its `final` entry. */
export interface GroupOutcome {
  downMs: number;
  state: GroupState;
  owner: string | null;
  failoverCount: number;
}

export interface BaselineEntry {
  at: number;
  groups: Record<string, GroupOutcome>;
}

export interface RunOutcome {
  at: number;
  fault: Action;
  applied: boolean;
  reason?: string;
  groups: Record<string, GroupOutcome>;
}

export interface SweepDocument {
  format: typeof SWEEP_FORMAT;
  scenario: string;
  until: number;
  baseline: BaselineEntry[];
  runs: RunOutcome[];
  /** Added by this project (the contract allows additions): which slice of the runs this is. */
  shard?: { k: number; n: number; from: number; to: number; total: number };
}

/** A planned run: the instant and the filled-in fault. */
export interface PlannedRun {
  at: number;
  fault: Action;
}

/**
 * Extra per-group measures the checks need besides the contract's numbers; kept out of the
 * printed document so the output is exactly the contract's.
 */
export interface GroupExtra {
  /** Time from `at` until the group is Online for good (until − at when it never is again). */
  recoveredAfterMs: number;
  /** Longest single stretch not Online, from `at`. */
  longestOutageMs: number;
}

export interface RunDetail extends RunOutcome {
  extra: Record<string, GroupExtra>;
}
