/** The network drawing's geometry: card order, site regions, the cut, side labels, the witness. */
import { describe, expect, it } from 'vitest';
import { validateScenario, type Scenario } from '../../../engine';
import twoSites from '../../../scenarios/network-two-sites-witness.json';
import three from '../../../scenarios/network-three-nodes-two-networks.json';
import { buildNodes, groupBoxes } from '../layout';
import { netArrangement } from './netLayout';
import { cardBoxes, networkNodes } from './netNodes';
import {
  arrange,
  BREAK_GAP,
  cutLines,
  laneBand,
  placeInRoom,
  routeLanes,
  rowSpan,
  SIDE_BAND,
  sideLabelRects,
  sideRuns,
  siteRegions,
  witnessRect,
  type Box,
} from './overlayGeometry';

const boxes: Box[] = [0, 1, 2, 3].map((i) => ({ name: `N${i + 1}`, x: i * 100, y: 0, w: 80, h: 200 }));
const inside = (o: { x: number; y: number; w: number; h: number }, i: { x: number; y: number; w: number; h: number }) =>
  i.x >= o.x && i.y >= o.y && i.x + i.w <= o.x + o.w && i.y + i.h <= o.y + o.h;

function scenario(source: unknown): Scenario {
  const r = validateScenario(structuredClone(source));
  if (!r.ok) throw new Error('built-in scenario is invalid');
  return r.scenario;
}

describe('arrange', () => {
  const nodes = [
    { name: 'SEA1', site: 'SEA' },
    { name: 'NYC1', site: 'NYC' },
    { name: 'SEA2', site: 'SEA' },
    { name: 'NYC2', site: 'NYC' },
  ];
  it('lays the cards out site by site, sites in order of first appearance, IDs inside a site', () => {
    const a = arrange(nodes, new Map());
    expect(a.order).toEqual(['SEA1', 'SEA2', 'NYC1', 'NYC2']);
    expect([...a.breakBefore]).toEqual(['NYC1']);
  });
  it('while partitioned, side by side first, keeping the site order inside each side', () => {
    const side = new Map([
      ['SEA1', 0],
      ['NYC1', 0],
      ['SEA2', 1],
      ['NYC2', 1],
    ]);
    const a = arrange(nodes, side);
    expect(a.order).toEqual(['SEA1', 'NYC1', 'SEA2', 'NYC2']);
    expect([...a.breakBefore]).toEqual(['NYC1', 'SEA2', 'NYC2']);
  });
  it('makes a non-contiguous side contiguous (N1+N3 against N2)', () => {
    const plain = ['N1', 'N2', 'N3'].map((name) => ({ name, site: null }));
    const a = arrange(
      plain,
      new Map([
        ['N1', 0],
        ['N2', 1],
        ['N3', 0],
      ]),
    );
    expect(a.order).toEqual(['N1', 'N3', 'N2']);
    expect([...a.breakBefore]).toEqual(['N2']);
  });
});

describe('site regions, the cut and the side labels', () => {
  const site = new Map<string, string | null>([
    ['N1', 'SEA'],
    ['N2', 'SEA'],
    ['N3', 'NYC'],
    ['N4', 'NYC'],
  ]);
  it('draws one region around each run of one site, its cards inside', () => {
    const regions = siteRegions(boxes, site);
    expect(regions.map((r) => [r.site, r.nodes])).toEqual([
      ['SEA', ['N1', 'N2']],
      ['NYC', ['N3', 'N4']],
    ]);
    for (const r of regions)
      for (const n of r.nodes)
        expect(
          inside(
            r,
            boxes.find((b) => b.name === n)!,
          ),
        ).toBe(true);
  });
  it('cuts in the gap between neighbouring sides, over the band and the whole row', () => {
    const side = new Map([
      ['N1', 0],
      ['N2', 0],
      ['N3', 1],
      ['N4', 1],
    ]);
    const span = rowSpan(boxes, siteRegions(boxes, site));
    const cuts = cutLines(boxes, side, span);
    expect(cuts).toHaveLength(1);
    const [cut] = cuts;
    for (const b of boxes)
      if (side.get(b.name) === 0) expect(b.x + b.w).toBeLessThan(cut!.x);
      else expect(b.x).toBeGreaterThan(cut!.x);
    expect(cut!.y1).toBe(span.top - SIDE_BAND);
    expect(cut!.y2).toBeGreaterThan(span.bottom);
  });
  it('centres each side label over its side, between the cuts beside it, so labels never overlap', () => {
    const side = new Map([
      ['N1', 0],
      ['N2', 1],
      ['N3', 1],
      ['N4', 2],
    ]);
    const runs = sideRuns(boxes, side);
    const rects = sideLabelRects(runs, -20, [10, 50, 0.5], 400);
    // Cuts at flow x 90 and 290, screen 55 and 155; bottoms just above the row.
    expect(rects.map((r) => [r.left, r.width, r.centre, r.bottom])).toEqual([
      [0, 49, 30, 37],
      [61, 88, 105, 37],
      [161, 239, 180, 37],
    ]);
    for (let i = 1; i < rects.length; i++)
      expect(rects[i - 1]!.left + rects[i - 1]!.width).toBeLessThan(rects[i]!.left);
    // A label wider than the room left of its centre moves right, never past its room.
    expect(placeInRoom(rects[2]!, 100)).toBe(161);
    expect(placeInRoom(rects[1]!, 40)).toBe(85);
    expect(placeInRoom(rects[1]!, 88)).toBe(61);
  });

  it('puts the witness under the row, centred, outside every site', () => {
    const regions = siteRegions(boxes, site);
    const span = rowSpan(boxes, regions);
    const w = witnessRect(boxes, span, 100);
    expect(w.y).toBeGreaterThan(span.bottom);
    expect(w.x + w.w / 2).toBe(190);
  });
});

describe('route lanes', () => {
  it('give every pair its own depth under the row, nearer pairs higher, inside the band', () => {
    const lanes = routeLanes(boxes, 200);
    expect(lanes).toHaveLength(6);
    expect(new Set(lanes.map((l) => l.y)).size).toBe(6);
    for (const l of lanes) {
      expect(l.y).toBeGreaterThan(200);
      expect(l.y).toBeLessThan(200 + laneBand(4));
    }
    const depth = (a: string, b: string) => lanes.find((l) => l.a === a && l.b === b)!.y;
    expect(depth('N1', 'N2')).toBeLessThan(depth('N1', 'N3'));
    expect(depth('N1', 'N3')).toBeLessThan(depth('N1', 'N4'));
  });
  it('drop from distinct points inside each card, farther partners outward', () => {
    const lanes = routeLanes(boxes, 200);
    // "M x y V …": each card's drops, by partner.
    const drops = new Map<string, number[]>();
    for (const l of lanes) {
      const nums = l.d.match(/-?[\d.]+/g)!.map(Number);
      const [xa, xb] = [nums[0]!, nums[3]!];
      drops.set(l.a, [...(drops.get(l.a) ?? []), xa]);
      drops.set(l.b, [...(drops.get(l.b) ?? []), xb]);
    }
    for (const b of boxes) {
      const xs = drops.get(b.name)!;
      expect(new Set(xs).size).toBe(3);
      for (const x of xs) expect(x > b.x && x < b.x + b.w).toBe(true);
    }
    // N1's drop toward N4 (the farthest) is its rightmost one.
    const n1 = lanes.filter((l) => l.a === 'N1').map((l) => [l.b, Number(l.d.split(' ')[1])] as const);
    expect(n1.sort((p, q) => p[1] - q[1]).map((p) => p[0])).toEqual(['N2', 'N3', 'N4']);
  });
  it('leave a big cluster to the list', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ name: `N${i}`, x: i * 100, y: 0, w: 80, h: 10 }));
    expect(routeLanes(many, 10)).toEqual([]);
    expect(laneBand(9)).toBe(0);
  });
});

describe('network nodes over the built-ins', () => {
  const layout = (s: Scenario, key: string) => {
    const owners = s.groups.map((g) => g.preferredOwners[0] ?? s.nodes[0]!.name);
    const regions = buildNodes(s, groupBoxes(s), owners, netArrangement(s, key));
    return { regions, extra: networkNodes(s, regions, key !== '', 1) };
  };

  it('two sites: each site region contains its cards; the witness sits below both, between them', () => {
    const s = scenario(twoSites);
    const { regions, extra } = layout(s, '');
    const cards = cardBoxes(
      regions,
      s.nodes.map((n) => n.name),
    );
    const sites = extra.filter((n) => n.type === 'net-site');
    expect(sites.map((n) => (n.data as { site: string }).site)).toEqual(['SEA', 'NYC']);
    for (const n of sites) {
      const r = { x: n.position.x, y: n.position.y, w: n.width!, h: n.height! };
      for (const name of (n.data as { nodes: string[] }).nodes)
        expect(
          inside(
            r,
            cards.find((c) => c.name === name)!,
          ),
        ).toBe(true);
    }
    const [sea, nyc] = sites;
    expect(sea!.position.x + sea!.width!).toBeLessThan(nyc!.position.x);
    const w = extra.find((n) => n.type === 'net-witness')!;
    const centre = w.position.x + w.width! / 2;
    expect(centre).toBeGreaterThan(sea!.position.x + sea!.width!);
    expect(centre).toBeLessThan(nyc!.position.x);
    expect(w.position.y).toBeGreaterThan(sea!.position.y + sea!.height!);
    expect(extra.some((n) => n.type === 'net-band')).toBe(false);
  });

  it('three nodes split N1+N3 against N2: the cards regroup by side with a gap for the cut, a band above', () => {
    const s = scenario(three);
    const { regions, extra } = layout(s, 'N1\u0000N3\u0001N2');
    const cards = cardBoxes(
      regions,
      s.nodes.map((n) => n.name),
    );
    expect(cards.map((c) => c.name)).toEqual(['N1', 'N3', 'N2']);
    const gap = cards[2]!.x - (cards[1]!.x + cards[1]!.w);
    expect(gap).toBe(BREAK_GAP);
    const band = extra.find((n) => n.type === 'net-band')!;
    expect(band.position.y + band.height!).toBe(Math.min(...cards.map((c) => c.y)));
  });

  it('a plain scenario is laid out exactly as before (no arrangement)', () => {
    const s = scenario(three);
    const owners = s.groups.map((g) => g.preferredOwners[0] ?? null);
    const plain = buildNodes(s, groupBoxes(s), owners);
    const xs = plain.filter((n) => n.type === 'region').map((n) => n.position.x);
    const step = xs[1]! - xs[0]!;
    expect(xs).toEqual(xs.map((_, i) => i * step));
  });
});
