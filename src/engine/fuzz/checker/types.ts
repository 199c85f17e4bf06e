/**
 * Shared vocabulary of the contract checker. The checker reads a scenario and its trace only: it
 * never imports engine internals (cluster, policies, machines), so a bug there cannot hide itself
 * by being copied into the check. Everything it knows comes from docs' scenario-format.md.
 */
import type { Scenario, Trace, TraceEvent } from '../../index';

/** One broken rule: where in the trace, which rule, what the contract expects and what happened. */
export interface Violation {
  /** Contract rule family and section, e.g. "§4.1 call timing". */
  rule: string;
  /** Simulated time of the violation. */
  t: number;
  /** Index of the offending event in `trace.events`, or -1 when the fault is a missing event or `final`. */
  index: number;
  expected: string;
  actual: string;
}

export function formatViolation(v: Violation): string {
  const at = v.index >= 0 ? `event #${v.index} ` : '';
  return `[${v.rule}] ${at}t=${v.t}: expected ${v.expected}; actual ${v.actual}`;
}

/** Input of every rule family. */
export interface CheckInput {
  scenario: Scenario;
  trace: Trace;
}

export type Ev = TraceEvent;
export type EvOf<K extends Ev['type']> = Extract<Ev, { type: K }>;

/** Collects violations, capped so a badly broken trace does not produce megabytes of text. */
export class Report {
  readonly list: Violation[] = [];
  constructor(private readonly cap = 200) {}
  add(rule: string, t: number, index: number, expected: string, actual: string): void {
    if (this.list.length < this.cap) this.list.push({ rule, t, index, expected, actual });
  }
}

/** Quote a name so the messages are unambiguous whatever characters it holds. */
export const q = (name: string | null | undefined): string => (name == null ? 'null' : JSON.stringify(name));
