/**
 * The big-input benchmark (issue 7 item 3): 8 nodes × 2,000 groups × 50-resource chains
 * (100,000 resources); one node crashes after the cluster has formed, so a quarter of the groups
 * fail over and come online again elsewhere.
 */
export function hugeScenario(until: number): Record<string, unknown> {
  const nodes = Array.from({ length: 8 }, (_, i) => ({ name: `N${i + 1}` }));
  const groups = Array.from({ length: 2000 }, (_, g) => {
    const names = Array.from({ length: 50 }, (_, i) => `G${g}R${i}`);
    return {
      name: `G${g}`,
      preferredOwners: [nodes[g % 8]!.name, nodes[(g + 1) % 8]!.name],
      resources: names.map((name, i) => ({
        name,
        type: i === 0 ? 'Physical Disk' : 'Generic Service',
        ...(i > 0 ? { dependsOn: [names[i - 1]] } : {}),
      })),
    };
  });
  return {
    format: 'failover-scenario@1',
    name: 'Big input: 8 nodes × 2,000 groups × 50 resources',
    seed: 1,
    until,
    nodes,
    groups,
    script: [{ at: 600_000, action: 'crashNode', node: 'N1' }],
  };
}
