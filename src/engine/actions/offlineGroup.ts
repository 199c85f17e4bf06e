/** offlineGroup (contract §2): administrator offline; the group's persistent state becomes offline. */
import { checkGroupCommand, psNamed, takeOffline } from './common';
import { GROUP_ARG, type ActionDef } from './types';

export const offlineGroup: ActionDef<'offlineGroup'> = {
  name: 'offlineGroup',
  subject: 'group',
  args: { group: GROUP_ARG },
  check: (e, a) => checkGroupCommand(e, a.group, false),
  apply(e, a) {
    const g = e.groupOf(a.group);
    g.persistent = 'offline';
    return takeOffline(e, g.resources);
  },
  traceText: (a) => `administrator takes group "${a.group}" offline`,
  uiText: (a) => `take ${a.group} offline`,
  faultText: (a) => `offline of group ${a.group}`,
  menu: (group) => [{ section: 'Group', label: 'Take offline', action: { action: 'offlineGroup', group } }],
  menuOrder: 2,
  powershell: (a) => psNamed('Stop-ClusterGroup', a.group),
};
