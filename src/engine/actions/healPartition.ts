/** healPartition (networks.md §2): removes the active partition. */
import { changeNetwork, needsNetworks } from '../network/actions';
import { OK, no, type ActionDef } from './types';

export const healPartition: ActionDef<'healPartition'> = {
  name: 'healPartition',
  subject: 'none',
  args: {},
  check: (e) => needsNetworks(e, 'healPartition') ?? (e.net.partition ? OK : no('there is no partition to heal')),
  apply: (e) =>
    changeNetwork(e, () => {
      e.net.partition = null;
    }),
  traceText: () => 'the partition is healed',
  uiText: () => 'heal the partition',
  faultText: () => 'partition healed',
  menu: () => [],
  menuOrder: 10,
  powershell: () => ({ line: null, why: 'a partition heals when the network is repaired: there is no cmdlet for it' }),
};
