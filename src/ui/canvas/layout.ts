/**
 * Deterministic placement: one region per cluster node in a row (plus "Unowned" when a group has
 * no live owner), each group stacked inside its owner's region, each resource inside its group in
 * dependency layers (providers on top). Positions are relative to the parent, as React Flow wants.
 */
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { GroupSpec, Scenario } from '../../engine/model/scenario';
import { longestPathLayers } from '../../engine/policies/dependencies';

export const RES_W = 200;
export const RES_H = 132;
const RES_GAP_X = 16;
const RES_GAP_Y = 34;
const GROUP_PAD = 14;
const GROUP_HEAD = 104;
const REGION_PAD = 16;
const REGION_HEAD = 72;
const REGION_GAP = 40;
const GROUP_GAP = 18;

export const UNOWNED = '\u0000unowned';

export type RegionData = { name: string; unowned: boolean };
export type GroupData = { name: string };
export type ResourceData = { name: string };
export type EdgeData = { or: boolean };

export const nodeId = (name: string) => `node:${name}`;
export const groupId = (name: string) => `group:${name}`;
export const resourceId = (name: string) => `res:${name}`;

/** Parse a React Flow id back to an entity reference. */
export function entityOf(id: string): { kind: 'node' | 'group' | 'resource'; name: string } | null {
  const i = id.indexOf(':');
  const prefix = id.slice(0, i);
  const name = id.slice(i + 1);
  if (prefix === 'node' && name !== UNOWNED) return { kind: 'node', name };
  if (prefix === 'group') return { kind: 'group', name };
  if (prefix === 'res') return { kind: 'resource', name };
  return null;
}

interface GroupBox {
  w: number;
  h: number;
  resources: { name: string; x: number; y: number }[];
}

function layoutGroup(g: GroupSpec): GroupBox {
  const byName = new Map(g.resources.map((r) => [r.name, r]));
  const depth = longestPathLayers(
    g.resources.map((r) => r.name),
    (name) => byName.get(name)?.dependsOn.flat() ?? [],
  );
  const layers: string[][] = [];
  for (const r of g.resources) (layers[depth.get(r.name)!] ??= []).push(r.name);
  const widest = Math.max(1, ...layers.map((l) => l?.length ?? 0));
  const w = GROUP_PAD * 2 + widest * RES_W + (widest - 1) * RES_GAP_X;
  const resources: GroupBox['resources'] = [];
  layers.forEach((layer, li) => {
    const rowW = layer.length * RES_W + (layer.length - 1) * RES_GAP_X;
    const x0 = (w - rowW) / 2;
    layer.forEach((name, i) =>
      resources.push({ name, x: x0 + i * (RES_W + RES_GAP_X), y: GROUP_HEAD + li * (RES_H + RES_GAP_Y) }),
    );
  });
  const h = GROUP_HEAD + layers.length * RES_H + Math.max(0, layers.length - 1) * RES_GAP_Y + GROUP_PAD;
  return { w, h: Math.max(h, GROUP_HEAD + GROUP_PAD), resources };
}

/** Group boxes depend only on the scenario; compute once per scenario. */
export function groupBoxes(s: Scenario): Map<string, GroupBox> {
  return new Map(s.groups.map((g) => [g.name, layoutGroup(g)]));
}

/**
 * React Flow re-measures (and, with onlyRenderVisibleElements, renders every node of) any node it
 * has no size and handle bounds for. Our sizes are fixed, so say them up front: a 1,232-node
 * canvas then mounts only what is on screen, at load and after every change of owner.
 */
const HANDLE = 6;
const NO_HANDLES: NodeHandle[] = [];
const RESOURCE_HANDLES: NodeHandle[] = [
  { type: 'target', position: Position.Top, x: RES_W / 2 - HANDLE / 2, y: -HANDLE / 2, width: HANDLE, height: HANDLE },
  {
    type: 'source',
    position: Position.Bottom,
    x: RES_W / 2 - HANDLE / 2,
    y: RES_H - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
];
const sized = (w: number, h: number) => ({ width: w, height: h, measured: { width: w, height: h } });

/**
 * Keep the previous object for every node whose placement did not change: React Flow skips
 * unchanged node objects (by identity) when it adopts a new nodes array.
 */
export function reuseNodes(prev: readonly Node[], next: Node[]): Node[] {
  if (!prev.length) return next;
  const old = new Map(prev.map((n) => [n.id, n]));
  return next.map((n) => {
    const o = old.get(n.id);
    return o &&
      o.parentId === n.parentId &&
      o.position.x === n.position.x &&
      o.position.y === n.position.y &&
      o.width === n.width &&
      o.height === n.height
      ? o
      : n;
  });
}

export function buildGraph(
  s: Scenario,
  boxes: Map<string, GroupBox>,
  owners: (string | null)[],
): { nodes: Node[]; edges: Edge[] } {
  return { nodes: buildNodes(s, boxes, owners), edges: buildEdges(s) };
}

/** Regions, group boxes and resources, placed for the current owners. */
export function buildNodes(s: Scenario, boxes: Map<string, GroupBox>, owners: (string | null)[]): Node[] {
  const regionNames = s.nodes.map((n) => n.name);
  const hasUnowned = owners.some((o) => o === null);
  if (hasUnowned) regionNames.push(UNOWNED);
  const innerW = Math.max(RES_W + 2 * GROUP_PAD, ...[...boxes.values()].map((b) => b.w));
  const regionW = innerW + REGION_PAD * 2;
  const stacks = new Map<string, string[]>(regionNames.map((n) => [n, []]));
  s.groups.forEach((g, i) => stacks.get(owners[i] ?? UNOWNED)?.push(g.name));
  const heights = regionNames.map(
    (r) => stacks.get(r)!.reduce((h, g) => h + boxes.get(g)!.h + GROUP_GAP, REGION_HEAD) + REGION_PAD,
  );
  const regionH = Math.max(220, ...heights);

  const nodes: Node[] = [];
  regionNames.forEach((r, i) => {
    const unowned = r === UNOWNED;
    nodes.push({
      id: nodeId(r),
      type: 'region',
      position: { x: i * (regionW + REGION_GAP), y: 0 },
      ...sized(regionW, regionH),
      handles: NO_HANDLES,
      data: { name: unowned ? 'Unowned' : r, unowned } satisfies RegionData,
      ariaLabel: unowned ? 'Groups with no live owner' : `Node ${r}`,
      draggable: false,
      selectable: !unowned,
      focusable: !unowned,
    });
    let y = REGION_HEAD;
    for (const gName of stacks.get(r)!) {
      const box = boxes.get(gName)!;
      nodes.push({
        id: groupId(gName),
        type: 'group-box',
        parentId: nodeId(r),
        extent: 'parent',
        position: { x: REGION_PAD + (innerW - box.w) / 2, y },
        ...sized(box.w, box.h),
        handles: NO_HANDLES,
        data: { name: gName } satisfies GroupData,
        ariaLabel: `Group ${gName}`,
        draggable: false,
      });
      for (const res of box.resources) {
        nodes.push({
          id: resourceId(res.name),
          type: 'resource',
          parentId: groupId(gName),
          extent: 'parent',
          position: { x: res.x, y: res.y },
          ...sized(RES_W, RES_H),
          handles: RESOURCE_HANDLES,
          data: { name: res.name } satisfies ResourceData,
          ariaLabel: `Resource ${res.name}`,
          draggable: false,
        });
      }
      y += box.h + GROUP_GAP;
    }
  });
  return nodes;
}

/** Dependency edges depend only on the scenario. */
export function buildEdges(s: Scenario): Edge[] {
  const edges: Edge[] = [];
  for (const g of s.groups) {
    for (const r of g.resources) {
      for (const set of r.dependsOn) {
        for (const provider of set) {
          const or = set.length > 1;
          edges.push({
            id: `dep:${provider}->${r.name}`,
            source: resourceId(provider),
            target: resourceId(r.name),
            type: 'smoothstep',
            data: { or } satisfies EdgeData,
            focusable: false,
            selectable: false,
            className: or ? 'dep dep-or' : 'dep dep-and',
            // OR sets are dashed *and* labelled, so the difference is not carried by line style alone.
            ...(or ? { label: 'OR', labelBgPadding: [3, 1] as [number, number], labelBgBorderRadius: 3 } : {}),
            ariaLabel: `${r.name} depends on ${provider}${or ? ' (one of an OR set)' : ''}`,
          });
        }
      }
    }
  }
  return edges;
}
