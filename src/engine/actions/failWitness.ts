/** failWitness (contract §2): the quorum witness goes away (§4.7). */
import { checkWitness, setWitness } from './common';
import { WITNESS_NO_CMDLET, type ActionDef } from './types';

export const failWitness: ActionDef<'failWitness'> = {
  name: 'failWitness',
  subject: 'none',
  args: {},
  check: (e) => checkWitness(e, false),
  apply: (e) => setWitness(e, false),
  traceText: () => 'the quorum witness goes away',
  uiText: () => 'fail the witness',
  faultText: () => 'witness failure',
  menu: () => [{ section: 'Quorum witness', label: 'Fail witness', action: { action: 'failWitness' } }],
  menuOrder: 1,
  powershell: () => WITNESS_NO_CMDLET,
};
