/** The benchmark's generated cluster (also usable by the UI benchmark): 32 nodes, 200 groups × 5 chained resources. */
export function bigScenario(until: number): Record<string, unknown> {
  const nodes = Array.from({ length: 32 }, (_, i) => ({ name: `NODE${String(i + 1).padStart(2, '0')}` }));
  const groups = Array.from({ length: 200 }, (_, g) => {
    const pref = [nodes[g % 32]!.name, nodes[(g + 1) % 32]!.name, nodes[(g + 2) % 32]!.name];
    const names = ['Disk', 'IP', 'Name', 'Service', 'Agent'].map((k) => `G${g} ${k}`);
    return {
      name: `Group ${g}`,
      preferredOwners: pref,
      resources: names.map((name, i) => ({
        name,
        type: ['Physical Disk', 'IP Address', 'Network Name', 'Generic Service', 'Generic Application'][i],
        ...(i > 0 ? { dependsOn: [names[i - 1]] } : {}),
      })),
    };
  });
  const script: Record<string, unknown>[] = [{ at: 600_000, action: 'crashNode', node: 'NODE01' }];
  for (let k = 0; k < 10; k++) {
    const resource = `G${k * 17 + 5} Service`;
    script.push({ at: 1_200_000 + k * 60_000, action: 'setHealth', resource, isAlive: 'fail' });
    script.push({ at: 1_200_000 + k * 60_000 + 240_000, action: 'heal', resource });
  }
  return {
    format: 'failover-scenario@1',
    name: 'Benchmark: 32 nodes × 200 groups',
    seed: 1,
    until,
    nodes,
    groups,
    script,
  };
}
