/**
 * Dependency edges of Design mode routed around the cards, wherever the user placed them. An edge
 * leaves its dependent's bottom and arrives on its provider's top (arrow dependent → provider, as in
 * Simulate, ../../ui/canvas/routing). Simulate can guarantee free lanes by layout; here the cards are
 * hand-placed, so the route is searched: a shortest orthogonal path with few bends over the grid of
 * lines that run a margin outside every card. Such lines never enter a card's margin, so no route
 * passes under a card (the property test checks it on random placements).
 */
import type { Point } from '../../ui/canvas/routing';

export interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface EdgeRequest {
  id: string;
  from: string;
  to: string;
}

/** Distance kept between a route and any card. */
export const MARGIN = 12;
const BEND = 40;

/** Routes by edge id: absolute polylines from the dependent's bottom to the provider's top. */
export function routeEdges(boxes: readonly Box[], requests: readonly EdgeRequest[]): Map<string, Point[]> {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  // Ports spread along a card's bottom (out) and top (in), ordered by where the other end is.
  const outs = new Map<string, EdgeRequest[]>();
  const ins = new Map<string, EdgeRequest[]>();
  for (const r of requests) {
    if (!byId.has(r.from) || !byId.has(r.to)) continue;
    (outs.get(r.from) ?? outs.set(r.from, []).get(r.from)!).push(r);
    (ins.get(r.to) ?? ins.set(r.to, []).get(r.to)!).push(r);
  }
  const portX = new Map<string, { out: number; in: number }>();
  const cx = (id: string) => byId.get(id)!.x + byId.get(id)!.w / 2;
  const spread = (list: EdgeRequest[], card: Box, other: (r: EdgeRequest) => string, key: 'out' | 'in') => {
    const sorted = [...list].sort((a, b) => cx(other(a)) - cx(other(b)));
    sorted.forEach((r, i) => {
      const p = portX.get(r.id) ?? { out: 0, in: 0 };
      p[key] = card.x + (card.w * (i + 1)) / (sorted.length + 1);
      portX.set(r.id, p);
    });
  };
  for (const [id, list] of outs) spread(list, byId.get(id)!, (r) => r.to, 'out');
  for (const [id, list] of ins) spread(list, byId.get(id)!, (r) => r.from, 'in');

  const grid = new Grid(boxes);
  const out = new Map<string, Point[]>();
  for (const r of requests) {
    const a = byId.get(r.from);
    const b = byId.get(r.to);
    const p = portX.get(r.id);
    if (!a || !b || !p) continue;
    const start = { x: p.out, y: a.y + a.h };
    const end = { x: p.in, y: b.y };
    const path = grid.route({ x: start.x, y: start.y + MARGIN }, { x: end.x, y: end.y - MARGIN });
    out.set(r.id, simplify(path ? [start, ...path, end] : [start, end]));
  }
  return out;
}

/** Does the open interior of `b` grown by `m` meet the segment p–q (axis-parallel)? */
export function segmentHitsBox(p: Point, q: Point, b: Box, m = 0): boolean {
  const left = b.x - m;
  const right = b.x + b.w + m;
  const top = b.y - m;
  const bottom = b.y + b.h + m;
  const x1 = Math.min(p.x, q.x);
  const x2 = Math.max(p.x, q.x);
  const y1 = Math.min(p.y, q.y);
  const y2 = Math.max(p.y, q.y);
  return x2 > left && x1 < right && y2 > top && y1 < bottom;
}

class Grid {
  private readonly xs: number[];
  private readonly ys: number[];

  constructor(private readonly boxes: readonly Box[]) {
    const xs = new Set<number>();
    const ys = new Set<number>();
    for (const b of boxes) {
      xs.add(b.x - MARGIN).add(b.x + b.w + MARGIN);
      ys.add(b.y - MARGIN).add(b.y + b.h + MARGIN);
    }
    this.xs = [...xs].sort((a, b) => a - b);
    this.ys = [...ys].sort((a, b) => a - b);
  }

  /** Blocked: inside a card grown by just under the margin (lines at the margin stay free). */
  private blocked(p: Point, q: Point): boolean {
    return this.boxes.some((b) => segmentHitsBox(p, q, b, MARGIN - 1));
  }

  /** Shortest path (length plus a cost per bend) between two free points, over the grid and their own lines. */
  route(s: Point, t: Point): Point[] | null {
    if (this.blocked(s, s) || this.blocked(t, t)) return null;
    const xs = [...new Set([...this.xs, s.x, t.x])].sort((a, b) => a - b);
    const ys = [...new Set([...this.ys, s.y, t.y])].sort((a, b) => a - b);
    const W = xs.length;
    const H = ys.length;
    const key = (i: number, j: number, d: number) => (j * W + i) * 4 + d;
    const dist = new Float64Array(W * H * 4).fill(Infinity);
    const prev = new Int32Array(W * H * 4).fill(-1);
    const si = xs.indexOf(s.x);
    const sj = ys.indexOf(s.y);
    const ti = xs.indexOf(t.x);
    const tj = ys.indexOf(t.y);
    // Directions: 0 right, 1 left, 2 down, 3 up. The route leaves downwards and arrives downwards.
    const heap = new MinHeap();
    dist[key(si, sj, 2)] = 0;
    heap.push(0, key(si, sj, 2));
    const step = [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ] as const;
    let found = -1;
    while (heap.size) {
      const [d0, k] = heap.pop()!;
      if (d0 > dist[k]!) continue;
      const dir = k % 4;
      const cell = (k - dir) / 4;
      const i = cell % W;
      const j = (cell - i) / W;
      if (i === ti && j === tj) {
        found = k;
        if (dir === 2) break;
        continue;
      }
      for (let nd = 0; nd < 4; nd++) {
        const [dx, dy] = step[nd]!;
        const ni = i + dx;
        const nj = j + dy;
        if (ni < 0 || nj < 0 || ni >= W || nj >= H) continue;
        if ((nd ^ 1) === dir && d0 > 0) continue; // no U-turn on the spot
        const p = { x: xs[i]!, y: ys[j]! };
        const q = { x: xs[ni]!, y: ys[nj]! };
        if (this.blocked(p, q)) continue;
        // Arriving at the provider from below would mean entering it upwards: only downwards.
        const nk = key(ni, nj, nd);
        const cost = d0 + Math.abs(q.x - p.x) + Math.abs(q.y - p.y) + (nd === dir ? 0 : BEND);
        if (cost < dist[nk]!) {
          dist[nk] = cost;
          prev[nk] = k;
          heap.push(cost, nk);
        }
      }
    }
    if (found < 0) return null;
    const best = [0, 1, 2, 3]
      .map((d) => key(ti, tj, d))
      .reduce((a, b) => (dist[b]! + (b % 4 === 2 ? 0 : BEND) < dist[a]! + (a % 4 === 2 ? 0 : BEND) ? b : a));
    const points: Point[] = [];
    for (let k = best; k >= 0; k = prev[k]!) {
      const cell = (k - (k % 4)) / 4;
      const i = cell % W;
      points.push({ x: xs[i]!, y: ys[(cell - i) / W]! });
    }
    return points.reverse();
  }
}

/** Drop repeated points and the middle of straight runs. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y)))
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

class MinHeap {
  private readonly a: [number, number][] = [];
  get size(): number {
    return this.a.length;
  }
  push(p: number, v: number): void {
    const a = this.a;
    a.push([p, v]);
    for (let i = a.length - 1; i > 0;) {
      const up = (i - 1) >> 1;
      if (a[up]![0] <= a[i]![0]) break;
      [a[up], a[i]] = [a[i]!, a[up]!];
      i = up;
    }
  }
  pop(): [number, number] | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]![0] < a[m]![0]) m = l;
        if (r < a.length && a[r]![0] < a[m]![0]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
