/** restoreWitness (contract §2): the quorum witness comes back (§4.7). */
import { checkWitness, setWitness } from './common';
import { WITNESS_NO_CMDLET, type ActionDef } from './types';

export const restoreWitness: ActionDef<'restoreWitness'> = {
  name: 'restoreWitness',
  subject: 'none',
  args: {},
  check: (e) => checkWitness(e, true),
  apply: (e) => setWitness(e, true),
  traceText: () => 'the quorum witness comes back',
  uiText: () => 'restore the witness',
  faultText: () => 'witness restore',
  menu: () => [{ section: 'Quorum witness', label: 'Restore witness', action: { action: 'restoreWitness' } }],
  menuOrder: 2,
  powershell: () => WITNESS_NO_CMDLET,
};
