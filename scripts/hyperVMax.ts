/**
 * WSFC's documented Hyper-V maximum: 64 nodes and 8,000 virtual-machine roles per cluster, each role
 * a "Virtual Machine" resource depending on its "Virtual Machine Configuration" (as Failover Cluster
 * Manager creates them). Used by `npm run bench:ui` to check the app stays playable at that size.
 */
export function hyperVMaxScenario(until: number): Record<string, unknown> {
  const nodes = Array.from({ length: 64 }, (_, i) => ({ name: `HV${String(i + 1).padStart(2, '0')}` }));
  const groups = Array.from({ length: 8000 }, (_, g) => {
    const vm = `VM${String(g + 1).padStart(4, '0')}`;
    return {
      name: vm,
      preferredOwners: [nodes[g % 64]!.name, nodes[(g + 1) % 64]!.name],
      resources: [
        { name: `Virtual Machine Configuration ${vm}`, type: 'Virtual Machine Configuration' },
        { name: `Virtual Machine ${vm}`, type: 'Virtual Machine', dependsOn: [`Virtual Machine Configuration ${vm}`] },
      ],
    };
  });
  // A node crash moves its 125 roles; a few VMs fail and heal.
  const script: Record<string, unknown>[] = [{ at: 600_000, action: 'crashNode', node: 'HV01' }];
  for (let k = 0; k < 10; k++) {
    const resource = `Virtual Machine VM${String(k * 701 + 3).padStart(4, '0')}`;
    script.push({ at: 1_200_000 + k * 60_000, action: 'setHealth', resource, isAlive: 'fail' });
    script.push({ at: 1_200_000 + k * 60_000 + 240_000, action: 'heal', resource });
  }
  return {
    format: 'failover-scenario@1',
    name: 'Hyper-V maximum: 64 nodes × 8,000 VMs',
    seed: 1,
    until,
    nodes,
    groups,
    script,
  };
}
