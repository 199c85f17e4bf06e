/** heal (contract §2): clear every fault injected into the resource; a call already hung stays hung. */
import { HEALTHY } from '../cluster/runtime';
import { armHealth } from '../cluster/monitor';
import { checkResourceExists } from './common';
import { DLL_ONLY, RESOURCE_ARG, type ActionDef } from './types';

export const heal: ActionDef<'heal'> = {
  name: 'heal',
  subject: 'resource',
  args: { resource: RESOURCE_ARG },
  check: (e, a) => checkResourceExists(e, a.resource),
  apply(e, a) {
    const r = e.resourceByName.get(a.resource)!;
    r.faults = { ...HEALTHY };
    // A call already hung stays hung until its DeadlockTimeout (contract §2); armHealth knows.
    armHealth(e, r);
  },
  traceText: (a) => `every fault injected into resource "${a.resource}" is cleared`,
  uiText: (a) => `heal ${a.resource}`,
  faultText: (a) => `heal of ${a.resource}`,
  menu: (resource) => [{ section: 'Faults', label: 'Heal (clear all faults)', action: { action: 'heal', resource } }],
  menuOrder: 5,
  powershell: () => DLL_ONLY,
};
