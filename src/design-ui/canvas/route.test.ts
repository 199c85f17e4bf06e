/** Design's edge routes: orthogonal, dependent's bottom → provider's top, never under a card. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { routeEdges, segmentHitsBox, type Box } from './route';

const W = 170;
const H = 64;

/** Cards on random cells of a 4×4 grid, each jittered inside its cell (so cards never overlap). */
const layoutArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: 2, maxLength: 9 })
  .chain((cells) =>
    fc.record({
      boxes: fc.tuple(
        ...cells.map((c) => fc.tuple(fc.constant(c), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 50 }))),
      ),
      pairs: fc.array(fc.tuple(fc.nat(cells.length - 1), fc.nat(cells.length - 1)), { minLength: 1, maxLength: 12 }),
    }),
  )
  .map(({ boxes, pairs }) => {
    const list: Box[] = boxes.map(([c, jx, jy], i) => ({
      id: `r${i}`,
      x: (c % 4) * 260 + jx,
      y: Math.floor(c / 4) * 170 + jy,
      w: W,
      h: H,
    }));
    const requests = pairs
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => ({ id: `${a}->${b}`, from: `r${a}`, to: `r${b}` }));
    return { list, requests: [...new Map(requests.map((r) => [r.id, r])).values()] };
  });

describe('Design edge routing', () => {
  it('every route is orthogonal, from the bottom of its dependent to the top of its provider, and crosses no card', () => {
    fc.assert(
      fc.property(layoutArb, ({ list, requests }) => {
        const routes = routeEdges(list, requests);
        const byId = new Map(list.map((b) => [b.id, b]));
        for (const r of requests) {
          const pts = routes.get(r.id)!;
          const from = byId.get(r.from)!;
          const to = byId.get(r.to)!;
          const first = pts[0]!;
          expect(first.y).toBe(from.y + from.h);
          expect(first.x).toBeGreaterThan(from.x);
          expect(first.x).toBeLessThan(from.x + from.w);
          const last = pts[pts.length - 1]!;
          expect(last.y).toBe(to.y);
          expect(last.x).toBeGreaterThan(to.x);
          expect(last.x).toBeLessThan(to.x + to.w);
          // The arrow enters the provider from above, pointing down.
          expect(pts[pts.length - 2]!.x).toBe(last.x);
          expect(pts[pts.length - 2]!.y).toBeLessThan(last.y);
          for (let i = 1; i < pts.length; i++) {
            const [p, q] = [pts[i - 1]!, pts[i]!];
            expect(p.x === q.x || p.y === q.y).toBe(true);
            for (const b of list) expect(segmentHitsBox(p, q, b), `${r.id} segment ${i} crosses ${b.id}`).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('goes around a card standing between dependent and provider', () => {
    const list: Box[] = [
      { id: 'top', x: 0, y: 0, w: W, h: H },
      { id: 'mid', x: 0, y: 120, w: W, h: H },
      { id: 'low', x: 0, y: 240, w: W, h: H },
    ];
    const pts = routeEdges(list, [{ id: 'e', from: 'top', to: 'low' }]).get('e')!;
    expect(pts.length).toBeGreaterThan(2); // a straight drop would run under "mid"
    expect(pts.some((p) => p.x < 0 || p.x > W)).toBe(true);
  });

  it('segmentHitsBox: touching an edge is not crossing, entering is', () => {
    const b: Box = { id: 'b', x: 0, y: 0, w: 10, h: 10 };
    expect(segmentHitsBox({ x: -5, y: 0 }, { x: 15, y: 0 }, b)).toBe(false);
    expect(segmentHitsBox({ x: -5, y: 5 }, { x: 15, y: 5 }, b)).toBe(true);
    expect(segmentHitsBox({ x: 5, y: -5 }, { x: 5, y: 1 }, b)).toBe(true);
  });
});
