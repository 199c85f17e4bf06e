/** signalFailure (contract §2): the resource DLL signals its failure event (§4.2). */
import { failResource, hungOn } from '../cluster/resources';
import { runIsAlive } from '../cluster/monitor';
import { checkOnlineResource } from './common';
import { DLL_ONLY, RESOURCE_ARG, type ActionDef } from './types';

export const signalFailure: ActionDef<'signalFailure'> = {
  name: 'signalFailure',
  subject: 'resource',
  args: { resource: RESOURCE_ARG },
  check: (e, a) => checkOnlineResource(e, a.resource),
  apply(e, a) {
    const r = e.resourceByName.get(a.resource)!;
    // §4.8: nothing runs on a crashed node, and a resource with a hung call there gets no
    // further check: the signal is traced as the action and nothing else happens.
    if (!e.runs(r.group.owner) || hungOn(r, r.group.owner)) return;
    if (e.semantics.signalFailure === 'immediateFailure')
      return failResource(e, r, 'the resource DLL signalled a failure', { count: true });
    return runIsAlive(e, r, 'the resource DLL signalled a failure: IsAlive runs at once');
  },
  traceText: (a) => `resource "${a.resource}" signals a failure`,
  uiText: (a) => `signal failure of ${a.resource}`,
  faultText: (a) => `failure signal of ${a.resource}`,
  menu: (resource) => [{ section: 'Faults', label: 'Signal failure', action: { action: 'signalFailure', resource } }],
  menuOrder: 4,
  powershell: () => DLL_ONLY,
};
