/**
 * The initial owner of a group at t = 0 (contract §1): `ownerNode` if given and that node is Up at
 * t = 0; else the first Up preferred owner that is a possible owner of every resource; else the
 * lowest-ID such Up node; null when no Up node can host the group.
 *
 * One rule for the engine and for the PowerShell export (which moves each role to this node), so
 * the script never starts a role where the simulator would not.
 */
import type { GroupSpec, NodeSpec } from '../model/scenario';

/** The fields the rule reads, so callers holding a raw (unvalidated) design can use it too. */
export interface OwnerRuleGroup {
  ownerNode?: string | null;
  preferredOwners?: readonly string[];
  resources: readonly { possibleOwners?: readonly string[] }[];
}

export interface OwnerRuleNode {
  name: string;
  /** Initial state; absent means Up. */
  state?: 'Up' | 'Down';
}

/** Can `node` host every resource of the group? An empty possible-owner list means every node. */
export function canHostAll(group: OwnerRuleGroup, node: string): boolean {
  return group.resources.every((r) => !r.possibleOwners?.length || r.possibleOwners.includes(node));
}

export function initialOwner(nodes: readonly OwnerRuleNode[], group: OwnerRuleGroup): string | null {
  const up = new Set(nodes.filter((n) => (n.state ?? 'Up') === 'Up').map((n) => n.name));
  if (group.ownerNode && up.has(group.ownerNode)) return group.ownerNode;
  const pref = group.preferredOwners?.find((n) => up.has(n) && canHostAll(group, n));
  if (pref !== undefined) return pref;
  return nodes.find((n) => up.has(n.name) && canHostAll(group, n.name))?.name ?? null;
}

/** The same rule over the validated scenario's types. */
export function initialOwnerOf(nodes: readonly NodeSpec[], group: GroupSpec): string | null {
  return initialOwner(nodes, group);
}
