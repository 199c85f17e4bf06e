/** restoreNetwork (networks.md §2): the network is no longer cut; it does not undo a failInterface. */
import { changeNetwork, checkNetworkFailed, netIndex } from '../network/actions';
import { type ActionDef } from './types';

export const restoreNetwork: ActionDef<'restoreNetwork'> = {
  name: 'restoreNetwork',
  subject: 'none',
  args: { network: { kind: 'network', required: true } },
  check: (e, a) => checkNetworkFailed(e, 'restoreNetwork', a.network, true),
  apply: (e, a) =>
    changeNetwork(e, () => {
      e.net.netFailed[netIndex(e, a.network)] = false;
    }),
  traceText: (a) => `network "${a.network}" is restored`,
  uiText: (a) => `restore network ${a.network}`,
  faultText: (a) => `restore of network ${a.network}`,
  // The canvas lists networks (issue 12 point 2); the menus here are per node, group, resource or witness.
  menu: () => [],
  menuOrder: 11,
  powershell: () => ({ line: null, why: 'a network failure is a switch failing, not an administrative act' }),
};
