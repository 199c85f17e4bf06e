/**
 * The engine's programmatic API. The CLI, the tests, the benchmarks and the browser app all drive
 * the engine through this and nothing else.
 */
import type { Action, Scenario } from './model/scenario';
import type { FinalState, TraceEvent } from './model/trace';
import type { ActionCheck, ClusterView } from './model/view';
import type { Semantics } from './semantics';

export interface SimulationOptions {
  /** Modelling choices; defaults are exactly the contract's. */
  semantics?: Partial<Semantics>;
  /** Whether the scenario's own `script` runs (default true). The editor may switch it off. */
  runScript?: boolean;
}

/** An action applied by a user (not from the scenario script), with the time it was applied at. */
export interface AppliedAction {
  at: number;
  action: Action;
}

export type ApplyResult = { applied: true } | { applied: false; reason: string };

export interface Simulation {
  readonly scenario: Scenario;
  /** Current simulated time (ms). */
  now(): number;
  /**
   * Process every engine event and script action up to and including time `t`, then stop at `t`.
   * Advancing in several steps gives exactly the same trace as one step.
   */
  advanceTo(t: number): void;
  /** Time of the next scheduled engine event or script action, or null if nothing is scheduled. */
  nextEventTime(): number | null;
  /** Is this action allowed now? If not, the reason (the same text `action.rejected` carries). */
  check(action: Action): ActionCheck;
  /** Apply an action at the current time (traced as `action` or `action.rejected`). */
  apply(action: Action): ApplyResult;
  /** The user actions applied so far (for share links, persistence and rewind). */
  appliedActions(): readonly AppliedAction[];
  /** A plain, serialisable snapshot of the current state. */
  view(): ClusterView;
  /** The contract's `final` block at the current time. */
  final(): FinalState;
  /** Every trace event so far (the same objects subscribers received). The array grows in place. */
  events(): readonly TraceEvent[];
  /** How many trace events there are so far. */
  eventCount(): number;
  /** The events from index `from` on (a new array): for views that append what is new each frame. */
  eventsSince(from: number): TraceEvent[];
  /** Called for each new trace event, in order. Returns an unsubscribe function. */
  subscribe(listener: (event: TraceEvent) => void): () => void;
}
