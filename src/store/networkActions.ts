/**
 * Menu entries of the network actions (networks.md §2) that the engine's registry leaves to the
 * canvas: stop a node gracefully, fail/restore each of its interfaces, cut/restore a network, heal
 * the partition. The partition itself is chosen in a dialog (ui/canvas/network/PartitionDialog).
 * Plain scenarios get none of these, so their menus stay exactly as before.
 */
// The engine's menu entry by the name actionCatalog.ts gives it (importing that file back would be a cycle).
import type { MenuEntry as ActionItem, Scenario } from '../engine';
import type { EntityRef } from './types';

/** Network mode or a functional level: the scenario already uses networks.md, so a graceful stop is offered. */
export const usesNetworks = (s: Scenario) => !!s.networks || !!s.cluster.functionalLevel;

/** The networks a node has interfaces on (absent = every network, §1.4), in scenario order. */
export function interfacesOf(s: Scenario, node: string): string[] {
  const all = (s.networks ?? []).map((n) => n.name);
  const own = s.nodes.find((n) => n.name === node)?.interfaces;
  return own ? all.filter((n) => own.includes(n)) : all;
}

export function networkNodeActions(s: Scenario, node: string): ActionItem[] {
  if (!usesNetworks(s)) return [];
  const items: ActionItem[] = [
    { label: 'Stop node (graceful)', action: { action: 'stopNode', node }, section: 'Node' },
  ];
  for (const network of interfacesOf(s, node)) {
    items.push(
      {
        label: `Fail interface on ${network}`,
        action: { action: 'failInterface', node, network },
        section: 'Network',
      },
      {
        label: `Restore interface on ${network}`,
        action: { action: 'restoreInterface', node, network },
        section: 'Network',
      },
    );
  }
  return items;
}

export function networkActions(network: string): ActionItem[] {
  return [
    { label: `Cut network ${network}`, action: { action: 'failNetwork', network }, section: 'Network' },
    { label: `Restore network ${network}`, action: { action: 'restoreNetwork', network }, section: 'Network' },
  ];
}

export const HEAL_PARTITION: ActionItem = {
  label: 'Heal partition',
  action: { action: 'healPartition' },
  section: 'Network',
};

/** Extra entries for a node (network mode or a level); none for other entities. */
export function networkActionsFor(ref: EntityRef, s: Scenario): ActionItem[] {
  return ref.kind === 'node' ? networkNodeActions(s, ref.name) : [];
}

/** The cluster-wide network entries (network mode): heal, then cut/restore each network. */
export function clusterNetworkActions(s: Scenario): ActionItem[] {
  if (!s.networks) return [];
  return [HEAL_PARTITION, ...s.networks.flatMap((n) => networkActions(n.name))];
}
