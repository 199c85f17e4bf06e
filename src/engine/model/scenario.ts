/**
 * The validated, defaults-applied scenario the engine runs (contract §1).
 * `validateScenario` (src/engine/validation) turns raw JSON into this; nothing else builds it
 * except tests. Every property here holds its *effective* value; `explicit` lists which ones the
 * file actually set, so the UI can mark defaults.
 */

export const SCENARIO_FORMAT = 'failover-scenario@1';
export const TRACE_FORMAT = 'failover-trace@1';
/** WSFC's DWORD "use the resource type's value" / "never" sentinel (0xFFFFFFFF). */
export const DWORD_MAX = 4294967295;
/** The latest time a scenario may name (`until`, each script `at`): ten years in ms (contract §1), so every derived time stays exact. */
export const MAX_SCENARIO_TIME_MS = 315_360_000_000;

export type NodeInitialState = 'Up' | 'Down';
export type PersistentState = 'online' | 'offline';
export type WitnessKind = 'none' | 'disk' | 'fileShare' | 'cloud';

/** A dependency expression in conjunctive normal form: AND of OR-sets. `[["A"],["B","C"]]` = `[A] and ([B] or [C])`. */
export type DependencyExpr = string[][];

export interface ClusterProperties {
  SameSubnetDelay: number;
  SameSubnetThreshold: number;
  CrossSubnetDelay: number;
  CrossSubnetThreshold: number;
}

export interface QuorumConfig {
  witness: WitnessKind;
  DynamicQuorum: 0 | 1;
}

export interface ClusterSpec {
  /** "HH:MM" local time of day at t = 0. */
  startTime: string;
  /** startTime as milliseconds after local midnight. */
  startTimeMs: number;
  properties: ClusterProperties;
  quorum: QuorumConfig;
  explicit: string[];
}

export interface NodeSpec {
  name: string;
  /** 1-based node ID: the position in `nodes`. */
  id: number;
  state: NodeInitialState;
  properties: { NodeWeight: 0 | 1 };
  behavior: { joinMs: number };
  explicit: string[];
}

export interface GroupProperties {
  FailoverThreshold: number;
  /** Hours. */
  FailoverPeriod: number;
  AutoFailbackType: 0 | 1;
  /** Hour 0–23 or −1. */
  FailbackWindowStart: number;
  FailbackWindowEnd: number;
  Priority: number;
  AntiAffinityClassNames: string[];
}

export interface ResourceProperties {
  RestartAction: 0 | 1 | 2;
  RestartThreshold: number;
  RestartPeriod: number;
  RestartDelay: number;
  RetryPeriodOnFailure: number;
  PendingTimeout: number;
  DeadlockTimeout: number;
  LooksAlivePollInterval: number;
  IsAlivePollInterval: number;
  SeparateMonitor: 0 | 1;
}

export interface ResourceBehavior {
  onlineMs: number;
  offlineMs: number;
}

export interface ResourceSpec {
  name: string;
  type: string;
  /** Name of the owning group. */
  group: string;
  /** Index of the resource across the whole scenario (scenario order). */
  index: number;
  dependsOn: DependencyExpr;
  /** Empty = every node. */
  possibleOwners: string[];
  properties: ResourceProperties;
  behavior: ResourceBehavior;
  /** Property and behavior keys the file set explicitly (e.g. "RestartAction", "behavior.onlineMs"). */
  explicit: string[];
}

export interface GroupSpec {
  name: string;
  /** Index of the group in the scenario (scenario order). */
  index: number;
  ownerNode: string | null;
  preferredOwners: string[];
  persistentState: PersistentState;
  properties: GroupProperties;
  resources: ResourceSpec[];
  explicit: string[];
}

export type HealthAnswer = 'ok' | 'fail' | 'hang';
export type CallBehavior = 'ok' | 'fail' | 'stall' | 'hang';
export type ResumeFailback = 'NoFailback' | 'Immediate' | 'Policy';

/** Script actions (contract §2). `at` is present in scenario scripts; UI-applied actions take the current time. */
export type Action =
  | { action: 'crashNode'; node: string }
  | { action: 'startNode'; node: string }
  | { action: 'pauseNode'; node: string; drain?: boolean }
  | { action: 'resumeNode'; node: string; failback?: ResumeFailback }
  | { action: 'moveGroup'; group: string; node?: string }
  | { action: 'onlineGroup'; group: string }
  | { action: 'offlineGroup'; group: string }
  | { action: 'onlineResource'; resource: string }
  | { action: 'offlineResource'; resource: string }
  | { action: 'failResource'; resource: string }
  | { action: 'setHealth'; resource: string; looksAlive?: HealthAnswer; isAlive?: HealthAnswer }
  | { action: 'setOnline'; resource: string; result: CallBehavior }
  | { action: 'setOffline'; resource: string; result: CallBehavior }
  | { action: 'signalFailure'; resource: string }
  | { action: 'heal'; resource: string }
  | { action: 'failWitness' }
  | { action: 'restoreWitness' };

export type ActionName = Action['action'];

export type ScriptEntry = Action & { at: number };

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  name: string;
  description: string;
  seed: number;
  until: number;
  cluster: ClusterSpec;
  nodes: NodeSpec[];
  groups: GroupSpec[];
  script: ScriptEntry[];
  /** Presentation data, ignored by the engine, kept verbatim for round-trips. */
  ui?: unknown;
}

/** One validation failure: where (a JSON path such as `groups[0].resources[2].dependsOn`) and why. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: ValidationIssue[] };
