/**
 * Sites on the Design canvas (networks.md §1.4): each site is drawn as a region behind the servers
 * it holds. Servers without a saved position are laid out site by site, so a site's servers sit
 * together; the region is the box around its servers, recomputed whenever the document changes.
 */
import type { Node } from '@xyflow/react';
import { isObj, networksOf, roleOf } from '../../design/netRaw';
import { namedNodesOf as nodesOf, type Dict as RawScenario } from '../../design/netRaw';

interface Position {
  x: number;
  y: number;
}

const PAD = 12;
const LABEL = 20;
const SITE_GAP = 36;

export const dSiteId = (name: string) => `s:${name}`;
export type DSiteData = { name: string; count: number };

const siteOf = (n: unknown) => (isObj(n) && typeof n.site === 'string' ? n.site : undefined);

/** Default position of the i-th server: in a row, with a gap between sites (nodes of one site together). */
export function defaultServerPosition(raw: RawScenario, i: number, width: number): Position {
  const nodes = nodesOf(raw);
  const sites: (string | undefined)[] = [];
  for (const n of nodes) if (!sites.includes(siteOf(n))) sites.push(siteOf(n));
  const order = [...nodes.keys()].sort((a, b) => sites.indexOf(siteOf(nodes[a])) - sites.indexOf(siteOf(nodes[b])));
  const slot = order.indexOf(i);
  let x = 20;
  for (let k = 0; k < slot; k++) {
    x += width + 20;
    if (siteOf(nodes[order[k]!]) !== siteOf(nodes[order[k + 1]!])) x += SITE_GAP;
  }
  return { x, y: 20 };
}

/** One region node per site, around the server nodes already placed (`servers`, by node name). */
export function siteRegionNodes(raw: RawScenario, servers: Map<string, Node>): Node[] {
  const bySite = new Map<string, Node[]>();
  for (const n of nodesOf(raw)) {
    const site = siteOf(n);
    const placed = servers.get(n.name);
    if (site === undefined || !placed) continue;
    bySite.set(site, [...(bySite.get(site) ?? []), placed]);
  }
  return [...bySite].map(([site, list]) => {
    const x0 = Math.min(...list.map((n) => n.position.x)) - PAD;
    const y0 = Math.min(...list.map((n) => n.position.y)) - PAD;
    const x1 = Math.max(...list.map((n) => n.position.x + (n.width ?? 0))) + PAD;
    const y1 = Math.max(...list.map((n) => n.position.y + (n.height ?? 0))) + PAD + LABEL;
    return {
      id: dSiteId(site),
      type: 'dsite',
      position: { x: x0, y: y0 },
      data: { name: site, count: list.length } satisfies DSiteData,
      style: { width: x1 - x0, height: y1 - y0 },
      width: x1 - x0,
      height: y1 - y0,
      zIndex: -1,
      selectable: false,
      draggable: false,
      focusable: false,
      connectable: false,
    };
  });
}

/** The networks a server is on that the cluster uses, for its label ("" outside network mode). */
export function serverNetworks(raw: RawScenario, node: unknown): string {
  const nets = networksOf(raw);
  if (nets.length === 0 || !isObj(node)) return '';
  const on = Array.isArray(node.interfaces) ? node.interfaces : nets.map((n) => n.name);
  return nets
    .filter((n) => on.includes(n.name) && roleOf(n) !== 'none')
    .map((n) => n.name)
    .join(' · ');
}
