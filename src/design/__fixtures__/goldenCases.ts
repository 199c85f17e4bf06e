import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const fixtures = __dirname;

/** Scenario JSON file → golden script name. `UPDATE_GOLDEN=1 npx vitest run src/design` rewrites them. */
export const GOLDEN_CASES: [string, string][] = [
  [join(root, 'src/scenarios/sql-fci-three-nodes.json'), 'sql-fci-three-nodes.ps1'],
  [join(root, 'src/scenarios/multi-site-file-server.json'), 'multi-site-file-server.ps1'],
  [join(root, 'src/scenarios/restart-then-failover.json'), 'restart-then-failover.ps1'],
  [join(fixtures, 'every-property.scenario.json'), 'every-property.ps1'],
  [join(fixtures, 'ipv6-vm-brackets.scenario.json'), 'ipv6-vm-brackets.ps1'],
  [join(fixtures, 'two-sites-multi-subnet.scenario.json'), 'two-sites-multi-subnet.ps1'],
];
