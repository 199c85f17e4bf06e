/** stopNode (networks.md §2, §4.12): Stop-ClusterNode, a graceful leave. */
import { applyStop, checkStop } from '../network/stop';
import { psNamed } from './common';
import { NODE_ARG, type ActionDef } from './types';

export const stopNode: ActionDef<'stopNode'> = {
  name: 'stopNode',
  subject: 'node',
  args: { node: NODE_ARG },
  check: (e, a) => checkStop(e, a.node),
  apply: (e, a) => applyStop(e, e.nodeByName.get(a.node)!),
  traceText: (a) => `node "${a.node}" is stopped gracefully (Stop-ClusterNode)`,
  uiText: (a) => `stop node ${a.node}`,
  faultText: (a) => `graceful stop of ${a.node}`,
  // The node menu's entry belongs to the canvas work (issue 12 point 2), so plain menus stay as they are.
  menu: () => [],
  menuOrder: 10,
  powershell: (a) => psNamed('Stop-ClusterNode', a.node),
};
