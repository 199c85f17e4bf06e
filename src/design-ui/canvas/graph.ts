/**
 * Raw scenario → React Flow nodes and edges for the Design canvas. Positions come from
 * `ui.positions` (nodes and groups absolute, resources relative to their group); anything without
 * one gets a default place: servers in a row on top, groups in a row below, resources inside their
 * group in dependency layers with providers below their dependents (as the WSFC dependency report
 * draws it). Group boxes grow to hold their resources.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { longestPathLayers } from '../../engine';
import {
  getPosition,
  groupsOf,
  nodesOf,
  readDeps,
  resourcesOf,
  type Position,
  type RawGroup,
  type RawScenario,
} from '../../design/edit/ops';
import { defaultServerPosition, serverNetworks, siteRegionNodes } from './siteRegions';

export const RES_W = 170;
export const RES_H = 64;
export const NODE_W = 150;
export const NODE_H = 48;
const GAP_X = 24;
const GAP_Y = 44;
const PAD = 16;
const HEAD = 44;
const GROUP_GAP = 48;
const GROUP_TOP = 120;

export const dNodeId = (name: string) => `n:${name}`;
export const dGroupId = (name: string) => `g:${name}`;
export const dResId = (name: string) => `r:${name}`;
export const edgeId = (dependent: string, provider: string) => `e:${JSON.stringify([dependent, provider])}`;

export function parseId(id: string): { kind: 'node' | 'group' | 'resource'; name: string } | null {
  const name = id.slice(2);
  if (id.startsWith('n:')) return { kind: 'node', name };
  if (id.startsWith('g:')) return { kind: 'group', name };
  if (id.startsWith('r:')) return { kind: 'resource', name };
  return null;
}

export function parseEdgeId(id: string): { dependent: string; provider: string } | null {
  if (!id.startsWith('e:')) return null;
  const [dependent, provider] = JSON.parse(id.slice(2)) as [string, string];
  return { dependent, provider };
}

export type DNodeData = { name: string; state: string; site?: string; networks?: string };
export type DGroupData = { name: string; count: number };
export type DResData = { name: string; type: string };
export type DEdgeData = { or: boolean };

/** Default relative positions of a group's resources: dependents on top, providers below. */
export function defaultResourcePositions(g: RawGroup): Map<string, Position> {
  const rs = resourcesOf(g);
  const names = new Set(rs.map((r) => r.name));
  const dependentsOf = new Map<string, string[]>(rs.map((r) => [r.name, []]));
  for (const r of rs) for (const p of (readDeps(r) ?? []).flat()) if (names.has(p)) dependentsOf.get(p)!.push(r.name);
  const level = longestPathLayers(
    rs.map((r) => r.name),
    (n) => dependentsOf.get(n) ?? [],
  );
  const rows: string[][] = [];
  for (const r of rs) (rows[level.get(r.name)!] ??= []).push(r.name);
  const out = new Map<string, Position>();
  rows.forEach((row, li) =>
    row?.forEach((n, i) => out.set(n, { x: PAD + i * (RES_W + GAP_X), y: HEAD + li * (RES_H + GAP_Y) })),
  );
  return out;
}

export interface GroupBox {
  x: number;
  y: number;
  w: number;
  h: number;
  resources: Map<string, Position>;
}

export function groupBoxes(raw: RawScenario): Map<string, GroupBox> {
  const out = new Map<string, GroupBox>();
  let nextX = 20;
  for (const g of groupsOf(raw)) {
    const defaults = defaultResourcePositions(g);
    const resources = new Map<string, Position>();
    for (const r of resourcesOf(g))
      resources.set(r.name, getPosition(raw, { kind: 'resource', name: r.name }) ?? defaults.get(r.name)!);
    let w = 2 * PAD + RES_W + 60;
    let h = HEAD + RES_H + PAD + 40;
    for (const p of resources.values()) {
      w = Math.max(w, p.x + RES_W + PAD);
      h = Math.max(h, p.y + RES_H + PAD);
    }
    const pos = getPosition(raw, { kind: 'group', name: g.name }) ?? { x: nextX, y: GROUP_TOP };
    nextX = Math.max(nextX, pos.x + w + GROUP_GAP);
    out.set(g.name, { ...pos, w, h, resources });
  }
  return out;
}

export function buildGraph(raw: RawScenario): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = [];
  const edges: Edge[] = [];
  const servers = new Map<string, Node>();
  nodesOf(raw).forEach((n, i) => {
    const server: Node = {
      id: dNodeId(n.name),
      type: 'dnode',
      position: getPosition(raw, { kind: 'node', name: n.name }) ?? defaultServerPosition(raw, i, NODE_W),
      data: {
        name: n.name,
        state: typeof n.state === 'string' ? n.state : 'Up',
        site: typeof n.site === 'string' ? n.site : undefined,
        networks: serverNetworks(raw, n),
      } satisfies DNodeData,
      width: NODE_W,
      height: NODE_H,
    };
    servers.set(n.name, server);
    nodes.push(server);
  });
  nodes.unshift(...siteRegionNodes(raw, servers));
  const boxes = groupBoxes(raw);
  for (const g of groupsOf(raw)) {
    const box = boxes.get(g.name)!;
    nodes.push({
      id: dGroupId(g.name),
      type: 'dgroup',
      position: { x: box.x, y: box.y },
      data: { name: g.name, count: resourcesOf(g).length } satisfies DGroupData,
      style: { width: box.w, height: box.h },
      width: box.w,
      height: box.h,
      zIndex: 0,
    });
    for (const r of resourcesOf(g)) {
      nodes.push({
        id: dResId(r.name),
        type: 'dres',
        parentId: dGroupId(g.name),
        position: box.resources.get(r.name)!,
        data: { name: r.name, type: typeof r.type === 'string' ? r.type : 'Generic Application' } satisfies DResData,
        width: RES_W,
        height: RES_H,
        zIndex: 1,
      });
      for (const set of readDeps(r) ?? []) {
        for (const p of set) {
          edges.push({
            id: edgeId(r.name, p),
            source: dResId(r.name),
            target: dResId(p),
            type: 'default',
            label: set.length > 1 ? 'OR' : undefined,
            className: set.length > 1 ? 'dep-or' : 'dep-and',
            data: { or: set.length > 1 } satisfies DEdgeData,
            ariaLabel: `${r.name} depends on ${p}${set.length > 1 ? ' (OR)' : ''}`,
            zIndex: 2,
            markerEnd: {
              type: MarkerType.ArrowClosed,
              width: 18,
              height: 18,
              color: set.length > 1 ? '#b26a00' : '#55657e',
            },
          });
        }
      }
    }
  }
  return { nodes, edges };
}
