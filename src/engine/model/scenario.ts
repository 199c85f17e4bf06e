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
  /** networks.md §1.2: present only at level 2016/2019 (the level's default when not given). */
  CrossSiteDelay?: number;
  CrossSiteThreshold?: number;
  /** networks.md §1.2: a site of some node (site mode); present only when given. */
  PreferredSite?: string;
  /** networks.md §1.2: 0 (none) or a node ID; present only when given. */
  LowerQuorumPriorityNodeId?: number;
}

/** networks.md §1.1: absent = legacy. */
export type FunctionalLevel = '2012R2' | '2016' | '2019';
/** networks.md §1.3: WSFC network roles 0, 1 and 3. */
export type NetworkRole = 'none' | 'cluster' | 'clusterAndClient';

/** A cluster network (networks.md §1.3); its presence in a scenario is network mode. */
export interface NetworkSpec {
  name: string;
  /** Position in `networks` (scenario order). */
  index: number;
  role: NetworkRole;
  routed: boolean;
  /** Shown and exported, not interpreted. */
  subnet?: string;
}

/** An IP Address resource's `parameters` (networks.md §1.5). */
export interface IpParameters {
  Network?: string;
  Address?: string;
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
  /** networks.md §1.1: present only when the file gives it. */
  functionalLevel?: FunctionalLevel;
  explicit: string[];
}

export interface NodeSpec {
  name: string;
  /** 1-based node ID: the position in `nodes`. */
  id: number;
  state: NodeInitialState;
  properties: { NodeWeight: 0 | 1 };
  behavior: { joinMs: number };
  /** networks.md §1.4: network names; absent = every network (network mode only). */
  interfaces?: string[];
  /** networks.md §1.4: the node's site (level 2016/2019). */
  site?: string;
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
  /** networks.md §1.5: site names (site mode); present only when given. */
  PreferredSite?: string[];
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
  /** networks.md §1.5: only on an "IP Address" in network mode; present only when given. */
  parameters?: IpParameters;
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
  | { action: 'restoreWitness' }
  // networks.md §2
  | { action: 'partition'; sides: string[][]; witness?: number[] }
  | { action: 'healPartition' }
  | { action: 'failNetwork'; network: string }
  | { action: 'restoreNetwork'; network: string }
  | { action: 'failInterface'; node: string; network: string }
  | { action: 'restoreInterface'; node: string; network: string }
  | { action: 'stopNode'; node: string };

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
  /** networks.md §1.3: present = network mode. */
  networks?: NetworkSpec[];
  /** Presentation data, ignored by the engine, kept verbatim for round-trips. */
  ui?: unknown;
}

/** One validation failure: where (a JSON path such as `groups[0].resources[2].dependsOn`) and why. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: ValidationIssue[] };
