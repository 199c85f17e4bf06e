/** pauseNode (contract §2): Suspend-ClusterNode, with `drain` its groups move away first (§4.6). */
import { pauseNode as pause } from '../cluster/nodes';
import { needsQuorum, psNamed } from './common';
import { NODE_ARG, OK, no, q, type ActionDef } from './types';

export const pauseNode: ActionDef<'pauseNode'> = {
  name: 'pauseNode',
  subject: 'node',
  args: { node: NODE_ARG, drain: { kind: 'boolean', required: false } },
  check(e, a) {
    const n = e.nodeByName.get(a.node);
    if (!n) return no(`there is no node ${q(a.node)}`);
    const nq = needsQuorum(e);
    if (!nq.allowed) return nq;
    if (e.nodeMachineState(n) === 'Crashed') return no(`node ${q(a.node)} does not respond (it crashed)`);
    if (e.net.isStopping(a.node)) return no(`node ${q(a.node)} is stopping`);
    if (e.nodeState(n) !== 'Up') return no(`node ${q(a.node)} is ${e.nodeState(n)}; only an Up node can be paused`);
    if (a.drain && !e.nodes.some((x) => x !== n && e.nodeState(x) === 'Up'))
      return no(`cannot drain ${q(a.node)}: no other node is Up`);
    return OK;
  },
  apply: (e, a) => pause(e, e.nodeByName.get(a.node)!, a.drain ?? false),
  traceText: (a) => `node "${a.node}" is paused${a.drain ? ' with drain' : ''}`,
  uiText: (a) => `pause node ${a.node}${a.drain ? ' (drain)' : ''}`,
  faultText: (a) => `${a.drain ? 'drain' : 'pause'} of ${a.node}`,
  menu: (node) => [
    { section: 'Node', label: 'Pause', action: { action: 'pauseNode', node, drain: false } },
    { section: 'Node', label: 'Pause and drain', action: { action: 'pauseNode', node, drain: true } },
  ],
  menuOrder: 3,
  // Without -Wait the cmdlet returns as soon as the drain starts (powershell.md §1.9).
  powershell: (a) => {
    const { line } = psNamed('Suspend-ClusterNode', a.node);
    return { line: a.drain ? `${line} -Drain -Wait` : line };
  },
};
