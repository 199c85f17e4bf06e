/** setHealth (contract §2): what LooksAlive and/or IsAlive answer from now on (`ok`, `fail`, `hang`). */
import { armHealth } from '../cluster/monitor';
import { checkResourceExists } from './common';
import { DLL_ONLY, HEALTH_ANSWERS, RESOURCE_ARG, type ActionDef, type MenuEntry } from './types';

const answer = { kind: 'choice', choices: HEALTH_ANSWERS, required: false } as const;

export const setHealth: ActionDef<'setHealth'> = {
  name: 'setHealth',
  subject: 'resource',
  args: { resource: RESOURCE_ARG, looksAlive: answer, isAlive: answer },
  entryRule: {
    after: ['looksAlive', 'isAlive'],
    broken: (entry) =>
      entry.looksAlive === undefined && entry.isAlive === undefined
        ? `needs "looksAlive" or "isAlive" (or both), each "ok", "fail" or "hang"`
        : null,
  },
  check: (e, a) => checkResourceExists(e, a.resource),
  apply(e, a) {
    const r = e.resourceByName.get(a.resource)!;
    if (a.looksAlive) r.faults.looksAlive = a.looksAlive;
    if (a.isAlive) r.faults.isAlive = a.isAlive;
    return armHealth(e, r);
  },
  traceText(a) {
    const parts = [
      a.looksAlive && `LooksAlive answers ${a.looksAlive}`,
      a.isAlive && `IsAlive answers ${a.isAlive}`,
    ].filter(Boolean);
    return `resource "${a.resource}": ${parts.join(', ')} from now on`;
  },
  uiText(a) {
    const parts = [a.looksAlive && `LooksAlive ${a.looksAlive}`, a.isAlive && `IsAlive ${a.isAlive}`].filter(Boolean);
    return `set ${parts.join(', ')} on ${a.resource}`;
  },
  faultText(a) {
    const parts = [
      a.looksAlive && a.looksAlive !== 'ok' ? `LooksAlive ${a.looksAlive}` : '',
      a.isAlive && a.isAlive !== 'ok' ? `IsAlive ${a.isAlive}` : '',
    ].filter(Boolean);
    return `${parts.join(' + ') || 'healthy checks'} of ${a.resource}`;
  },
  menu: (resource) => [
    ...HEALTH_ANSWERS.map((v): MenuEntry => ({
      section: 'LooksAlive answers',
      label: `LooksAlive ${v}`,
      action: { action: 'setHealth', resource, looksAlive: v },
    })),
    ...HEALTH_ANSWERS.map((v): MenuEntry => ({
      section: 'IsAlive answers',
      label: `IsAlive ${v}`,
      action: { action: 'setHealth', resource, isAlive: v },
    })),
  ],
  menuOrder: 6,
  powershell: () => DLL_ONLY,
};
