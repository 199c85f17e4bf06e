/**
 * One network fuzz case: the same steps as a plain case (validate, run, rerun byte-identical,
 * stepwise `advanceTo`, bounded work) with networks.md's checks (networkChecks.ts) in place of the
 * SF checker, whose rules §5 of networks.md reads differently in network mode.
 */
import { runCase, type CaseResult } from './run';

export function runNetworkCase(json: unknown): CaseResult {
  return runCase(json, { checks: 'network' });
}
