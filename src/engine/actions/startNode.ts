/** startNode (contract §2): the server boots and joins: Joining, then Up after `joinMs` (§4.6). */
import { startNode as start } from '../cluster/nodes';
import { psNamed } from './common';
import { NODE_ARG, OK, no, q, type ActionDef } from './types';

export const startNode: ActionDef<'startNode'> = {
  name: 'startNode',
  subject: 'node',
  args: { node: NODE_ARG },
  check(e, a) {
    const n = e.nodeByName.get(a.node);
    if (!n) return no(`there is no node ${q(a.node)}`);
    const s = e.nodeMachineState(n);
    if (s === 'Crashed')
      return no(`node ${q(a.node)} crashed and the cluster has not detected it yet; start it once it is Down`);
    if (s !== 'Down') return no(`node ${q(a.node)} is ${e.nodeState(n)}, not Down`);
    if (e.net.waiting[n.index])
      return no(
        `node ${q(a.node)} is Down but its cluster service is running: it rejoins by itself once it can reach every member`,
      );
    return OK;
  },
  apply: (e, a) => start(e, e.nodeByName.get(a.node)!),
  traceText: (a) => `node "${a.node}" is started`,
  uiText: (a) => `start node ${a.node}`,
  faultText: (a) => `start of ${a.node}`,
  menu: (node) => [{ section: 'Node', label: 'Start node', action: { action: 'startNode', node } }],
  menuOrder: 2,
  powershell: (a) => psNamed('Start-ClusterNode', a.node),
};
