/**
 * Every contract action (scenario-format §2) that applies to an entity, labelled for buttons and
 * menus. The inspector and the canvas context menu both list exactly these.
 */
import type { Action, CallBehavior, HealthAnswer, Scenario } from '../engine';
import type { EntityRef } from './types';

export interface ActionItem {
  /** Unique within the entity: it is the button's accessible name. */
  label: string;
  action: Action;
  /** Heading the item is listed under. */
  section: string;
}

const HEALTH: HealthAnswer[] = ['ok', 'fail', 'hang'];
const CALLS: CallBehavior[] = ['ok', 'fail', 'stall', 'hang'];

export function actionsFor(ref: EntityRef, scenario: Scenario): ActionItem[] {
  const { name } = ref;
  if (ref.kind === 'node') {
    const section = 'Node';
    return [
      { section, label: 'Crash node', action: { action: 'crashNode', node: name } },
      { section, label: 'Start node', action: { action: 'startNode', node: name } },
      { section, label: 'Pause', action: { action: 'pauseNode', node: name, drain: false } },
      { section, label: 'Pause and drain', action: { action: 'pauseNode', node: name, drain: true } },
      { section, label: 'Resume (no failback)', action: { action: 'resumeNode', node: name, failback: 'NoFailback' } },
      { section, label: 'Resume (fail back now)', action: { action: 'resumeNode', node: name, failback: 'Immediate' } },
      { section, label: 'Resume (failback policy)', action: { action: 'resumeNode', node: name, failback: 'Policy' } },
    ];
  }
  if (ref.kind === 'group') {
    return [
      { section: 'Group', label: 'Bring online', action: { action: 'onlineGroup', group: name } },
      { section: 'Group', label: 'Take offline', action: { action: 'offlineGroup', group: name } },
      { section: 'Move', label: 'Move to best possible node', action: { action: 'moveGroup', group: name } },
      ...scenario.nodes.map((n): ActionItem => ({
        section: 'Move',
        label: `Move to ${n.name}`,
        action: { action: 'moveGroup', group: name, node: n.name },
      })),
    ];
  }
  const resource = name;
  return [
    { section: 'Resource', label: 'Bring online', action: { action: 'onlineResource', resource } },
    { section: 'Resource', label: 'Take offline', action: { action: 'offlineResource', resource } },
    { section: 'Faults', label: 'Simulate failure', action: { action: 'failResource', resource } },
    { section: 'Faults', label: 'Signal failure', action: { action: 'signalFailure', resource } },
    { section: 'Faults', label: 'Heal (clear all faults)', action: { action: 'heal', resource } },
    ...HEALTH.map((v): ActionItem => ({
      section: 'LooksAlive answers',
      label: `LooksAlive ${v}`,
      action: { action: 'setHealth', resource, looksAlive: v },
    })),
    ...HEALTH.map((v): ActionItem => ({
      section: 'IsAlive answers',
      label: `IsAlive ${v}`,
      action: { action: 'setHealth', resource, isAlive: v },
    })),
    ...CALLS.map((v): ActionItem => ({
      section: 'Online calls',
      label: `Online calls ${v}`,
      action: { action: 'setOnline', resource, result: v },
    })),
    ...CALLS.map((v): ActionItem => ({
      section: 'Offline calls',
      label: `Offline calls ${v}`,
      action: { action: 'setOffline', resource, result: v },
    })),
  ];
}

export const CLUSTER_ACTIONS: ActionItem[] = [
  { section: 'Quorum witness', label: 'Fail witness', action: { action: 'failWitness' } },
  { section: 'Quorum witness', label: 'Restore witness', action: { action: 'restoreWitness' } },
];

/** Group items by section, keeping order. */
export function bySection(items: ActionItem[]): [string, ActionItem[]][] {
  const out = new Map<string, ActionItem[]>();
  for (const it of items) out.set(it.section, [...(out.get(it.section) ?? []), it]);
  return [...out];
}
