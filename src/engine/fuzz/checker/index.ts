/**
 * The contract checker: `checkTrace(scenario, trace)` lists every rule of scenario-format.md the
 * trace breaks, reading nothing but the scenario and the trace.
 */
import type { Scenario, Trace } from '../../index';
import { TraceModel } from './model';
import { Report, type Violation } from './types';
import { walk, type RuleFactory } from './walk';
import { structureRule } from './structure';
import { replayRule } from './replay';
import { nodesRule } from './nodes';
import { callsRule } from './calls';
import { healthRule } from './health';
import { quorumRule } from './quorum';
import { restartRule } from './restart';
import { failoverRule } from './failover';
import { orderRule } from './order';

export type { Violation } from './types';
export { formatViolation } from './types';

/** Rule families, in the order they look at each event. */
export const RULES: Record<string, RuleFactory> = {
  structure: structureRule,
  replay: replayRule,
  nodes: nodesRule,
  calls: callsRule,
  health: healthRule,
  quorum: quorumRule,
  restart: restartRule,
  failover: failoverRule,
  order: orderRule,
};

export function checkTrace(scenario: Scenario, trace: Trace, cap = 200): Violation[] {
  const m = new TraceModel(scenario);
  const rep = new Report(cap);
  const input = { scenario, trace };
  const rules = Object.values(RULES).map((f) => f(m, rep, input));
  try {
    walk(m, rules, trace.events, trace.final.t);
  } catch (err) {
    rep.add('checker', m.t, -1, 'a trace the checker can read', `checker error: ${(err as Error).message}`);
  }
  return rep.list;
}
