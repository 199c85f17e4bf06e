/** The trace's words for an applied action (the `reason` of an `action` event). */
import type { Action } from '../model/scenario';
import { describeNetworkAction } from '../network/words';

export function describeAction(a: Action): string {
  switch (a.action) {
    case 'crashNode':
      return `node "${a.node}" crashes`;
    case 'startNode':
      return `node "${a.node}" is started`;
    case 'pauseNode':
      return `node "${a.node}" is paused${a.drain ? ' with drain' : ''}`;
    case 'resumeNode':
      return `node "${a.node}" is resumed (${a.failback ?? 'NoFailback'})`;
    case 'moveGroup':
      return `administrator moves group "${a.group}"${a.node ? ` to "${a.node}"` : ' to the best possible node'}`;
    case 'onlineGroup':
      return `administrator brings group "${a.group}" online`;
    case 'offlineGroup':
      return `administrator takes group "${a.group}" offline`;
    case 'onlineResource':
      return `administrator brings resource "${a.resource}" online`;
    case 'offlineResource':
      return `administrator takes resource "${a.resource}" offline`;
    case 'failResource':
      return `resource "${a.resource}" is made to fail (Test-ClusterResourceFailure)`;
    case 'setHealth': {
      const parts = [
        a.looksAlive && `LooksAlive answers ${a.looksAlive}`,
        a.isAlive && `IsAlive answers ${a.isAlive}`,
      ].filter(Boolean);
      return `resource "${a.resource}": ${parts.join(', ')} from now on`;
    }
    case 'setOnline':
      return `resource "${a.resource}": Online calls ${a.result} from now on`;
    case 'setOffline':
      return `resource "${a.resource}": Offline calls ${a.result} from now on`;
    case 'signalFailure':
      return `resource "${a.resource}" signals a failure`;
    case 'heal':
      return `every fault injected into resource "${a.resource}" is cleared`;
    case 'failWitness':
      return 'the quorum witness goes away';
    case 'restoreWitness':
      return 'the quorum witness comes back';
    default:
      return describeNetworkAction(a);
  }
}
