/** Owner-list arithmetic shared by the exporter and the lint rules (contract §1, §4.5). */
import type { GroupSpec, NodeSpec, ResourceSpec } from '../engine/model/scenario';

/** Can `node` host `resource`? An empty possible-owner list means every node. */
export function isPossibleOwner(resource: ResourceSpec, node: string): boolean {
  return resource.possibleOwners.length === 0 || resource.possibleOwners.includes(node);
}

/** Nodes (in node-ID order) that are possible owners of every resource of the group. */
export function nodesHostingGroup(group: GroupSpec, nodes: readonly NodeSpec[]): NodeSpec[] {
  return nodes.filter((n) => group.resources.every((r) => isPossibleOwner(r, n.name)));
}

/**
 * The group's initial owner (contract §1): `ownerNode` if given and that node is Up at t = 0; else
 * the first Up preferred owner that is a possible owner of every resource; else the lowest-ID such
 * Up node; else null. The same rule as the engine's formation (src/engine/cluster/nodes.ts).
 * TODO(pwsh): replace with the engine's exported `initialOwner` once main has it.
 */
export function initialOwner(group: GroupSpec, nodes: readonly NodeSpec[]): string | null {
  const up = new Set(nodes.filter((n) => n.state === 'Up').map((n) => n.name));
  if (group.ownerNode && up.has(group.ownerNode)) return group.ownerNode;
  const hosts = nodesHostingGroup(group, nodes).filter((n) => up.has(n.name));
  const names = new Set(hosts.map((n) => n.name));
  const preferred = group.preferredOwners.find((p) => names.has(p));
  return preferred ?? hosts[0]?.name ?? null;
}
