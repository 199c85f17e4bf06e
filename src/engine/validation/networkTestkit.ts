/** Test helpers for the network validation tests (not used by the app). */
import { formatIssues, validateScenario } from './index';
import type { Json } from './testkit';

/** A valid two-site scenario in network mode, fresh on every call, for tests to break one thing in. */
export function netScenario(): Json {
  return {
    format: 'failover-scenario@1',
    name: 'Two sites',
    cluster: { functionalLevel: '2016', quorum: { witness: 'fileShare' } },
    networks: [
      { name: 'Public', role: 'clusterAndClient', routed: true, subnet: '10.1.0.0/24' },
      { name: 'HB', role: 'cluster' },
      { name: 'iSCSI', role: 'none' },
    ],
    nodes: [
      { name: 'N1', site: 'SEA', interfaces: ['Public', 'HB'] },
      { name: 'N2', site: 'SEA', interfaces: ['Public', 'HB'] },
      { name: 'N3', site: 'NYC', interfaces: ['Public', 'HB'] },
      { name: 'N4', site: 'NYC', interfaces: ['Public', 'HB'] },
    ],
    groups: [
      {
        name: 'SQL',
        properties: { PreferredSite: ['SEA', 'NYC'] },
        resources: [
          { name: 'IP-SEA', type: 'IP Address', parameters: { Network: 'Public', Address: '10.1.0.10' } },
          { name: 'SQLNET', type: 'SQL Server', dependsOn: ['IP-SEA'] },
        ],
      },
    ],
    script: [],
  };
}

/** Every issue of `json` as `path: message` lines, in document order ([] when it is valid). */
export function netIssues(json: unknown): string[] {
  const r = validateScenario(json);
  return r.ok ? [] : formatIssues(r.errors).split('\n');
}
