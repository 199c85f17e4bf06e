/** crashNode (contract §2): the server stops abruptly; the cluster notices after heartbeat loss (§4.6). */
import { crashNode as crash } from '../cluster/nodes';
import { NODE_ARG, OK, no, q, type ActionDef } from './types';

export const crashNode: ActionDef<'crashNode'> = {
  name: 'crashNode',
  subject: 'node',
  args: { node: NODE_ARG },
  check(e, a) {
    const n = e.nodeByName.get(a.node);
    if (!n) return no(`there is no node ${q(a.node)}`);
    const s = e.nodeMachineState(n);
    // networks.md §2: a waiting node (Down, service running) may crash: it becomes off.
    if (s === 'Down' && !e.net.waiting[n.index]) return no(`node ${q(a.node)} is already Down`);
    if (s === 'Crashed') return no(`node ${q(a.node)} has already crashed (the cluster has not noticed yet)`);
    return OK;
  },
  apply: (e, a) => crash(e, e.nodeByName.get(a.node)!),
  traceText: (a) => `node "${a.node}" crashes`,
  uiText: (a) => `crash node ${a.node}`,
  faultText: (a) => `crash of ${a.node}`,
  menu: (node) => [{ section: 'Node', label: 'Crash node', action: { action: 'crashNode', node } }],
  menuOrder: 1,
  powershell: () => ({
    line: null,
    why: 'no cmdlet crashes a node: the closest is cutting its power; Stop-ClusterNode is the orderly stop, and it is refused where it would cost quorum',
  }),
};
