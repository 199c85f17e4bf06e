/**
 * Where the network overlay draws, in flow coordinates, from the node regions' boxes: a bracket
 * under each run of nodes of one site, a cut line between neighbours on different sides of a
 * partition, an arc above the row for each route, and the witness beside the row.
 */
export interface Box {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SiteBracket {
  site: string;
  x1: number;
  x2: number;
  y: number;
}

/** One bracket per run of neighbouring regions with the same site (sites are usually contiguous by ID). */
export function siteBrackets(boxes: Box[], siteOf: Map<string, string | null>): SiteBracket[] {
  const out: SiteBracket[] = [];
  const bottom = Math.max(0, ...boxes.map((b) => b.y + b.h));
  for (const b of boxes) {
    const site = siteOf.get(b.name);
    if (!site) continue;
    const last = out[out.length - 1];
    const prev = boxes[boxes.indexOf(b) - 1];
    if (last && last.site === site && prev && siteOf.get(prev.name) === site) last.x2 = b.x + b.w;
    else out.push({ site, x1: b.x, x2: b.x + b.w, y: bottom + 14 });
  }
  return out;
}

/** A vertical cut between each pair of neighbouring regions on different sides. */
export function cutLines(boxes: Box[], side: Map<string, number>): { x: number; y1: number; y2: number }[] {
  const out: { x: number; y1: number; y2: number }[] = [];
  for (let i = 1; i < boxes.length; i++) {
    const a = boxes[i - 1]!;
    const b = boxes[i]!;
    const sa = side.get(a.name);
    const sb = side.get(b.name);
    if (sa === undefined || sb === undefined || sa === sb) continue;
    out.push({ x: (a.x + a.w + b.x) / 2, y1: Math.min(a.y, b.y) - 30, y2: Math.max(a.y + a.h, b.y + b.h) + 40 });
  }
  return out;
}

/** An arc above the row from a's top centre to b's; farther pairs arc higher so arcs do not overlap. */
export function routeArc(a: Box, b: Box, rank: number): { d: string; labelX: number; labelY: number } {
  const xa = a.x + a.w / 2;
  const xb = b.x + b.w / 2;
  const y = Math.min(a.y, b.y);
  const lift = 80 + 60 * rank;
  // A quadratic curve's apex is halfway to its control point.
  return { d: `M ${xa} ${y} Q ${(xa + xb) / 2} ${y - 2 * lift} ${xb} ${y}`, labelX: (xa + xb) / 2, labelY: y - lift };
}

/** Runs of neighbouring regions on one side of the partition: where each side's label goes. */
export function sideRuns(
  boxes: Box[],
  side: Map<string, number>,
): { side: number; x1: number; x2: number; y: number }[] {
  const out: { side: number; x1: number; x2: number; y: number }[] = [];
  const top = Math.min(...boxes.map((b) => b.y));
  boxes.forEach((b, i) => {
    const s = side.get(b.name);
    if (s === undefined) return;
    const last = out[out.length - 1];
    const prev = boxes[i - 1];
    if (last && last.side === s && prev && side.get(prev.name) === s) last.x2 = b.x + b.w;
    else out.push({ side: s, x1: b.x, x2: b.x + b.w, y: top - 12 });
  });
  return out;
}
