/** failNetwork (networks.md §2): every interface on the network is cut (a switch failure). */
import { changeNetwork, checkNetworkFailed, netIndex } from '../network/actions';
import { type ActionDef } from './types';

export const failNetwork: ActionDef<'failNetwork'> = {
  name: 'failNetwork',
  subject: 'none',
  args: { network: { kind: 'network', required: true } },
  check: (e, a) => checkNetworkFailed(e, 'failNetwork', a.network, false),
  apply: (e, a) =>
    changeNetwork(e, () => {
      e.net.netFailed[netIndex(e, a.network)] = true;
    }),
  traceText: (a) => `network "${a.network}" fails`,
  uiText: (a) => `fail network ${a.network}`,
  faultText: (a) => `failure of network ${a.network}`,
  // The canvas lists networks (issue 12 point 2); the menus here are per node, group, resource or witness.
  menu: () => [],
  menuOrder: 11,
  powershell: () => ({ line: null, why: 'a network failure is a switch failing, not an administrative act' }),
};
