/// <reference lib="webworker" />
/** The what-if view's Web Worker: one slice of a sweep, or a range of availability years. */
import { runSlice, type SweepPlan } from '../sweep/sweep';
import { simulateYears } from '../sweep/availability';
import { runBaseline } from '../sweep/run';
import type { Rates } from '../sweep/rates';
import type { Scenario } from '../engine';
import type { PlannedRun } from '../sweep/types';

export type WorkerRequest =
  | { type: 'sweep'; plan: SweepPlan; runs: PlannedRun[] }
  | { type: 'baseline'; plan: SweepPlan }
  | { type: 'years'; scenario: Scenario; rates: Rates; seed: number; from: number; to: number };

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  try {
    if (m.type === 'sweep') {
      const details = runSlice(m.plan, m.runs, undefined, (done) => {
        self.postMessage({ type: 'progress', done });
      });
      self.postMessage({ type: 'done', results: details });
    } else if (m.type === 'baseline') {
      const { baseline } = runBaseline(m.plan.scenario, m.plan.ats, m.plan.options);
      self.postMessage({ type: 'done', results: baseline });
    } else {
      const years = simulateYears(m.scenario, m.rates, m.seed, m.from, m.to, (done) => {
        self.postMessage({ type: 'progress', done });
      });
      self.postMessage({ type: 'done', results: years });
    }
  } catch (err) {
    self.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
