/** restoreInterface (networks.md §2): the interface of a node on a network is no longer cut by its own failure (a cable). */
import { changeNetwork, checkInterfaceFailed, interfaceKey } from '../network/actions';
import { NODE_ARG, type ActionDef } from './types';

export const restoreInterface: ActionDef<'restoreInterface'> = {
  name: 'restoreInterface',
  subject: 'node',
  args: { node: NODE_ARG, network: { kind: 'network', required: true } },
  check: (e, a) => checkInterfaceFailed(e, 'restoreInterface', a.node, a.network, true),
  apply: (e, a) =>
    changeNetwork(e, () => {
      e.net.ifFailed.delete(interfaceKey(e, a.node, a.network));
    }),
  traceText: (a) => `the interface of node "${a.node}" on network "${a.network}" is restored`,
  uiText: (a) => `restore interface of ${a.node} on ${a.network}`,
  faultText: (a) => `restore of the interface of ${a.node} on ${a.network}`,
  // Entries need the node's networks; the canvas and inspector build them (issue 12 point 2).
  menu: () => [],
  menuOrder: 11,
  powershell: () => ({ line: null, why: 'an interface failing is a cable or NIC fault, not an administrative act' }),
};
