/**
 * The engine's programmatic API. The CLI, the tests, the benchmarks and the browser app all drive
 * the engine through this and nothing else.
 */
import type { Action, CallBehavior, HealthAnswer, PersistentState, Scenario } from './model/scenario';
import type {
  FinalState,
  GroupState,
  InterfaceState,
  NetworkState,
  NodeState,
  OwnerCause,
  TraceEvent,
} from './model/trace';
import type { ActionCheck, ClusterView, FrameView, TimerKind } from './model/view';
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
  /**
   * The view for a consumer that redraws every frame: unchanged nodes, groups, quorum and timers
   * are the objects the previous call returned; resources are built on demand. Its cost follows
   * what changed, not the cluster's size.
   */
  frameView(): FrameView;
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
  /**
   * The whole state now as plain JSON data (a deep copy; trace events are shared, they never
   * change). `restoreSimulation(scenario, snapshot)` continues from it byte for byte.
   */
  snapshot(): SimulationSnapshot;
}

/**
 * A simulation's state as JSON data (`Simulation.snapshot()`), valid with the scenario it was
 * taken from. Timers are data: which entity's slot holds them and which rule runs when they fire.
 */
export interface SimulationSnapshot {
  format: 'failover-snapshot@1';
  /** The scenario's name and its node, group and resource counts (checked on restore). */
  scenario: string;
  counts: [number, number, number];
  options: { semantics: Semantics; runScript: boolean };
  clock: { time: number; seq: number };
  rng: number;
  scriptIndex: number;
  instant: number;
  firedThisInstant: number;
  quorum: { has: boolean; voters: number[]; witnessVotes: boolean; witnessUp: boolean };
  nodes: { value: string; visible: NodeState; crashedAt: number | null; drained: string[] }[];
  groups: {
    /** The group machine's state value, serialised (JSON): machines/groupMachine.ts. */
    value: string;
    move: { target: string; cause: OwnerCause; reason: string; named: boolean } | null;
    owner: string | null;
    persistent: PersistentState;
    failoverTimes: number[];
    lastState: GroupState;
    awaiting: { cause: 'resource' | 'nodeDown' | 'quorum' | 'initial'; from: string | null } | null;
    decidedAt: number;
  }[];
  resources: {
    /** The resource machine's state value, serialised (JSON): machines/resourceMachine.ts. */
    machine: string;
    persistent: PersistentState;
    faults: { looksAlive: HealthAnswer; isAlive: HealthAnswer; online: CallBehavior; offline: CallBehavior };
    separate: boolean;
    inOwnMonitor: boolean;
    restartWindow: { start: number | null; count: number; times: number[] };
    tOnline: number | null;
    dueAt: number | null;
    dueReason: string;
    hung: { call: 'Online' | 'Offline' | 'LooksAlive' | 'IsAlive'; since: number; node: string; own: boolean }[];
  }[];
  timers: SnapshotTimer[];
  /** networks.md: the network state (cuts, partition, services, declared routes); absent in a plain scenario. */
  network?: NetworkSnapshot;
  events: TraceEvent[];
  applied: AppliedAction[];
}

/** The network runtime as data (network/runtime.ts). */
export interface NetworkSnapshot {
  netFailed: boolean[];
  ifFailed: string[];
  partition: { sides: number[][]; witness: number[] } | null;
  running: boolean[];
  waiting: boolean[];
  stopping: [number, string[]][];
  witnessUp: boolean;
  /** `frozenBy`: the crashed member whose crash froze this route's declared state (networks.md §4.9). */
  routes: { down: boolean; pendingAt: number | null; frozenBy?: number }[][];
  lastIf: Record<string, InterfaceState> | null;
  lastNet: NetworkState[] | null;
  lastRegroup: { t: number; survivors: string[]; removed: string[]; witness: string; reason: string } | null;
}

/** An armed timer as data (see SimulationSnapshot). */
export interface SnapshotTimer {
  id: number;
  kind: TimerKind;
  subject: string;
  armedAt: number;
  deadline: number;
  label: string;
  entity: 'resource' | 'group' | 'node';
  index: number;
  slot: string;
  handler:
    | 'callDone'
    | 'callFail'
    | 'restart'
    | 'retry'
    | 'health'
    | 'deadlock'
    | 'detect'
    | 'join'
    | 'failback'
    | 'routeDown';
  payload:
    | { call: 'Online' | 'Offline' }
    | { call: 'Online' | 'Offline'; reason: string }
    | { node: string; own: boolean; since: number }
    | { reason: string }
    | { pair: number; route: number }
    | null;
}
