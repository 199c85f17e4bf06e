/** failInterface (networks.md §2): the interface of a node on a network is cut by its own failure (a cable). */
import { changeNetwork, checkInterfaceFailed, interfaceKey } from '../network/actions';
import { NODE_ARG, type ActionDef } from './types';

export const failInterface: ActionDef<'failInterface'> = {
  name: 'failInterface',
  subject: 'node',
  args: { node: NODE_ARG, network: { kind: 'network', required: true } },
  check: (e, a) => checkInterfaceFailed(e, 'failInterface', a.node, a.network, false),
  apply: (e, a) =>
    changeNetwork(e, () => {
      e.net.ifFailed.add(interfaceKey(e, a.node, a.network));
    }),
  traceText: (a) => `the interface of node "${a.node}" on network "${a.network}" fails`,
  uiText: (a) => `fail interface of ${a.node} on ${a.network}`,
  faultText: (a) => `failure of the interface of ${a.node} on ${a.network}`,
  // Entries need the node's networks; the canvas and inspector build them (issue 12 point 2).
  menu: () => [],
  menuOrder: 11,
  powershell: () => ({ line: null, why: 'an interface failing is a cable or NIC fault, not an administrative act' }),
};
