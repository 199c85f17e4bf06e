/** onlineResource (contract §2): administrator online of one resource; its providers come online first. */
import type { Engine } from '../cluster/engine';
import type { ResRt } from '../cluster/runtime';
import { tryStartOnline, wantOnline } from '../cluster/resources';
import { checkResourceCommand, psNamed } from './common';
import { RESOURCE_ARG, type ActionDef } from './types';

/** Providers an Online needs (AND members and every OR member), transitively. */
function providerClosure(e: Engine, r: ResRt): ResRt[] {
  const out = new Set<ResRt>();
  const visit = (x: ResRt) => {
    for (const orSet of x.spec.dependsOn)
      for (const p of orSet) {
        const pr = e.resourceByName.get(p)!;
        if (!out.has(pr)) {
          out.add(pr);
          visit(pr);
        }
      }
  };
  visit(r);
  return [...out];
}

export const onlineResource: ActionDef<'onlineResource'> = {
  name: 'onlineResource',
  subject: 'resource',
  args: { resource: RESOURCE_ARG },
  check: (e, a) => checkResourceCommand(e, a.resource, true),
  apply(e, a) {
    const r = e.resourceByName.get(a.resource)!;
    const set = [...providerClosure(e, r), r];
    for (const x of set) {
      x.persistent = 'online';
      x.gaveUp = false;
      e.disarm(x, 'retry');
      const s = e.resState(x);
      if (s === 'Offline' || s === 'Failed') wantOnline(e, x, 'administrator online');
    }
    r.group.persistent = 'online';
    for (const x of set) tryStartOnline(e, x);
  },
  traceText: (a) => `administrator brings resource "${a.resource}" online`,
  uiText: (a) => `bring ${a.resource} online`,
  faultText: (a) => `online of ${a.resource}`,
  menu: (resource) => [{ section: 'Resource', label: 'Bring online', action: { action: 'onlineResource', resource } }],
  menuOrder: 1,
  powershell: (a) => psNamed('Start-ClusterResource', a.resource),
};
