/** onlineGroup (contract §2): administrator online; the group's persistent state becomes online. */
import { bringGroupOnline } from '../cluster/groups';
import { checkGroupCommand, psNamed } from './common';
import { GROUP_ARG, type ActionDef } from './types';

export const onlineGroup: ActionDef<'onlineGroup'> = {
  name: 'onlineGroup',
  subject: 'group',
  args: { group: GROUP_ARG },
  check: (e, a) => checkGroupCommand(e, a.group, true),
  apply(e, a) {
    const g = e.groupOf(a.group);
    g.persistent = 'online';
    for (const r of g.resources) {
      r.persistent = 'online';
      r.gaveUp = false;
      e.disarm(r, 'retry');
    }
    return bringGroupOnline(e, g, 'administrator online');
  },
  traceText: (a) => `administrator brings group "${a.group}" online`,
  uiText: (a) => `bring ${a.group} online`,
  faultText: (a) => `online of group ${a.group}`,
  menu: (group) => [{ section: 'Group', label: 'Bring online', action: { action: 'onlineGroup', group } }],
  menuOrder: 1,
  powershell: (a) => psNamed('Start-ClusterGroup', a.group),
};
