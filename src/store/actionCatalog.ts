/**
 * Every contract action (scenario-format §2) that applies to an entity, labelled for buttons and
 * menus. The inspector and the canvas context menu both list exactly these; the labels and their
 * order are each action's own (src/engine/actions).
 */
import { actionMenu, type MenuEntry, type Scenario } from '../engine';
import type { EntityRef } from './types';
import { networkActionsFor } from './networkActions';

/** One button: `label` is unique within the entity (it is the button's accessible name), `section` its heading. */
export type ActionItem = MenuEntry;

export function actionsFor(ref: EntityRef, scenario: Scenario): ActionItem[] {
  return [
    ...actionMenu(
      ref.kind,
      ref.name,
      scenario.nodes.map((n) => n.name),
    ),
    // networks.md §2's per-node entries (the registry leaves them to the app); none in a plain scenario.
    ...networkActionsFor(ref, scenario),
  ];
}

export const CLUSTER_ACTIONS: ActionItem[] = actionMenu('none', '', []);

/** Group items by section, keeping order. */
export function bySection(items: ActionItem[]): [string, ActionItem[]][] {
  const out = new Map<string, ActionItem[]>();
  for (const it of items) out.set(it.section, [...(out.get(it.section) ?? []), it]);
  return [...out];
}
