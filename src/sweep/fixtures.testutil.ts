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
