/**
 * Where the network drawing goes, in flow coordinates, from the node cards' boxes (pure, tested):
 * the order of the cards (site by site; side by side while partitioned), a tinted region around
 * each run of one site's cards, the cut between the sides, each side's extent for its label, the
 * witness under the row, and the screen rectangles of the side labels.
 */
export interface Box {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Space around a site's cards, and above them for the site's name. */
export const SITE_PAD = 22;
export const SITE_HEAD = 46;
/** Between two runs of cards (another site or another side): both runs' padding and room for the cut. */
export const BREAK_GAP = 2 * SITE_PAD + 76;
/** Above the row while partitioned: the side labels (drawn at screen size, ./SideLabels) sit here. */
export const SIDE_BAND = 110;
export const WITNESS_W = 560;
const WITNESS_GAP = 48;

export interface Arrangement {
  order: string[];
  /** Cards that start a new run (a new site or a new side): a wider gap before them. */
  breakBefore: Set<string>;
}

/**
 * Cards site by site (sites in order of first appearance, nodes by ID inside a site); while
 * partitioned, side by side first (side order), keeping that site order inside each side. Why
 * reorder: a partition such as N1+N3 against N2 could not be drawn as one line over the cards in ID
 * order; sorted by side, every side is one contiguous run and one straight cut separates each pair
 * of neighbouring sides.
 */
export function arrange(
  nodes: readonly { name: string; site: string | null }[],
  side: Map<string, number>,
): Arrangement {
  const siteRank = new Map<string, number>();
  for (const n of nodes) if (n.site !== null && !siteRank.has(n.site)) siteRank.set(n.site, siteRank.size);
  const key = (n: { name: string; site: string | null }, id: number) => [
    side.get(n.name) ?? 0,
    n.site === null ? 0 : (siteRank.get(n.site) ?? 0),
    id,
  ];
  const sorted = nodes
    .map((n, id) => ({ n, k: key(n, id) }))
    .sort((a, b) => a.k[0]! - b.k[0]! || a.k[1]! - b.k[1]! || a.k[2]! - b.k[2]!);
  const breakBefore = new Set<string>();
  sorted.forEach((x, i) => {
    const prev = sorted[i - 1];
    if (prev && (prev.k[0] !== x.k[0] || prev.k[1] !== x.k[1])) breakBefore.add(x.n.name);
  });
  return { order: sorted.map((x) => x.n.name), breakBefore };
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SiteRegion extends Rect {
  site: string;
  nodes: string[];
}

/** One region per run of neighbouring cards of one site (a partition across a site splits it in two runs). */
export function siteRegions(boxes: readonly Box[], siteOf: Map<string, string | null>): SiteRegion[] {
  const out: SiteRegion[] = [];
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  let prevSite: string | null | undefined;
  for (const b of boxes) {
    const site = siteOf.get(b.name) ?? null;
    const last = out[out.length - 1];
    if (site !== null && last && prevSite === site) {
      last.w = b.x + b.w + SITE_PAD - last.x;
      last.nodes.push(b.name);
    } else if (site !== null) {
      out.push({
        site,
        nodes: [b.name],
        x: b.x - SITE_PAD,
        y: top - SITE_HEAD,
        w: b.w + 2 * SITE_PAD,
        h: bottom - top + SITE_HEAD + SITE_PAD,
      });
    }
    prevSite = site;
  }
  return out;
}

export interface SideRun {
  side: number;
  x1: number;
  x2: number;
}

/** Runs of neighbouring cards on one side of the partition (one per side once arranged). */
export function sideRuns(boxes: readonly Box[], side: Map<string, number>): SideRun[] {
  const out: SideRun[] = [];
  boxes.forEach((b, i) => {
    const s = side.get(b.name);
    if (s === undefined) return;
    const last = out[out.length - 1];
    const prev = boxes[i - 1];
    if (last && last.side === s && prev && side.get(prev.name) === s) last.x2 = b.x + b.w;
    else out.push({ side: s, x1: b.x, x2: b.x + b.w });
  });
  return out;
}

/** The top and bottom of everything drawn around the cards (site regions included). */
export function rowSpan(boxes: readonly Box[], sites: readonly SiteRegion[]): { top: number; bottom: number } {
  const top = Math.min(...boxes.map((b) => b.y), ...sites.map((s) => s.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h), ...sites.map((s) => s.y + s.h));
  return { top, bottom };
}

/** A vertical cut in the middle of the gap between each pair of neighbouring side runs, over the whole row. */
export function cutLines(
  boxes: readonly Box[],
  side: Map<string, number>,
  span: { top: number; bottom: number },
): { x: number; y1: number; y2: number }[] {
  const runs = sideRuns(boxes, side);
  return runs.slice(1).map((r, i) => ({ x: (runs[i]!.x2 + r.x1) / 2, y1: span.top - SIDE_BAND, y2: span.bottom + 24 }));
}

/**
 * The witness: outside every site (a file share or cloud witness is a third place; a disk is
 * shared storage, in no node's card), under the row, centred between the two middle runs of cards.
 */
export function witnessRect(boxes: readonly Box[], span: { bottom: number }, h: number): Rect {
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  return { x: (left + right) / 2 - WITNESS_W / 2, y: span.bottom + WITNESS_GAP, w: WITNESS_W, h };
}

/**
 * Screen room for the side labels: each label is centred over its side's cards (`centre`) and may
 * use the room up to the neighbouring cuts (the outer sides: up to the pane's edges), never past
 * them, so two labels never overlap however narrow a side is. Their bottom is just above the row.
 */
export function sideLabelRects(
  runs: readonly SideRun[],
  rowTop: number,
  [tx, ty, zoom]: readonly [number, number, number],
  paneWidth: number,
): { side: number; left: number; width: number; centre: number; bottom: number }[] {
  const sx = (x: number) => x * zoom + tx;
  return runs.map((r, i) => {
    const prev = runs[i - 1];
    const next = runs[i + 1];
    const lo = prev ? sx((prev.x2 + r.x1) / 2) + 6 : 0;
    const hi = Math.max(lo, next ? sx((r.x2 + next.x1) / 2) - 6 : paneWidth);
    return { side: r.side, left: lo, width: hi - lo, centre: sx((r.x1 + r.x2) / 2), bottom: (rowTop - 6) * zoom + ty };
  });
}

/** Where a label `w` wide goes in its room: centred on `centre`, moved inside the room when it would stick out. */
export function placeInRoom(room: { left: number; width: number; centre: number }, w: number): number {
  const x = room.centre - w / 2;
  return Math.max(room.left, Math.min(room.left + room.width - w, x));
}

/** Under the row when Routes is on: one lane per pair of nodes, this far apart (flow px). */
export const LANE_GAP = 30;
/** More nodes than this: the routes are listed only (n(n−1)/2 lanes would not read). */
export const MAX_LANE_NODES = 8;

/** The height of the lanes' band: every pair gets its own lane, so lanes never share a line. */
export const laneBand = (nodes: number) =>
  nodes > MAX_LANE_NODES || nodes < 2 ? 0 : ((nodes * (nodes - 1)) / 2) * LANE_GAP + LANE_GAP;

/**
 * An orthogonal lane for each pair of cards, under the row: down from a's bottom, across at the
 * pair's own depth, up to b's bottom. Nearer pairs run higher, so nested lanes never cross; each
 * card spreads its pairs' drops across its middle, the farther partners outward.
 */
export function routeLanes(boxes: readonly Box[], bottom: number): { a: string; b: string; d: string; y: number }[] {
  if (boxes.length > MAX_LANE_NODES) return [];
  const pairs: { i: number; j: number }[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) pairs.push({ i, j });
  pairs.sort((p, q) => p.j - p.i - (q.j - q.i) || p.i - q.i);
  // Where card k's drop for partner m goes: partners left of k on the left half, right on the right, farther ones outward.
  const slot = (k: number, m: number) => {
    const b = boxes[k]!;
    const n = boxes.length - 1;
    const rank = m < k ? m : m - 1; // 0…n−1, left to right
    return b.x + b.w * (0.2 + (0.6 * (rank + 0.5)) / n);
  };
  return pairs.map((p, depth) => {
    const y = bottom + LANE_GAP * (depth + 1);
    const xa = slot(p.i, p.j);
    const xb = slot(p.j, p.i);
    const a = boxes[p.i]!;
    const b = boxes[p.j]!;
    return { a: a.name, b: b.name, y, d: `M ${xa} ${a.y + a.h} V ${y} H ${xb} V ${b.y + b.h}` };
  });
}
