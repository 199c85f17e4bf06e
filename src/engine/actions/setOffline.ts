/** setOffline (contract §2): how every later Offline call of the resource behaves: `ok`, `fail`, `stall`, `hang`. */
import { checkResourceExists } from './common';
import { CALL_RESULTS, DLL_ONLY, RESOURCE_ARG, type ActionDef, type MenuEntry } from './types';

export const setOffline: ActionDef<'setOffline'> = {
  name: 'setOffline',
  subject: 'resource',
  args: { resource: RESOURCE_ARG, result: { kind: 'choice', choices: CALL_RESULTS, required: true } },
  check: (e, a) => checkResourceExists(e, a.resource),
  apply(e, a) {
    e.resourceByName.get(a.resource)!.faults.offline = a.result;
  },
  traceText: (a) => `resource "${a.resource}": Offline calls ${a.result} from now on`,
  uiText: (a) => `set Offline calls to ${a.result} on ${a.resource}`,
  faultText: (a) => `Offline ${a.result} of ${a.resource}`,
  menu: (resource) =>
    CALL_RESULTS.map((result): MenuEntry => ({
      section: 'Offline calls',
      label: `Offline calls ${result}`,
      action: { action: 'setOffline', resource, result },
    })),
  menuOrder: 8,
  powershell: () => DLL_ONLY,
};
