/**
 * The plain, serialisable view of a running simulation (engine API §4 of the engine issue).
 * Everything the UI draws comes from here or from the trace; nothing in it is live.
 */
import type { CallBehavior, HealthAnswer, PersistentState } from './scenario';
import type { GroupState, InterfaceState, NetworkState, NodeState, ResourceState } from './trace';

export type TimerKind =
  | 'onlineCall' // an Online call completing after onlineMs
  | 'offlineCall' // an Offline call completing after offlineMs
  | 'pendingTimeout' // a stalled call reaching min(PendingTimeout, DeadlockTimeout)
  | 'deadlock' // a hung call reaching DeadlockTimeout (monitor recycle)
  | 'restartDelay'
  | 'retryPeriod'
  | 'healthCheck' // the first LooksAlive/IsAlive instant that will see an injected fault
  | 'nodeDetection' // crash → Down after SameSubnetDelay × SameSubnetThreshold
  | 'nodeJoin' // Joining → Up after joinMs
  | 'failbackWindow' // a failback deferred to its window
  | 'routeDown'; // networks.md §4.2: a route declared down at its deadline (subject "A|B|network")

export interface TimerView {
  kind: TimerKind;
  /** Name of the resource, group or node the timer belongs to. */
  subject: string;
  armedAt: number;
  deadline: number;
  /** Human explanation ("PendingTimeout 3 min"). */
  label: string;
}

export interface NodeView {
  name: string;
  id: number;
  state: NodeState;
  /** Crashed but the cluster has not noticed yet: the detection deadline. */
  crashedUndetected: { crashedAt: number; detectAt: number } | null;
  /** Current quorum vote (dynamic weight) and configured NodeWeight. */
  vote: 0 | 1;
  nodeWeight: 0 | 1;
  /** Names of groups the drain moved away (for resume with Immediate). */
  drainedGroups: string[];
  /** The node machine's state ("Crashed" while a crash is undetected): machines/nodeMachine.ts. */
  machine: readonly string[];
  /** networks.md §1.4: the node's site (site mode), else null. */
  site: string | null;
  /** networks.md §4.1: running (Up/Paused/Joining/crashed-undetected), waiting, stopping, or off. */
  service: 'running' | 'waiting' | 'stopping' | 'off';
}

/** The network side of the cluster (network mode only): networks, interfaces, partition, links, witness reach. */
export interface NetworkModeView {
  networks: {
    name: string;
    role: 'none' | 'cluster' | 'clusterAndClient';
    routed: boolean;
    subnet: string | null;
    state: NetworkState;
    /** failNetwork in force. */
    failed: boolean;
    /** Interfaces in ID order. */
    interfaces: { node: string; state: InterfaceState; failed: boolean; cut: boolean }[];
  }[];
  partition: { sides: string[][]; witness: number[] } | null;
  /** One entry per pair of running nodes (a before b by ID). */
  links: {
    a: string;
    b: string;
    kind: 'sameSubnet' | 'crossSubnet' | 'crossSite';
    linked: boolean;
    connected: boolean;
    declareDownAt: number | null;
  }[];
  /** Nodes that reach the witness now (§4.7), ID order; [] when no witness. */
  witnessReach: string[];
  /** R of §4.7. */
  witnessAvailable: boolean;
  lastRegroup: { t: number; survivors: string[]; removed: string[]; witness: string; reason: string } | null;
}

export interface WindowCounter {
  count: number;
  threshold: number;
  /** Restart: when the fixed window closes (null if no window is open). Failover: when the oldest counted failover ages out. */
  windowEndsAt: number | null;
}

export interface GroupView {
  name: string;
  state: GroupState;
  owner: string | null;
  persistentState: PersistentState;
  priority: number;
  failovers: WindowCounter & { times: number[] };
  /** What the group machine is doing now ("idle", "offlining for failover to N2", ...). */
  activity: string;
  resources: string[];
  /** The group machine's active leaf states ("placement.moving.failingOver", "failback.idle"). */
  machine: readonly string[];
}

export interface ResourceView {
  name: string;
  group: string;
  type: string;
  state: ResourceState;
  node: string | null;
  persistentState: PersistentState;
  restarts: WindowCounter;
  faults: { looksAlive: HealthAnswer; isAlive: HealthAnswer; online: CallBehavior; offline: CallBehavior };
  /** The monitor hosting the resource: shared or its own (SeparateMonitor or after a deadlock). */
  monitor: 'shared' | 'separate';
  /** When it last became Online (health-check phase origin), or null. */
  onlineSince: number | null;
  /** Next LooksAlive / IsAlive instants while Online and checks are running. */
  nextLooksAlive: number | null;
  nextIsAlive: number | null;
  /** A call in progress that never returns. */
  hungCall: { call: 'Online' | 'Offline' | 'LooksAlive' | 'IsAlive'; since: number; node: string } | null;
  /** True once restarts are exhausted (waiting for RetryPeriodOnFailure or for good). */
  gaveUp: boolean;
  /**
   * The resource machine's active leaf states as dot paths, e.g. "Online.health.watching" and
   * "Online.wish.stay" (machines/resourceMachine.ts): what the statechart view highlights.
   */
  machine: readonly string[];
}

export interface QuorumView {
  hasQuorum: boolean;
  witness: { kind: 'none' | 'disk' | 'fileShare' | 'cloud'; up: boolean; vote: 0 | 1 };
  /** Votes counted now and the total they are compared with. */
  votes: number;
  total: number;
  dynamic: boolean;
}

export interface ClusterView {
  t: number;
  /** Cluster local time of day "HH:MM:SS". */
  localTime: string;
  quorum: QuorumView;
  nodes: NodeView[];
  groups: GroupView[];
  resources: ResourceView[];
  /** Every live timer, earliest first. */
  timers: TimerView[];
  /** networks.md §1.1: null when the scenario gives no level. */
  functionalLevel: '2012R2' | '2016' | '2019' | null;
  /** networks.md: null unless the scenario declares `networks`. */
  network: NetworkModeView | null;
}

/**
 * The view for consumers that redraw every frame (`Simulation.frameView()`): the same content as
 * ClusterView, but what did not change since the previous frame is the same object, and resources
 * are built when asked for (`resource(name)`, at the frame's time; read a frame before the
 * simulation moves on). Not serialisable: call `view()` for data.
 */
export interface FrameView extends Omit<ClusterView, 'resources'> {
  resource(name: string): ResourceView | undefined;
}

export type ActionCheck = { allowed: true } | { allowed: false; reason: string };
