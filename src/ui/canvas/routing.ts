/**
 * One group's resources in dependency layers and its dependency edges routed so that no edge ever
 * runs under a card. Dependents are on top and every arrow points down, from the dependent to its
 * provider: the orientation of Design mode and of Failover Cluster Manager's dependency report
 * (the role's top resource first, what it needs below it).
 *
 * The routing is a layout guarantee, not a search: cards sit in rows (layers) with a free gap
 * between rows and a free channel on the group's left. An edge between adjacent layers drops from
 * its dependent into the gap below, runs along its own lane in that gap and drops onto the
 * provider. An edge that skips layers runs along a gap lane to its own lane in the left channel,
 * down the channel, and back along a lane of the gap above its provider. Gaps and the channel are
 * as wide as their lane count needs, so lanes never share a horizontal or vertical run.
 */
import { longestPathLayers, type GroupSpec } from '../../engine';

export const RES_W = 200;
export const RES_H = 132;
const RES_GAP_X = 16;
/** Smallest gap between two layers; grows with the lanes that run through it. */
const MIN_GAP_Y = 34;
const LANE = 10;
export const GROUP_PAD = 14;
export const GROUP_HEAD = 104;

export interface Point {
  x: number;
  y: number;
}

export interface RoutedEdge {
  dependent: string;
  provider: string;
  /** Member of an OR set (one of several alternatives) rather than a plain AND dependency. */
  or: boolean;
  /** Polyline relative to the group's top-left, from the dependent's bottom to the provider's top. */
  points: Point[];
}

export interface GroupBox {
  w: number;
  h: number;
  resources: { name: string; x: number; y: number }[];
  edges: RoutedEdge[];
}

interface Dep {
  dependent: string;
  provider: string;
  or: boolean;
}

export function layoutGroup(g: GroupSpec): GroupBox {
  const names = g.resources.map((r) => r.name);
  const inGroup = new Set(names);
  const deps: Dep[] = [];
  for (const r of g.resources)
    for (const set of r.dependsOn)
      for (const p of set)
        if (inGroup.has(p) && p !== r.name) deps.push({ dependent: r.name, provider: p, or: set.length > 1 });
  const dependents = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const d of deps) dependents.get(d.provider)!.push(d.dependent);
  const layerOf = longestPathLayers(names, (n) => dependents.get(n) ?? []);

  // Rows, each ordered by the mean column of the dependents above (fewer crossings), stable.
  const rows: string[][] = [];
  for (const n of names) (rows[layerOf.get(n)!] ??= []).push(n);
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const col = new Map<string, number>();
  rows.forEach((row, li) => {
    if (li > 0) {
      const score = (n: string) => {
        const above = (dependents.get(n) ?? []).map((d) => col.get(d)).filter((c) => c !== undefined);
        return above.length ? above.reduce((a, b) => a + b, 0) / above.length : Infinity;
      };
      const scored = row.map((n, i) => ({ n, i, s: score(n) }));
      scored.sort((a, b) => a.s - b.s || a.i - b.i);
      rows[li] = scored.map((x) => x.n);
    }
    rows[li]!.forEach((n, i) => col.set(n, i - (rows[li]!.length - 1) / 2));
  });

  // Lanes: per gap (between row i and i+1) and in the left channel.
  const long = deps.filter((d) => layerOf.get(d.provider)! - layerOf.get(d.dependent)! > 1);
  const gapLanes: Dep[][] = rows.map(() => []);
  for (const d of deps) {
    const ld = layerOf.get(d.dependent)!;
    const lp = layerOf.get(d.provider)!;
    if (lp <= ld) continue; // cannot happen in a valid (acyclic) group
    gapLanes[ld]!.push(d);
    if (lp - ld > 1) gapLanes[lp - 1]!.push(d);
  }
  const channelW = long.length ? long.length * LANE + LANE : 0;
  const left = GROUP_PAD + channelW;
  const widest = Math.max(1, ...rows.map((r) => r.length));
  const rowsW = widest * RES_W + (widest - 1) * RES_GAP_X;
  const w = left + rowsW + GROUP_PAD;
  const gapH = gapLanes.map((l) => Math.max(MIN_GAP_Y, (l.length + 1) * LANE));

  const pos = new Map<string, Point>();
  let y = GROUP_HEAD;
  rows.forEach((row, li) => {
    const x0 = left + (rowsW - (row.length * RES_W + (row.length - 1) * RES_GAP_X)) / 2;
    row.forEach((n, i) => pos.set(n, { x: x0 + i * (RES_W + RES_GAP_X), y }));
    y += RES_H + (li < rows.length - 1 ? gapH[li]! : 0);
  });
  const h = Math.max(y + GROUP_PAD, GROUP_HEAD + GROUP_PAD);

  // Ports spread along each card's bottom (out) and top (in), ordered by where the other end is.
  const centre = (n: string) => pos.get(n)!.x + RES_W / 2;
  const outPort = new Map<Dep, number>();
  const inPort = new Map<Dep, number>();
  const spread = (list: Dep[], card: string, key: (d: Dep) => number, into: Map<Dep, number>) => {
    const sorted = [...list].sort((a, b) => key(a) - key(b));
    const p = pos.get(card)!;
    sorted.forEach((d, i) => into.set(d, p.x + (RES_W * (i + 1)) / (sorted.length + 1)));
  };
  // An edge that skips layers leaves and arrives on the left, where the channel is.
  const isLong = (d: Dep) => long.includes(d);
  for (const n of names) {
    const out = deps.filter((d) => d.dependent === n);
    spread(out, n, (d) => (isLong(d) ? -1 : centre(d.provider)), outPort);
    const into = deps.filter((d) => d.provider === n);
    spread(into, n, (d) => (isLong(d) ? -1 : centre(d.dependent)), inPort);
  }
  const laneY = (gap: number, d: Dep) => {
    const top = pos.get(rows[gap]![0]!)!.y + RES_H;
    // Lanes ordered by the dependent's port, so drops do not cross each other needlessly.
    const lanes = [...gapLanes[gap]!].sort((a, b) => outPort.get(a)! - outPort.get(b)!);
    return top + (lanes.indexOf(d) + 1) * (gapH[gap]! / (lanes.length + 1));
  };

  const edges: RoutedEdge[] = deps
    .filter((d) => layerOf.get(d.provider)! > layerOf.get(d.dependent)!)
    .map((d) => {
      const ld = layerOf.get(d.dependent)!;
      const lp = layerOf.get(d.provider)!;
      const sx = outPort.get(d)!;
      const sy = pos.get(d.dependent)!.y + RES_H;
      const tx = inPort.get(d)!;
      const ty = pos.get(d.provider)!.y;
      const y1 = laneY(ld, d);
      if (lp - ld === 1) {
        const points = [
          { x: sx, y: sy },
          { x: sx, y: y1 },
          { x: tx, y: y1 },
          { x: tx, y: ty },
        ];
        return { ...d, points: dedupe(points) };
      }
      const cx = GROUP_PAD + (long.indexOf(d) + 1) * LANE;
      const y2 = laneY(lp - 1, d);
      const points = [
        { x: sx, y: sy },
        { x: sx, y: y1 },
        { x: cx, y: y1 },
        { x: cx, y: y2 },
        { x: tx, y: y2 },
        { x: tx, y: ty },
      ];
      return { ...d, points };
    });

  return { w, h, resources: names.map((n) => ({ name: n, ...pos.get(n)! })), edges };
}

/** Drop a zero-length run (dependent and provider in one column). */
function dedupe(points: Point[]): Point[] {
  return points.filter((p, i) => i === 0 || p.x !== points[i - 1]!.x || p.y !== points[i - 1]!.y);
}

/** SVG path of a polyline. */
export function polylinePath(points: readonly Point[], dx = 0, dy = 0): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x + dx},${p.y + dy}`).join(' ');
}
