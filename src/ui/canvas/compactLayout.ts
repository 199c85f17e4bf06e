/**
 * The overview for clusters too big to draw resource by resource (WSFC allows 64 nodes and 8,000
 * roles): each node's region draws its groups itself, as one-line chips in a grid (./ChipGrid);
 * no group boxes, resource cards or edges as React Flow nodes (the inspector and the table show a
 * group's resources). React Flow then tracks 64 regions instead of ~24,000 cards and 8,000 edges;
 * a failover changes two regions' chip lists, and only regions on screen are drawn.
 */
import type { Node } from '@xyflow/react';
import type { Scenario } from '../../engine';
import { nodeId, REGION_HEAD, UNOWNED, type RegionData } from './layout';

/** Above this many resources the canvas draws the overview. */
export const COMPACT_MIN_RESOURCES = 4000;

export const CHIP_W = 170;
export const CHIP_H = 30;
export const CHIP_GAP = 6;
export const CHIP_COLS = 5;
export const CHIP_PAD = 16;
const REGION_GAP = 40;

export function isCompact(s: Scenario): boolean {
  let n = 0;
  for (const g of s.groups) n += g.resources.length;
  return n > COMPACT_MIN_RESOURCES;
}

/** Where chip k sits inside its region. */
export const chipAt = (k: number) => ({
  x: CHIP_PAD + (k % CHIP_COLS) * (CHIP_W + CHIP_GAP),
  y: REGION_HEAD + Math.floor(k / CHIP_COLS) * (CHIP_H + CHIP_GAP),
});

const sameList = (a: readonly string[] | undefined, b: readonly string[]) =>
  !!a && a.length === b.length && a.every((x, i) => x === b[i]);

/** Regions only, each with its groups; a region whose list did not change keeps its old node object. */
export function buildCompactNodes(s: Scenario, owners: (string | null)[], prev: readonly Node[] = []): Node[] {
  const regionNames = s.nodes.map((n) => n.name);
  if (owners.some((o) => o === null)) regionNames.push(UNOWNED);
  const stacks = new Map<string, string[]>(regionNames.map((n) => [n, []]));
  s.groups.forEach((g, i) => stacks.get(owners[i] ?? UNOWNED)?.push(g.name));
  const regionW = CHIP_PAD * 2 + CHIP_COLS * CHIP_W + (CHIP_COLS - 1) * CHIP_GAP;
  const rows = Math.max(1, ...[...stacks.values()].map((st) => Math.ceil(st.length / CHIP_COLS)));
  const regionH = REGION_HEAD + rows * (CHIP_H + CHIP_GAP) + CHIP_PAD;
  const old = new Map(prev.map((n) => [n.id, n]));
  return regionNames.map((r, i) => {
    const unowned = r === UNOWNED;
    const chips = stacks.get(r)!;
    const x = i * (regionW + REGION_GAP);
    const o = old.get(nodeId(r));
    if (o && o.position.x === x && o.height === regionH && sameList((o.data as RegionData).chips, chips)) return o;
    return {
      id: nodeId(r),
      type: 'region',
      position: { x, y: 0 },
      width: regionW,
      height: regionH,
      measured: { width: regionW, height: regionH },
      handles: [],
      data: { name: unowned ? 'Unowned' : r, unowned, chips } satisfies RegionData,
      ariaLabel: unowned ? 'Groups with no live owner' : `Node ${r}`,
      draggable: false,
      selectable: !unowned,
      focusable: !unowned,
    };
  });
}
