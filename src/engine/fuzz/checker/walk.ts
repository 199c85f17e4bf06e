/**
 * Walks a trace instant by instant, keeping the TraceModel current, and lets each rule family look
 * at every event (before and after the model takes it in) and at the end of every instant.
 */
import type { TraceModel } from './model';
import type { CheckInput, Ev, Report } from './types';

export interface Indexed {
  e: Ev;
  i: number;
}

export interface Rule {
  /** Called when an instant starts, before any of its events (obligations due earlier are now late). */
  startInstant?(t: number, evs: readonly Indexed[]): void;
  before?(e: Ev, i: number): void;
  after?(e: Ev, i: number): void;
  /** Called after every event of the instant. */
  endInstant?(t: number, evs: readonly Indexed[]): void;
  /** Called once after the last instant, with `final.t`. */
  end?(until: number): void;
}

export type RuleFactory = (m: TraceModel, rep: Report, input: CheckInput) => Rule;

export function walk(m: TraceModel, rules: Rule[], events: readonly Ev[], until: number): void {
  let k = 0;
  while (k < events.length) {
    const t = events[k]!.t;
    const instant: Indexed[] = [];
    while (k < events.length && events[k]!.t === t) {
      instant.push({ e: events[k]!, i: k });
      k++;
    }
    m.t = t;
    for (const r of rules) r.startInstant?.(t, instant);
    for (const { e, i } of instant) {
      for (const r of rules) r.before?.(e, i);
      m.apply(e);
      for (const r of rules) r.after?.(e, i);
    }
    for (const r of rules) r.endInstant?.(t, instant);
  }
  m.t = until;
  for (const r of rules) r.startInstant?.(until + 1, []);
  for (const r of rules) r.end?.(until);
}

/**
 * Expected events with a due time. `settle(t)` reports every one due before `t` that never came;
 * an obligation met at its due time is removed with `meet`.
 */
export class Obligations<T> {
  private readonly items = new Map<string, { due: number; data: T; why: string; rule: string }>();
  constructor(private readonly rep: Report) {}
  add(key: string, due: number, data: T, rule: string, why: string): void {
    this.items.set(key, { due, data, why, rule });
  }
  get(key: string): { due: number; data: T; why: string } | undefined {
    return this.items.get(key);
  }
  has(key: string): boolean {
    return this.items.has(key);
  }
  delete(key: string): void {
    this.items.delete(key);
  }
  entries(): [string, { due: number; data: T; why: string; rule: string }][] {
    return [...this.items.entries()];
  }
  /** Report (and drop) every obligation due strictly before `t`. */
  settle(t: number): void {
    for (const [key, o] of this.items) {
      if (o.due < t) {
        this.rep.add(o.rule, o.due, -1, o.why, 'no such event');
        this.items.delete(key);
      }
    }
  }
}
