/** offlineResource (contract §2): administrator offline of one resource; its dependents go offline first. */
import type { ResRt } from '../cluster/runtime';
import { checkResourceCommand, psNamed, takeOffline } from './common';
import { RESOURCE_ARG, type ActionDef } from './types';

function dependentClosure(r: ResRt): ResRt[] {
  const out = new Set<ResRt>();
  const visit = (x: ResRt) => {
    for (const d of x.dependents) {
      if (out.has(d)) continue;
      out.add(d);
      visit(d);
    }
  };
  visit(r);
  return [...out];
}

export const offlineResource: ActionDef<'offlineResource'> = {
  name: 'offlineResource',
  subject: 'resource',
  args: { resource: RESOURCE_ARG },
  check: (e, a) => checkResourceCommand(e, a.resource, false),
  apply(e, a) {
    const r = e.resourceByName.get(a.resource)!;
    return takeOffline(
      e,
      [r, ...dependentClosure(r)].sort((x, y) => x.spec.index - y.spec.index),
    );
  },
  traceText: (a) => `administrator takes resource "${a.resource}" offline`,
  uiText: (a) => `take ${a.resource} offline`,
  faultText: (a) => `offline of ${a.resource}`,
  menu: (resource) => [{ section: 'Resource', label: 'Take offline', action: { action: 'offlineResource', resource } }],
  menuOrder: 2,
  powershell: (a) => psNamed('Stop-ClusterResource', a.resource),
};
