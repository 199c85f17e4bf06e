/**
 * The overview for clusters too big to draw resource by resource (WSFC allows 64 nodes and 8,000
 * roles): each node's region holds its groups as one-line chips in a grid; no resource cards and no
 * edges (the inspector and the table show a group's resources). React Flow then tracks ~8,000
 * small nodes instead of ~24,000 cards and 8,000 edges, and a failover re-places chips only.
 */
import type { Node } from '@xyflow/react';
import type { Scenario } from '../../engine/model/scenario';
import { groupId, nodeId, REGION_HEAD, UNOWNED, type GroupData, type RegionData } from './layout';

/** Above this many resources the canvas draws the overview. */
export const COMPACT_MIN_RESOURCES = 4000;

export const CHIP_W = 170;
export const CHIP_H = 30;
const GAP = 6;
const COLS = 5;
const PAD = 16;
const REGION_GAP = 40;

export function isCompact(s: Scenario): boolean {
  let n = 0;
  for (const g of s.groups) n += g.resources.length;
  return n > COMPACT_MIN_RESOURCES;
}

export function buildCompactNodes(s: Scenario, owners: (string | null)[]): Node[] {
  const regionNames = s.nodes.map((n) => n.name);
  if (owners.some((o) => o === null)) regionNames.push(UNOWNED);
  const stacks = new Map<string, string[]>(regionNames.map((n) => [n, []]));
  s.groups.forEach((g, i) => stacks.get(owners[i] ?? UNOWNED)?.push(g.name));
  const regionW = PAD * 2 + COLS * CHIP_W + (COLS - 1) * GAP;
  const rows = Math.max(1, ...[...stacks.values()].map((st) => Math.ceil(st.length / COLS)));
  const regionH = REGION_HEAD + rows * (CHIP_H + GAP) + PAD;
  const nodes: Node[] = [];
  regionNames.forEach((r, i) => {
    const unowned = r === UNOWNED;
    nodes.push({
      id: nodeId(r),
      type: 'region',
      position: { x: i * (regionW + REGION_GAP), y: 0 },
      width: regionW,
      height: regionH,
      measured: { width: regionW, height: regionH },
      handles: [],
      data: { name: unowned ? 'Unowned' : r, unowned } satisfies RegionData,
      ariaLabel: unowned ? 'Groups with no live owner' : `Node ${r}`,
      draggable: false,
      selectable: !unowned,
      focusable: !unowned,
    });
    stacks.get(r)!.forEach((g, k) => {
      nodes.push({
        id: groupId(g),
        type: 'group-chip',
        parentId: nodeId(r),
        extent: 'parent',
        position: { x: PAD + (k % COLS) * (CHIP_W + GAP), y: REGION_HEAD + Math.floor(k / COLS) * (CHIP_H + GAP) },
        width: CHIP_W,
        height: CHIP_H,
        measured: { width: CHIP_W, height: CHIP_H },
        handles: [],
        data: { name: g } satisfies GroupData,
        ariaLabel: `Group ${g}`,
        draggable: false,
      });
    });
  });
  return nodes;
}
