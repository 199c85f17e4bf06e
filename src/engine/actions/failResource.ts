/** failResource (contract §2): Test-ClusterResourceFailure, the resource fails now. */
import { failResource as fail } from '../cluster/resources';
import { checkOnlineResource, psNamed } from './common';
import { RESOURCE_ARG, type ActionDef } from './types';

export const failResource: ActionDef<'failResource'> = {
  name: 'failResource',
  subject: 'resource',
  args: { resource: RESOURCE_ARG },
  check: (e, a) => checkOnlineResource(e, a.resource),
  apply(e, a) {
    const r = e.resourceByName.get(a.resource)!;
    if (!e.runs(r.group.owner)) return; // nothing runs on a crashed node (§4.8)
    return fail(e, r, 'Test-ClusterResourceFailure', { count: true });
  },
  traceText: (a) => `resource "${a.resource}" is made to fail (Test-ClusterResourceFailure)`,
  uiText: (a) => `simulate failure of ${a.resource}`,
  faultText: (a) => `failure of ${a.resource}`,
  menu: (resource) => [{ section: 'Faults', label: 'Simulate failure', action: { action: 'failResource', resource } }],
  menuOrder: 3,
  powershell: (a) => psNamed('Test-ClusterResourceFailure', a.resource),
};
