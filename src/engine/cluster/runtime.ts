/**
 * Runtime records the coordinator keeps per entity. Lifecycle states live in the XState actors;
 * these hold what the policies need around them (counters, faults, timers, wishes).
 */
import type { Actor } from 'xstate';
import type { CallBehavior, GroupSpec, HealthAnswer, NodeSpec, PersistentState, ResourceSpec } from '../model/scenario';
import type { GroupState } from '../model/trace';
import type { TimerKind } from '../model/view';
import type { TimerId } from '../clock/virtualClock';
import type { RestartWindow } from '../policies/windows';
import type { resourceMachine } from '../machines/resourceMachine';
import type { groupMachine } from '../machines/groupMachine';
import type { nodeMachine } from '../machines/nodeMachine';

export interface Timer {
  id: TimerId;
  kind: TimerKind;
  subject: string;
  armedAt: number;
  deadline: number;
  label: string;
}

export type TimerSlots<K extends string> = Partial<Record<K, Timer>>;

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

export type ResourceSlot = 'call' | 'health' | 'deadlock' | 'restart' | 'retry';

export interface ResRt {
  spec: ResourceSpec;
  group: GroupRt;
  actor: Actor<typeof resourceMachine>;
  persistent: PersistentState;
  faults: Faults;
  /** Hosted by a monitor of its own (SeparateMonitor = 1, or after a deadlock recycle). */
  separate: boolean;
  restartWindow: RestartWindow;
  /** When it last became Online: the origin of the health-check phase. */
  tOnline: number | null;
  /** Wants an Online call once its providers are Online and this instant has come. */
  dueAt: number | null;
  dueReason: string;
  /** Wants an Offline call once its dependents are down (dependents-first). */
  offlineWanted: boolean;
  /** Restarts exhausted (waiting for RetryPeriodOnFailure, or for good). */
  gaveUp: boolean;
  /** A call that never returns. */
  hung: { call: 'Online' | 'Offline' | 'LooksAlive' | 'IsAlive'; since: number; node: string } | null;
  /** Which call is in progress (for its completion timer). */
  pendingCall: 'Online' | 'Offline' | null;
  timers: TimerSlots<ResourceSlot>;
  dependents: ResRt[];
}

export interface GroupRt {
  spec: GroupSpec;
  actor: Actor<typeof groupMachine>;
  owner: string | null;
  persistent: PersistentState;
  /** Start instants of counted failovers. */
  failoverTimes: number[];
  resources: ResRt[];
  topLevel: ResRt[];
  /** Last group.state emitted. */
  lastState: GroupState;
  /** Waiting for a failover target to appear (after NoTargetNode). */
  awaitingTarget: boolean;
  timers: TimerSlots<'failback'>;
}

export interface NodeRt {
  spec: NodeSpec;
  actor: Actor<typeof nodeMachine>;
  /** Groups a drain moved away from this node, for resume with Immediate. */
  drained: string[];
  timers: TimerSlots<'detect' | 'join'>;
}
