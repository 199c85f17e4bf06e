/** setOnline (contract §2): how every later Online call of the resource behaves: `ok`, `fail`, `stall`, `hang`. */
import { checkResourceExists } from './common';
import { CALL_RESULTS, DLL_ONLY, RESOURCE_ARG, type ActionDef, type MenuEntry } from './types';

export const setOnline: ActionDef<'setOnline'> = {
  name: 'setOnline',
  subject: 'resource',
  args: { resource: RESOURCE_ARG, result: { kind: 'choice', choices: CALL_RESULTS, required: true } },
  check: (e, a) => checkResourceExists(e, a.resource),
  apply(e, a) {
    e.resourceByName.get(a.resource)!.faults.online = a.result;
  },
  traceText: (a) => `resource "${a.resource}": Online calls ${a.result} from now on`,
  uiText: (a) => `set Online calls to ${a.result} on ${a.resource}`,
  faultText: (a) => `Online ${a.result} of ${a.resource}`,
  menu: (resource) =>
    CALL_RESULTS.map((result): MenuEntry => ({
      section: 'Online calls',
      label: `Online calls ${result}`,
      action: { action: 'setOnline', resource, result },
    })),
  menuOrder: 7,
  powershell: () => DLL_ONLY,
};
