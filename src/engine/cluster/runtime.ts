/**
 * Runtime records the coordinator keeps per entity: the machine snapshot (the lifecycle state) and
 * what the policies need around it (counters, faults, timers, wishes). Everything here is plain
 * data apart from the links between records, so a simulation can be saved and restored.
 */
import type { SnapshotFrom } from 'xstate';
import type { CallBehavior, GroupSpec, HealthAnswer, NodeSpec, PersistentState, ResourceSpec } from '../model/scenario';
import type { GroupState } from '../model/trace';
import type { TimerKind } from '../model/view';
import type { TimerId } from '../clock/virtualClock';
import type { RestartWindow } from '../policies/windows';
import type { groupMachine } from '../machines/groupMachine';
import type { ResourceMachineState } from '../machines/resourceTable';
import type { nodeMachine } from '../machines/nodeMachine';

/** What runs when a timer fires (cluster/timerHandlers.ts maps each to its rule). */
export type TimerHandler =
  'callDone' | 'callFail' | 'restart' | 'retry' | 'health' | 'deadlock' | 'detect' | 'join' | 'failback' | 'routeDown';

export type TimerPayload =
  | { call: 'Online' | 'Offline' }
  | { call: 'Online' | 'Offline'; reason: string }
  | { node: string; own: boolean; since: number }
  | { reason: string }
  /** A route declared down (networks.md §4.2): the pair's index in the topology and the route's. */
  | { pair: number; route: number };

export type EntityType = 'resource' | 'group' | 'node';

/** An armed timer, as plain data: which entity's slot holds it and which handler it runs. */
export interface Timer {
  id: TimerId;
  kind: TimerKind;
  subject: string;
  armedAt: number;
  deadline: number;
  label: string;
  entity: EntityType;
  /** The entity's index in the engine's list of its kind. */
  index: number;
  slot: string;
  handler: TimerHandler;
  payload: TimerPayload | null;
}

export type TimerSlots<K extends string> = Partial<Record<K, Timer>>;

/** A record that holds timers: its kind and place, so a timer can name its owner as data. */
export interface TimerOwner<K extends string = string> {
  readonly entity: EntityType;
  readonly index: number;
  readonly spec: { name: string };
  timers: TimerSlots<K>;
}

export type GroupSnapshot = SnapshotFrom<typeof groupMachine>;
export type NodeSnapshot = SnapshotFrom<typeof nodeMachine>;

export interface Faults {
  looksAlive: HealthAnswer;
  isAlive: HealthAnswer;
  online: CallBehavior;
  offline: CallBehavior;
}

export const HEALTHY: Readonly<Faults> = Object.freeze({
  looksAlive: 'ok',
  isAlive: 'ok',
  online: 'ok',
  offline: 'ok',
});

/**
 * Timer slots of a resource. A DeadlockTimeout belongs to the monitor process the call hung in,
 * so it is keyed by that monitor (shared or the resource's own) and node: a hung call stays hung
 * whatever happens to the resource meanwhile (contract §4.8).
 */
export type DeadlockSlot = `deadlock@${'shared' | 'own'}@${string}`;
export type ResourceSlot = 'call' | 'health' | 'restart' | 'retry' | DeadlockSlot;

/** A call into the resource that never returns, in the monitor it was made in. */
export interface HungCall {
  call: 'Online' | 'Offline' | 'LooksAlive' | 'IsAlive';
  since: number;
  node: string;
  /** Made in the resource's own monitor (true) or in the node's shared monitor (false). */
  own: boolean;
}

export type { Awaiting } from '../machines/groupMachine';

export interface ResRt extends TimerOwner<ResourceSlot> {
  readonly entity: 'resource';
  readonly index: number;
  spec: ResourceSpec;
  group: GroupRt;
  /**
   * The resource machine's state, the source of truth for the lifecycle: the WSFC state and the
   * sub-states (pending call, health checking, the cluster's wish for an Offline, a failure's
   * aftermath). Shared, interned objects; transitions are the machine's, memoised
   * (machines/resourceTable.ts).
   */
  m: ResourceMachineState;
  persistent: PersistentState;
  faults: Faults;
  /** Goes into a monitor of its own when next loaded (SeparateMonitor = 1, or after a deadlock recycle). */
  separate: boolean;
  /** The monitor it is loaded in now: its own, or the node's shared one (set at each Online call). */
  inOwnMonitor: boolean;
  restartWindow: RestartWindow;
  /** When it last became Online: the origin of the health-check phase. */
  tOnline: number | null;
  /**
   * The instant an Online call is due (a restart after RestartDelay, a retry, a providers-first
   * start): it is made once the providers are Online and this instant has come. A deadline, so
   * data; the machine's Failed sub-states say why a failed resource waits.
   */
  dueAt: number | null;
  dueReason: string;
  /**
   * Calls that never return, until their monitor is recycled or its node goes away. Monitor data,
   * not the resource's state: a hung call outlives the resource's transitions (contract §4.8).
   */
  hung: HungCall[];
  timers: TimerSlots<ResourceSlot>;
  dependents: ResRt[];
  /** networks.md §4.10 (network mode): nodes it is not allowed on — it gets no Online call there. */
  notAllowedOn?: ReadonlySet<string>;
}

export interface GroupRt extends TimerOwner<'failback'> {
  readonly entity: 'group';
  readonly index: number;
  spec: GroupSpec;
  /**
   * The group machine's snapshot, advanced by XState's pure transition: placement (placed,
   * moving, awaiting a target), failback scheduled, and in its context the move, what it awaits
   * and the failover history.
   */
  snap: GroupSnapshot;
  owner: string | null;
  persistent: PersistentState;
  resources: ResRt[];
  topLevel: ResRt[];
  /** Last group.state emitted. */
  lastState: GroupState;
  /** The instant of its last failover decision after a resource failure (one per instant, §4.8). */
  decidedAt: number;
  timers: TimerSlots<'failback'>;
  /** networks.md §4.10 (network mode): the nodes it can run on, replacing "possible owner of every resource". */
  runsOn?: ReadonlySet<string>;
}

export interface NodeRt extends TimerOwner<'detect' | 'join'> {
  readonly entity: 'node';
  readonly index: number;
  spec: NodeSpec;
  /** The node machine's snapshot, advanced by XState's pure transition. */
  snap: NodeSnapshot;
  /** Groups a drain moved away from this node, for resume with Immediate. */
  drained: string[];
  timers: TimerSlots<'detect' | 'join'>;
}
