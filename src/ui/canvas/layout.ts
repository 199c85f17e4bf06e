/**
 * Deterministic placement: one region per cluster node in a row (plus "Unowned" when a group has
 * no live owner), each group stacked inside its owner's region, each resource inside its group in
 * dependency layers (dependents on top, arrows down to providers: ./routing). Positions are relative to the parent, as React Flow wants.
 */
import { MarkerType, Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Scenario } from '../../engine';
import { GROUP_PAD, layoutGroup, RES_H, RES_W, type GroupBox, type Point } from './routing';

export { RES_H, RES_W } from './routing';

const REGION_PAD = 16;
export const REGION_HEAD = 72;
const REGION_GAP = 40;
const GROUP_GAP = 18;

export const UNOWNED = '\u0000unowned';

/** Network mode and site mode add a row or two to a node's head (site, side, service, interface chips: ./network/NodeNetwork). */
const NET_HEAD_EXTRA = 52;
export const regionHead = (s: Scenario) =>
  s.networks || s.nodes.some((n) => n.site) ? REGION_HEAD + NET_HEAD_EXTRA : REGION_HEAD;

/** `chips`: in the overview of a very big cluster (./compactLayout), the groups the region draws itself. */
export type RegionData = { name: string; unowned: boolean; chips?: string[] };
export type GroupData = { name: string };
export type ResourceData = { name: string };
/** `points`: the routed polyline relative to the group; `anchor`: the dependent card's top-left in those coordinates. */
export type EdgeData = { or: boolean; points: Point[]; anchor: Point };

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

/**
 * Network and site mode (./network/overlayGeometry): the cards' order and where a new run (site or
 * side) starts, with the gap before it. Absent in a plain scenario: one row in ID order.
 */
export interface Arrangement {
  order: readonly string[];
  breakBefore: ReadonlySet<string>;
  breakGap: number;
}

/** Regions, group boxes and resources, placed for the current owners. */
export function buildNodes(
  s: Scenario,
  boxes: Map<string, GroupBox>,
  owners: (string | null)[],
  arrangement?: Arrangement,
): Node[] {
  const regionNames = arrangement ? [...arrangement.order] : s.nodes.map((n) => n.name);
  const head = regionHead(s);
  const hasUnowned = owners.some((o) => o === null);
  if (hasUnowned) regionNames.push(UNOWNED);
  const innerW = Math.max(RES_W + 2 * GROUP_PAD, ...[...boxes.values()].map((b) => b.w));
  const regionW = innerW + REGION_PAD * 2;
  const stacks = new Map<string, string[]>(regionNames.map((n) => [n, []]));
  s.groups.forEach((g, i) => stacks.get(owners[i] ?? UNOWNED)?.push(g.name));
  const heights = regionNames.map(
    (r) => stacks.get(r)!.reduce((h, g) => h + boxes.get(g)!.h + GROUP_GAP, head) + REGION_PAD,
  );
  const regionH = Math.max(220, ...heights);

  const nodes: Node[] = [];
  let breaks = 0;
  regionNames.forEach((r, i) => {
    const unowned = r === UNOWNED;
    if (arrangement && (unowned || arrangement.breakBefore.has(r))) breaks++;
    nodes.push({
      id: nodeId(r),
      type: 'region',
      position: { x: i * (regionW + REGION_GAP) + breaks * ((arrangement?.breakGap ?? REGION_GAP) - REGION_GAP), y: 0 },
      ...sized(regionW, regionH),
      handles: NO_HANDLES,
      data: { name: unowned ? 'Unowned' : r, unowned } satisfies RegionData,
      ariaLabel: unowned ? 'Groups with no live owner' : `Node ${r}`,
      draggable: false,
      selectable: !unowned,
      focusable: !unowned,
    });
    let y = head;
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

/** Dependency edges depend only on the scenario: each is routed inside its group (./routing). */
export function buildEdges(s: Scenario, boxes: Map<string, GroupBox> = groupBoxes(s)): Edge[] {
  const edges: Edge[] = [];
  for (const g of s.groups) {
    const box = boxes.get(g.name)!;
    const at = new Map(box.resources.map((r) => [r.name, r]));
    for (const e of box.edges) {
      const src = at.get(e.dependent)!;
      edges.push({
        id: `dep:${e.dependent}->${e.provider}`,
        source: resourceId(e.dependent),
        target: resourceId(e.provider),
        type: 'routed',
        data: {
          or: e.or,
          points: e.points,
          anchor: { x: src.x, y: src.y },
        } satisfies EdgeData,
        focusable: false,
        selectable: false,
        className: e.or ? 'dep dep-or' : 'dep dep-and',
        markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: e.or ? '#b45309' : '#475569' },
        // OR sets are dashed *and* labelled, so the difference is not carried by line style alone.
        ...(e.or ? { label: 'OR' } : {}),
        ariaLabel: `${e.dependent} depends on ${e.provider}${e.or ? ' (one of an OR set)' : ''}`,
      });
    }
  }
  return edges;
}
