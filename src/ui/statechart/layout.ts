/**
 * Places a machine's top-level states on an ellipse (for a parallel root, the states of its first
 * region) and draws each transition as a straight arrow between the boxes (bent apart when two
 * states have arrows both ways, a loop for a transition that stays). A transition between
 * sub-states is drawn on the box that holds them (the view lists sub-states inside it), so the
 * diagram stays the five WSFC states a trainer talks about. Small machines only.
 */
import type { ChartGraph } from './machineGraph';

export interface Box {
  id: string;
  /** The state's own name (its key; the id is the dot path from the root). */
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Edge {
  source: string;
  target: string;
  path: string;
}

const W = 380;
const H = 250;
const BOX_W = 118;
const BOX_H = 28;

/** The states the diagram draws as boxes: the root's children, or its first region's when the root is parallel. */
export function diagramStates(graph: ChartGraph): ChartGraph['states'] {
  const level = graph.parallel ? (graph.states.find((s) => s.depth === 0)?.id ?? null) : null;
  return graph.states.filter((s) => s.parent === level);
}

/** The diagram box a state is drawn in (itself or its ancestor), or undefined when it is outside the diagram. */
export function boxOf(boxIds: readonly string[], id: string): string | undefined {
  return boxIds.find((b) => id === b || id.startsWith(`${b}.`));
}

export function layoutChart(graph: ChartGraph): { width: number; height: number; boxes: Box[]; edges: Edge[] } {
  const top = diagramStates(graph);
  const cx = W / 2;
  const cy = H / 2;
  const boxes: Box[] = top.map((s, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / top.length;
    return {
      id: s.id,
      label: s.key,
      x: cx + 130 * Math.cos(a) - BOX_W / 2,
      y: cy + 90 * Math.sin(a) - BOX_H / 2,
      w: BOX_W,
      h: BOX_H,
    };
  });
  const at = new Map(boxes.map((b) => [b.id, b]));
  const seen = new Set<string>();
  const edges: Edge[] = [];
  const ids = top.map((s) => s.id);
  const pairs = graph.transitions.flatMap((t) => {
    const source = boxOf(ids, t.source);
    const target = boxOf(ids, t.target);
    // Between sub-states of one box: listed inside the box, not drawn. A transition that stays on
    // a box itself is drawn as a loop.
    if (!source || !target || (source === target && (t.internal || t.source !== source || t.target !== target)))
      return [];
    return [{ source, target }];
  });
  for (const t of pairs) {
    const key = `${t.source}>${t.target}`;
    if (seen.has(key)) continue; // one arrow per pair of states; the list below names every event
    seen.add(key);
    const a = at.get(t.source);
    const b = at.get(t.target);
    if (!a || !b) continue;
    if (a === b) {
      const x = a.x + a.w - 14;
      edges.push({ source: t.source, target: t.target, path: `M${x},${a.y} c 10,-22 30,-8 16,6` });
      continue;
    }
    const both = pairs.some((u) => u.source === t.target && u.target === t.source);
    edges.push({ source: t.source, target: t.target, path: arrow(a, b, both ? 7 : 0) });
  }
  return { width: W, height: H, boxes, edges };
}

/** From box a's edge to box b's edge along the line between their centres, shifted sideways by `off`. */
function arrow(a: Box, b: Box, off: number): string {
  const [ax, ay] = [a.x + a.w / 2, a.y + a.h / 2];
  const [bx, by] = [b.x + b.w / 2, b.y + b.h / 2];
  const len = Math.hypot(bx - ax, by - ay) || 1;
  const [ux, uy] = [(bx - ax) / len, (by - ay) / len];
  const [nx, ny] = [-uy * off, ux * off];
  const cut = (bw: number, bh: number) => Math.min(Math.abs(bw / 2 / (ux || 1e-9)), Math.abs(bh / 2 / (uy || 1e-9)));
  const s = cut(a.w, a.h);
  const e = cut(b.w, b.h) + 2;
  const f = (n: number) => n.toFixed(1);
  return `M${f(ax + ux * s + nx)},${f(ay + uy * s + ny)} L${f(bx - ux * e + nx)},${f(by - uy * e + ny)}`;
}
