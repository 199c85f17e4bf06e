/**
 * Owner-list arithmetic of the lint rules (contract §1, §4.5). The initial-owner rule itself is the
 * engine's (`initialOwner` from engine/index.ts), shared with the simulation so the two cannot drift.
 */
import type { GroupSpec, NodeSpec, ResourceSpec } from '../engine';

/** Can `node` host `resource`? An empty possible-owner list means every node. */
export function isPossibleOwner(resource: ResourceSpec, node: string): boolean {
  return resource.possibleOwners.length === 0 || resource.possibleOwners.includes(node);
}

/** Nodes (in node-ID order) that are possible owners of every resource of the group. */
export function nodesHostingGroup(group: GroupSpec, nodes: readonly NodeSpec[]): NodeSpec[] {
  return nodes.filter((n) => group.resources.every((r) => isPossibleOwner(r, n.name)));
}
