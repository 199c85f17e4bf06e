/**
 * The headless sweep: plan the runs, slice them for shards or workers, run them from a fork
 * source and assemble the contract's document. No React, no DOM: the CLI, the benchmark, the
 * tests and the app's Web Workers all call this.
 */
import type { Scenario, SimulationOptions } from '../engine';
import { createForkSource, type ForkSource } from './fork';
import { runBaseline, runOne } from './run';
import { planRuns, type Template } from './templates';
import { SWEEP_FORMAT, type BaselineEntry, type PlannedRun, type RunDetail, type SweepDocument } from './types';

export interface SweepPlan {
  scenario: Scenario;
  ats: number[];
  templates: Template[];
  options?: SimulationOptions;
}

/** The K-th (1-based) of N contiguous, near-equal slices of `total` runs: [from, to). */
export function shardRange(k: number, n: number, total: number): { from: number; to: number } {
  return { from: Math.floor(((k - 1) * total) / n), to: Math.floor((k * total) / n) };
}

/** Run planned runs [from, to) from one fork source; `onRun` is told after each (for progress and cancel). */
export function runSlice(
  plan: SweepPlan,
  runs: readonly PlannedRun[],
  forks: ForkSource = createForkSource(plan.scenario, plan.ats, plan.options),
  onRun?: (done: number, run: RunDetail) => boolean | void,
): RunDetail[] {
  const out: RunDetail[] = [];
  for (const r of runs) {
    const d = runOne(plan.scenario, forks, r);
    out.push(d);
    if (onRun?.(out.length, d) === false) break; // false = cancelled
  }
  return out;
}

/** Drop the check-only extras: the printed document is exactly the contract's. */
export function toDocument(
  scenario: Scenario,
  baseline: BaselineEntry[],
  runs: readonly RunDetail[],
  shard?: SweepDocument['shard'],
): SweepDocument {
  const doc: SweepDocument = {
    format: SWEEP_FORMAT,
    scenario: scenario.name,
    until: scenario.until,
    baseline,
    runs: runs.map(({ extra: _extra, ...r }) => r),
  };
  if (shard) doc.shard = shard;
  return doc;
}

export interface SweepResult {
  document: SweepDocument;
  details: RunDetail[];
}

/** The whole sweep (or one shard of it) in this thread. */
export function sweep(plan: SweepPlan, shard?: { k: number; n: number }): SweepResult {
  const all = planRuns(plan.scenario, plan.templates, plan.ats);
  const { from, to } = shard ? shardRange(shard.k, shard.n, all.length) : { from: 0, to: all.length };
  const details = runSlice(plan, all.slice(from, to));
  const { baseline } = runBaseline(plan.scenario, plan.ats, plan.options);
  const info = shard ? { k: shard.k, n: shard.n, from, to, total: all.length } : undefined;
  return { document: toDocument(plan.scenario, baseline, details, info), details };
}
