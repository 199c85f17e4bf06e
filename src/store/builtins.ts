/** The built-in scenario library: the project's copies of the shared examples. */
import sqlFci from '../scenarios/sql-fci-three-nodes.json';
import restartThenFailover from '../scenarios/restart-then-failover.json';
import multiSite from '../scenarios/multi-site-file-server.json';
import freePlay from '../scenarios/free-play-no-faults.json';
import netThree from '../scenarios/network-three-nodes-two-networks.json';
import netSites from '../scenarios/network-two-sites-witness.json';

export interface BuiltinScenario {
  id: string;
  title: string;
  source: unknown;
}

export const BUILTINS: BuiltinScenario[] = [
  { id: 'sql-fci-three-nodes', title: sqlFci.name, source: sqlFci },
  { id: 'restart-then-failover', title: restartThenFailover.name, source: restartThenFailover },
  { id: 'multi-site-file-server', title: multiSite.name, source: multiSite },
  { id: 'free-play-no-faults', title: freePlay.name, source: freePlay },
  { id: 'network-three-nodes-two-networks', title: netThree.name, source: netThree },
  { id: 'network-two-sites-witness', title: netSites.name, source: netSites },
];

export const DEFAULT_BUILTIN: BuiltinScenario = BUILTINS[0]!; // the literal list above is not empty
