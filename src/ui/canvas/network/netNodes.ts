/**
 * The network drawing's parts that React Flow places as nodes (so "Fit View" and the first fit keep
 * them in view): a tinted region per run of one site's cards, drawn behind them; the witness under
 * the row; while partitioned, an empty band above the row where the side labels go; with Routes on,
 * one under it where the route lanes run. Built only
 * in network or site mode; a plain scenario gets none.
 */
import type { Node } from '@xyflow/react';
import type { Scenario } from '../../../engine';
import { nodeId } from '../layout';
import { laneBand, rowSpan, SIDE_BAND, siteRegions, witnessRect, type Box } from './overlayGeometry';

export type SiteNodeData = { site: string; nodes: string[] };

const fixed = (x: number, y: number, w: number, h: number) => ({
  position: { x, y },
  width: w,
  height: h,
  measured: { width: w, height: h },
  handles: [],
  draggable: false,
  selectable: false,
  focusable: false,
});

/** The cards' boxes in arrangement order (top-level region nodes only). */
export function cardBoxes(nodes: readonly Node[], names: readonly string[]): Box[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return names
    .flatMap((name) => {
      const n = byId.get(nodeId(name));
      return n && !n.parentId ? [{ name, x: n.position.x, y: n.position.y, w: n.width ?? 0, h: n.height ?? 0 }] : [];
    })
    .sort((a, b) => a.x - b.x);
}

export function networkNodes(
  s: Scenario,
  regions: readonly Node[],
  partitioned: boolean,
  textScale: number,
  routes = false,
): Node[] {
  const boxes = cardBoxes(
    regions,
    s.nodes.map((n) => n.name),
  );
  if (!boxes.length) return [];
  const siteOf = new Map(s.nodes.map((n) => [n.name, n.site ?? null]));
  const sites = siteRegions(boxes, siteOf);
  const span = rowSpan(boxes, sites);
  const out: Node[] = sites.map((r) => ({
    id: `net-site:${r.site}:${r.nodes[0] ?? ''}`,
    type: 'net-site',
    ...fixed(r.x, r.y, r.w, r.h),
    zIndex: -1,
    ariaLabel: `Site ${r.site}: ${r.nodes.join(', ')}`,
    data: { site: r.site, nodes: r.nodes } satisfies SiteNodeData,
  }));
  if (s.cluster.quorum.witness !== 'none') {
    // Up to three lines of witness text at the canvas text size (22 px × scale), where it lives, padding.
    // With Routes on, the lanes run under the row (./NetworkOverlay): the witness goes under them.
    const lanes = routes ? laneBand(boxes.length) : 0;
    const w = witnessRect(boxes, { bottom: span.bottom + lanes }, Math.round(30 + 100 * textScale));
    out.push({ id: 'net-witness', type: 'net-witness', ...fixed(w.x, w.y, w.w, w.h), data: {} });
  }
  if (routes && laneBand(boxes.length) > 0) {
    const left = Math.min(...boxes.map((b) => b.x));
    const right = Math.max(...boxes.map((b) => b.x + b.w));
    out.push({
      id: 'net-lanes',
      type: 'net-band',
      ...fixed(left, span.bottom, right - left, laneBand(boxes.length)),
      data: {},
    });
  }
  if (partitioned) {
    const left = Math.min(...boxes.map((b) => b.x));
    const right = Math.max(...boxes.map((b) => b.x + b.w));
    out.push({
      id: 'net-band',
      type: 'net-band',
      ...fixed(left, span.top - SIDE_BAND, right - left, SIDE_BAND),
      data: {},
    });
  }
  return out;
}
