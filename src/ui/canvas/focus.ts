/**
 * "Focus": the part of the diagram a room should see for one group: the group itself and the heads
 * of the nodes it moves between (its preferred owners and its owner now), as far as they fit
 * without shrinking the group below readability. Pure geometry over the laid-out nodes.
 */
import type { Node } from '@xyflow/react';
import type { Scenario, TraceEvent } from '../../engine';
import type { EntityRef } from '../../store/types';
import { CHIP_GAP, CHIP_H, chipAt } from './compactLayout';
import { groupId, nodeId, REGION_HEAD, type RegionData } from './layout';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const union = (a: Rect, b: Rect): Rect => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
};

/** Regions wider than this many group boxes would make the group too small to read: left out. */
const MAX_SPREAD = 2.4;

export function focusRect(nodes: readonly Node[], scenario: Scenario, group: string): Rect | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const g = byId.get(groupId(group));
  if (!g) {
    // The overview (./compactLayout): the group is a chip of its owner's region; show the region's
    // width around the chip's row (and the region's head when the chip is near the top).
    const r = nodes.find((n) => (n.data as RegionData).chips?.includes(group));
    if (!r) return null;
    const at = chipAt((r.data as RegionData).chips!.indexOf(group));
    const top = Math.max(0, at.y - 3 * (CHIP_H + CHIP_GAP));
    const y = top <= REGION_HEAD ? 0 : top;
    return { x: r.position.x, y: r.position.y + y, w: r.width ?? 0, h: at.y + 4 * (CHIP_H + CHIP_GAP) - y };
  }
  const region = g.parentId ? byId.get(g.parentId) : undefined;
  if (!region) return null;
  const box: Rect = {
    x: region.position.x + g.position.x,
    y: region.position.y + g.position.y,
    w: g.width ?? 0,
    h: g.height ?? 0,
  };
  // The owner's head (name, state, vote) always; then the other preferred owners, nearest first.
  let rect = union(box, { x: region.position.x, y: region.position.y, w: region.width ?? 0, h: REGION_HEAD });
  const spec = scenario.groups.find((x) => x.name === group);
  const heads = (spec?.preferredOwners ?? [])
    .map((n) => byId.get(nodeId(n)))
    .filter((r): r is Node => !!r && r.id !== region.id)
    .sort((a, b) => Math.abs(a.position.x - region.position.x) - Math.abs(b.position.x - region.position.x));
  for (const r of heads) {
    const next = union(rect, { x: r.position.x, y: r.position.y, w: r.width ?? 0, h: REGION_HEAD });
    if (next.w > MAX_SPREAD * (region.width ?? box.w)) break;
    rect = next;
  }
  return rect;
}

/**
 * The group to focus: the selected one (or the selected resource's group), else the group of the
 * latest owner change or policy decision, else the first group.
 */
export function activeGroup(
  scenario: Scenario,
  selected: EntityRef | null,
  events: readonly TraceEvent[],
): string | null {
  if (selected?.kind === 'group') return selected.name;
  if (selected?.kind === 'resource') {
    const g = scenario.groups.find((x) => x.resources.some((r) => r.name === selected.name));
    if (g) return g.name;
  }
  const names = new Set(scenario.groups.map((g) => g.name));
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'group.owner' || e.type === 'group.state') return e.group;
    if (e.type === 'policy' && names.has(e.subject)) return e.subject;
  }
  return scenario.groups[0]?.name ?? null;
}
