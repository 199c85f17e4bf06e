/** partition (networks.md §2): from `at`, nodes on different sides exchange no traffic on any network. */
import { changeNetwork, needsNetworks } from '../network/actions';
import { OK, type ActionDef } from './types';

export const partition: ActionDef<'partition'> = {
  name: 'partition',
  // About the whole cluster: its sides name every node (a sweep isolates each node in turn, sweep-format.md §1).
  subject: 'none',
  args: { sides: { kind: 'sides', required: true }, witness: { kind: 'sideIndexes', required: false } },
  // Never refused (§2) beyond needing networks, which validation already demands.
  check: (e) => needsNetworks(e, 'partition') ?? OK,
  apply: (e, a) =>
    changeNetwork(e, () => {
      const sides = a.sides.map((s) => s.map((name) => e.nodeByName.get(name)!.index));
      // It replaces the active partition; by default every side reaches the witness.
      e.net.partition = { sides, witness: a.witness ?? sides.map((_, i) => i) };
    }),
  traceText: (a) => {
    const side = (names: readonly string[]) => `[${names.map((n) => `"${n}"`).join(', ')}]`;
    const reach =
      a.witness === undefined
        ? ''
        : `; sides reaching the witness: ${a.witness.length ? a.witness.join(', ') : 'none'}`;
    return `the cluster is partitioned into ${a.sides.map(side).join(' | ')}${reach}`;
  },
  uiText: (a) => `partition ${a.sides.map((s) => s.join(', ')).join(' | ')}`,
  faultText: (a) => `partition ${a.sides.map((s) => s.join(', ')).join(' | ')}`,
  // The canvas builds partitions by choosing nodes (issue 12 point 2); no per-node entry here.
  menu: () => [],
  menuOrder: 10,
  powershell: () => ({
    line: null,
    why: 'no cmdlet partitions a network: it is a switch or WAN failure, not an administrative act',
  }),
};
