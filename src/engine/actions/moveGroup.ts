/** moveGroup (contract §2): administrator move, to a named node or (no `node`) the best possible one (§4.5). */
import { checkMoveProgress, chooseFor, possibleForAll, startMove } from '../cluster/groups';
import { movingOrStopping, needsQuorum, psNamed } from './common';
import { GROUP_ARG, OK, no, psLiteral, q, type ActionDef, type MenuEntry } from './types';

export const moveGroup: ActionDef<'moveGroup'> = {
  name: 'moveGroup',
  subject: 'group',
  args: { group: GROUP_ARG, node: { kind: 'node', required: false } },
  check(e, a) {
    const g = e.groupByName.get(a.group);
    if (!g) return no(`there is no group ${q(a.group)}`);
    const nq = needsQuorum(e);
    if (!nq.allowed) return nq;
    if (
      movingOrStopping(e, g) ||
      g.lastState === 'Pending' ||
      g.resources.some((r) => e.resState(r).endsWith('Pending'))
    ) {
      return no(`group ${q(a.group)} is Pending: wait until its resources have settled`);
    }
    if (a.node === undefined) {
      return chooseFor(e, g, { kind: 'fromTop' }) === null
        ? no(`no other Up node is a possible owner of every resource of group ${q(a.group)}`)
        : OK;
    }
    const n = e.nodeByName.get(a.node);
    if (!n) return no(`there is no node ${q(a.node)}`);
    if (a.node === g.owner) return no(`group ${q(a.group)} is already on ${q(a.node)}`);
    const s = e.nodeState(n);
    if (s !== 'Up') return no(`node ${q(a.node)} is ${s}; a group can move only to an Up node`);
    if (e.net.isStopping(a.node)) return no(`node ${q(a.node)} is stopping`);
    // networks.md §4.10: "can run" replaces "possible owner of every resource" in network mode.
    if (g.runsOn && !g.runsOn.has(a.node)) return no(`group ${q(a.group)} cannot run on node ${q(a.node)}`);
    if (!possibleForAll(g, a.node)) {
      const bad = g.spec.resources
        .filter((r) => r.possibleOwners.length && !r.possibleOwners.includes(a.node!))
        .map((r) => q(r.name));
      return no(`node ${q(a.node)} is not a possible owner of ${bad.join(', ')}`);
    }
    return OK;
  },
  apply(e, a) {
    const g = e.groupOf(a.group);
    const target = a.node ?? chooseFor(e, g, { kind: 'fromTop' })!;
    const why = a.node
      ? `administrator move to ${q(target)}`
      : `administrator move to the best possible node: ${q(target)} is first in the walk`;
    const named = a.node !== undefined;
    if (!e.clusterUp(g.owner)) {
      // No live owner: nothing to take offline.
      e.groupSend(g, { type: 'MOVE_START', target, cause: 'move', reason: why, named });
      checkMoveProgress(e, g);
      return;
    }
    return startMove(e, g, target, 'move', why, named);
  },
  traceText: (a) =>
    `administrator moves group "${a.group}"${a.node ? ` to "${a.node}"` : ' to the best possible node'}`,
  uiText: (a) => `move ${a.group} to ${a.node ?? 'best possible node'}`,
  faultText: (a) => `move of ${a.group}${a.node ? ` to ${a.node}` : ''}`,
  menu: (group, nodes) => [
    { section: 'Move', label: 'Move to best possible node', action: { action: 'moveGroup', group } },
    ...nodes.map((node): MenuEntry => ({
      section: 'Move',
      label: `Move to ${node}`,
      action: { action: 'moveGroup', group, node },
    })),
  ],
  menuOrder: 3,
  powershell: (a) => {
    const { line } = psNamed('Move-ClusterGroup', a.group);
    return { line: a.node === undefined ? line : `${line} -Node ${psLiteral(a.node)}` };
  },
};
