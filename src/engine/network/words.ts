/** Words for the network actions (networks.md §2) and events (§3): the trace's reasons and the UI's labels. */
import type { Action } from '../model/scenario';

export type NetworkAction = Extract<
  Action,
  {
    action:
      | 'partition'
      | 'healPartition'
      | 'failNetwork'
      | 'restoreNetwork'
      | 'failInterface'
      | 'restoreInterface'
      | 'stopNode';
  }
>;

const q = (s: string) => `"${s}"`;
const side = (names: readonly string[]) => `[${names.map(q).join(', ')}]`;

/** The trace's reason of an applied network action. */
export function describeNetworkAction(a: NetworkAction): string {
  switch (a.action) {
    case 'partition': {
      const reach =
        a.witness === undefined
          ? ''
          : `; sides reaching the witness: ${a.witness.length ? a.witness.join(', ') : 'none'}`;
      return `the cluster is partitioned into ${a.sides.map(side).join(' | ')}${reach}`;
    }
    case 'healPartition':
      return 'the partition is healed';
    case 'failNetwork':
      return `network ${q(a.network)} fails`;
    case 'restoreNetwork':
      return `network ${q(a.network)} is restored`;
    case 'failInterface':
      return `the interface of node ${q(a.node)} on network ${q(a.network)} fails`;
    case 'restoreInterface':
      return `the interface of node ${q(a.node)} on network ${q(a.network)} is restored`;
    case 'stopNode':
      return `node ${q(a.node)} is stopped gracefully (Stop-ClusterNode)`;
  }
}

/** Short label: "partition N1, N2 | N3", "fail network HB". */
export function labelNetworkAction(a: NetworkAction): string {
  switch (a.action) {
    case 'partition':
      return `partition ${a.sides.map((s) => s.join(', ')).join(' | ')}`;
    case 'healPartition':
      return 'heal the partition';
    case 'failNetwork':
      return `fail network ${a.network}`;
    case 'restoreNetwork':
      return `restore network ${a.network}`;
    case 'failInterface':
      return `fail interface of ${a.node} on ${a.network}`;
    case 'restoreInterface':
      return `restore interface of ${a.node} on ${a.network}`;
    case 'stopNode':
      return `stop node ${a.node}`;
  }
}

export const NETWORK_ACTION_NAMES: readonly NetworkAction['action'][] = [
  'partition',
  'healPartition',
  'failNetwork',
  'restoreNetwork',
  'failInterface',
  'restoreInterface',
  'stopNode',
];

export function isNetworkAction(a: Action): a is NetworkAction {
  return (NETWORK_ACTION_NAMES as readonly string[]).includes(a.action);
}
