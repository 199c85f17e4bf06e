import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../engine';
import type { GroupSpec } from '../../engine/model/scenario';
import { layoutGroup, RES_H, RES_W, type GroupBox, type Point } from './routing';

function group(resources: { name: string; dependsOn?: string | string[] }[]): GroupSpec {
  const r = validateScenario({
    format: 'failover-scenario@1',
    name: 't',
    until: 1000,
    nodes: [{ name: 'N1' }],
    groups: [{ name: 'G', resources }],
  });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.scenario.groups[0]!;
}

const SQL = group([
  { name: 'Disk' },
  { name: 'IP' },
  { name: 'Name', dependsOn: ['IP'] },
  { name: 'SQL', dependsOn: '[Name] and [Disk]' },
  { name: 'Agent', dependsOn: ['SQL'] },
]);

/** Does the segment a→b (axis-parallel) pass through the open interior of the card at p? */
function crosses(a: Point, b: Point, p: Point): boolean {
  const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x2 > p.x && x1 < p.x + RES_W && y2 > p.y && y1 < p.y + RES_H;
}

function checkBox(box: GroupBox) {
  const at = new Map(box.resources.map((r) => [r.name, r]));
  for (const e of box.edges) {
    const dep = at.get(e.dependent)!;
    const prov = at.get(e.provider)!;
    // Dependents above providers; the arrow leaves the dependent's bottom and ends on the provider's top.
    expect(dep.y).toBeLessThan(prov.y);
    const first = e.points[0]!;
    const last = e.points.at(-1)!;
    expect(first.y).toBe(dep.y + RES_H);
    expect(first.x).toBeGreaterThan(dep.x);
    expect(first.x).toBeLessThan(dep.x + RES_W);
    expect(last.y).toBe(prov.y);
    expect(last.x).toBeGreaterThan(prov.x);
    expect(last.x).toBeLessThan(prov.x + RES_W);
    // Axis-parallel runs, none through any card (ends included: they only touch their edges).
    for (let i = 1; i < e.points.length; i++) {
      const [a, b] = [e.points[i - 1]!, e.points[i]!];
      expect(a.x === b.x || a.y === b.y).toBe(true);
      for (const r of box.resources)
        expect(crosses(a, b, r), `${e.dependent}→${e.provider} under ${r.name}`).toBe(false);
    }
  }
  // No two edges share a horizontal run at the same height (each has its own lane).
  const runs = box.edges.flatMap((e) =>
    e.points.slice(1).flatMap((b, i) => {
      const a = e.points[i]!;
      return a.y === b.y && a.x !== b.x
        ? [{ id: `${e.dependent}→${e.provider}`, y: a.y, x1: Math.min(a.x, b.x), x2: Math.max(a.x, b.x) }]
        : [];
    }),
  );
  for (const r of runs)
    for (const s of runs)
      if (r.id !== s.id && r.y === s.y) expect(r.x2 <= s.x1 || s.x2 <= r.x1, `${r.id} and ${s.id} overlap`).toBe(true);
  // Cards do not overlap and sit inside the box.
  for (const r of box.resources) {
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.x + RES_W).toBeLessThanOrEqual(box.w);
    expect(r.y + RES_H).toBeLessThanOrEqual(box.h);
    for (const s of box.resources)
      if (r !== s)
        expect(r.x + RES_W <= s.x || s.x + RES_W <= r.x || r.y + RES_H <= s.y || s.y + RES_H <= r.y).toBe(true);
  }
}

describe('layoutGroup', () => {
  it('puts dependents on top and routes every SQL edge around the cards', () => {
    const box = layoutGroup(SQL);
    const y = Object.fromEntries(box.resources.map((r) => [r.name, r.y]));
    expect(y.Agent).toBeLessThan(y.SQL!);
    expect(y.SQL).toBeLessThan(y.Name!);
    expect(y.Name).toBe(y.Disk);
    expect(y.Name).toBeLessThan(y.IP!);
    expect(box.edges.map((e) => `${e.dependent}→${e.provider}`).sort()).toEqual(
      ['Agent→SQL', 'Name→IP', 'SQL→Disk', 'SQL→Name'].sort(),
    );
    checkBox(box);
  });

  it('sends an edge that skips layers down the left channel, and marks OR members', () => {
    const box = layoutGroup(
      group([
        { name: 'IP1' },
        { name: 'IP2' },
        { name: 'Name', dependsOn: '[IP1] or [IP2]' },
        { name: 'App', dependsOn: ['Name'] },
        { name: 'Top', dependsOn: '[App] and [IP1]' },
      ]),
    );
    checkBox(box);
    const long = box.edges.find((e) => e.dependent === 'Top' && e.provider === 'IP1')!;
    const leftmost = Math.min(...box.resources.map((r) => r.x));
    expect(Math.min(...long.points.map((p) => p.x))).toBeLessThan(leftmost);
    expect(
      box.edges
        .filter((e) => e.or)
        .map((e) => e.provider)
        .sort(),
    ).toEqual(['IP1', 'IP2']);
  });

  it('never runs an edge under a card, for any acyclic group (property)', () => {
    const dag = fc
      .integer({ min: 1, max: 9 })
      .chain((n) =>
        fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.boolean()), { maxLength: 14 })),
      );
    fc.assert(
      fc.property(dag, ([n, pairs]) => {
        const deps = new Map<number, { set: number[] }[]>();
        for (const [a, b, or] of pairs) {
          if (a === b) continue;
          const [d, p] = a > b ? [a, b] : [b, a]; // dependent has the higher index: acyclic
          const list = deps.get(d) ?? [];
          if (list.some((x) => x.set.includes(p))) continue;
          if (or && list.length) list[0]!.set.push(p);
          else list.push({ set: [p] });
          deps.set(d, list);
        }
        const resources = Array.from({ length: n }, (_, i) => {
          const list = deps.get(i);
          return list
            ? {
                name: `R${i}`,
                dependsOn: list
                  .map((x) => (x.set.length > 1 ? `(${x.set.map((p) => `[R${p}]`).join(' or ')})` : `[R${x.set[0]}]`))
                  .join(' and '),
              }
            : { name: `R${i}` };
        });
        checkBox(layoutGroup(group(resources)));
      }),
      { numRuns: 150 },
    );
  });
});
