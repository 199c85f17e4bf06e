/** Small scenarios for the sweep's tests, built to pass or fail particular checks. */
import { validateScenario, type Scenario } from '../engine';

export function valid(json: unknown): Scenario {
  const v = validateScenario(json);
  if (!v.ok) throw new Error(v.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return v.scenario;
}

/** Two groups on `nodes` nodes; `anti` puts them in one anti-affinity class. */
export function twoGroups(opts: {
  nodes: number;
  anti?: boolean;
  until?: number;
  ui?: unknown;
  /** SQL prefers N1 then N2, SQL2 N2 then N1. */
  preferred?: boolean;
}): Record<string, unknown> {
  const nodes = Array.from({ length: opts.nodes }, (_, i) => ({ name: `N${i + 1}` }));
  const group = (name: string, owner: string, pref: string[]) => ({
    name,
    ownerNode: owner,
    ...(opts.preferred ? { preferredOwners: pref.slice(0, opts.nodes) } : {}),
    properties: { AntiAffinityClassNames: opts.anti ? ['SQL'] : [] },
    resources: [
      { name: `${name} Disk`, type: 'Physical Disk', behavior: { onlineMs: 2000, offlineMs: 1000 } },
      {
        name: `${name} Server`,
        type: 'SQL Server',
        dependsOn: [`${name} Disk`],
        behavior: { onlineMs: 5000, offlineMs: 1000 },
      },
    ],
  });
  return {
    format: 'failover-scenario@1',
    name: 'two SQL instances',
    seed: 1,
    until: opts.until ?? 600_000,
    nodes,
    groups: [group('SQL', 'N1', ['N1', 'N2']), group('SQL2', nodes[Math.min(1, opts.nodes - 1)]!.name, ['N2', 'N1'])],
    ...(opts.ui !== undefined ? { ui: opts.ui } : {}),
  };
}

/**
 * A two-site design in network mode (networks.md): SEA (N1, N2) and NYC (N3, N4), each site on its
 * own routed subnet, a heartbeat network on every node, a cloud witness; a multi-subnet SQL role
 * (one IP per subnet, OR dependency) preferring SEA, and an App role preferring NYC.
 */
export function twoSites(): Record<string, unknown> {
  const site = (name: string, s: 'SEA' | 'NYC') => ({ name, site: s, interfaces: [`${s}-LAN`, 'HB'] });
  return {
    format: 'failover-scenario@1',
    name: 'two sites',
    seed: 1,
    until: 600_000,
    cluster: { functionalLevel: '2016', quorum: { witness: 'cloud' } },
    networks: [
      { name: 'SEA-LAN', routed: true, subnet: '10.1.0.0/24' },
      { name: 'NYC-LAN', routed: true, subnet: '10.2.0.0/24' },
      { name: 'HB', role: 'cluster' },
    ],
    nodes: [site('N1', 'SEA'), site('N2', 'SEA'), site('N3', 'NYC'), site('N4', 'NYC')],
    groups: [
      {
        name: 'SQL',
        preferredOwners: ['N1', 'N2', 'N3', 'N4'],
        resources: [
          {
            name: 'IP-SEA',
            type: 'IP Address',
            parameters: { Network: 'SEA-LAN' },
            behavior: { onlineMs: 500, offlineMs: 200 },
          },
          {
            name: 'IP-NYC',
            type: 'IP Address',
            parameters: { Network: 'NYC-LAN' },
            behavior: { onlineMs: 500, offlineMs: 200 },
          },
          {
            name: 'SQL Name',
            type: 'Network Name',
            dependsOn: '[IP-SEA] or [IP-NYC]',
            behavior: { onlineMs: 1000, offlineMs: 500 },
          },
          {
            name: 'SQL Server',
            type: 'SQL Server',
            dependsOn: ['SQL Name'],
            behavior: { onlineMs: 2000, offlineMs: 1000 },
          },
        ],
      },
      {
        name: 'App',
        preferredOwners: ['N3', 'N4'],
        resources: [{ name: 'App Service', type: 'Generic Service', behavior: { onlineMs: 1000, offlineMs: 500 } }],
      },
    ],
  };
}
