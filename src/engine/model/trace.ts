/** Trace events (contract §3). The one stream the log, timeline, explanations, tests and CLI read. */
import type { Action } from './scenario';

export type ResourceState = 'Offline' | 'OnlinePending' | 'Online' | 'OfflinePending' | 'Failed';
export type GroupState = 'Online' | 'PartialOnline' | 'Pending' | 'Offline' | 'Failed';
export type NodeState = 'Up' | 'Down' | 'Paused' | 'Joining';
export type CallName = 'Online' | 'Offline' | 'LooksAlive' | 'IsAlive' | 'Terminate';
export type CallResult = 'ok' | 'fail' | 'pending' | 'hang';
export type OwnerCause = 'failover' | 'move' | 'failback' | 'drain' | 'quorum' | 'stop';
/** networks.md §3 / §4.9. */
export type InterfaceState = 'Up' | 'Unreachable' | 'Failed' | 'Unavailable';
export type NetworkState = 'Up' | 'Partitioned' | 'Down' | 'Unavailable';
/** Which core got the witness vote at a regroup (networks.md §3). */
export type RegroupWitness = 'survivors' | 'removed' | 'unreached' | 'none';
export type PolicyRule =
  | 'RestartThresholdExceeded'
  | 'FailoverThresholdExceeded'
  | 'FailoverStarted'
  | 'NoTargetNode'
  | 'RetryPeriodOnFailure'
  | 'FailbackScheduled'
  | 'QuorumLost'
  | 'QuorumRegained';

interface Base {
  t: number;
  reason: string;
}

export type TraceEvent =
  | (Base & {
      type: 'resource.state';
      resource: string;
      group: string;
      node: string | null;
      from: ResourceState;
      to: ResourceState;
    })
  | (Base & { type: 'group.state'; group: string; from: GroupState; to: GroupState })
  | (Base & { type: 'group.owner'; group: string; from: string | null; to: string | null; cause: OwnerCause })
  | (Base & { type: 'node.state'; node: string; from: NodeState; to: NodeState })
  | (Base & { type: 'call'; resource: string; node: string; call: CallName; result: CallResult })
  | (Base & { type: 'rhs.recycle'; node: string; resources: string[] })
  | (Base & { type: 'policy'; rule: PolicyRule; subject: string; detail: string })
  | (Base & { type: 'quorum.vote'; voter: string; from: 0 | 1; to: 0 | 1 })
  | (Base & { type: 'action'; action: Action & { at?: number } })
  | (Base & { type: 'action.rejected'; action: Action & { at?: number } })
  // networks.md §3 (network mode only)
  | (Base & {
      type: 'regroup';
      survivors: string[];
      removed: string[];
      lost: [string, string][];
      witness: RegroupWitness;
    })
  | (Base & { type: 'interface.state'; node: string; network: string; from: InterfaceState; to: InterfaceState })
  | (Base & { type: 'network.state'; network: string; from: NetworkState; to: NetworkState });

export type TraceEventType = TraceEvent['type'];

export interface FinalState {
  t: number;
  quorum: boolean;
  nodes: Record<string, { state: NodeState }>;
  groups: Record<string, { state: GroupState; owner: string | null; failoverCount: number }>;
  resources: Record<string, { state: ResourceState; node: string | null; restartCount: number }>;
  /** networks.md §3: network mode only, after `resources`. */
  networks?: Record<string, { state: NetworkState; interfaces: Record<string, InterfaceState> }>;
}

export interface Trace {
  format: 'failover-trace@1';
  scenario: string;
  until: number;
  events: TraceEvent[];
  final: FinalState;
}
