import { describe, expect, it } from 'vitest';
import {
  addDependency,
  addGroup,
  addNode,
  addResource,
  emptyScenario,
  setPositions,
  type EditResult,
  type RawScenario,
} from '../store/ops';
import { autoLayout } from './autoLayout';
import { buildGraph, dResId } from './graph';

function chain(): RawScenario {
  const ops: ((r: RawScenario) => EditResult)[] = [
    (r) => addNode(r),
    (r) => addGroup(r, 'G'),
    (r) => addResource(r, 'G', 'Physical Disk', 'Disk'),
    (r) => addResource(r, 'G', 'IP Address', 'IP'),
    (r) => addResource(r, 'G', 'Network Name', 'Name'),
    (r) => addDependency(r, 'IP', 'Disk'),
    (r) => addDependency(r, 'Name', 'IP'),
  ];
  return ops.reduce((raw, op) => {
    const x = op(raw);
    if (!x.ok) throw new Error(x.reason);
    return x.raw;
  }, emptyScenario());
}
const y = (g: ReturnType<typeof buildGraph>, name: string) => g.nodes.find((n) => n.id === dResId(name))!.position.y;

describe('design canvas layout', () => {
  it('places providers below their dependents by default, with one edge per dependency', () => {
    const g = buildGraph(chain());
    expect(y(g, 'Name')).toBeLessThan(y(g, 'IP'));
    expect(y(g, 'IP')).toBeLessThan(y(g, 'Disk'));
    expect(g.edges.map((e) => [e.source, e.target])).toEqual([
      [dResId('IP'), dResId('Disk')],
      [dResId('Name'), dResId('IP')],
    ]);
  });
  it('uses ui.positions when present', () => {
    const raw = setPositions(chain(), { Disk: { x: 300, y: 50 } });
    if (!raw.ok) throw new Error(raw.reason);
    expect(buildGraph(raw.raw).nodes.find((n) => n.id === dResId('Disk'))!.position).toEqual({ x: 300, y: 50 });
  });
  it('auto layout (elkjs layered) keeps providers below dependents and positions every element', async () => {
    const raw = chain();
    const pos = await autoLayout(raw);
    expect(Object.keys(pos).sort()).toEqual(['Disk', 'G', 'IP', 'NODE1', 'Name']);
    expect(pos.Name.y).toBeLessThan(pos.IP.y);
    expect(pos.IP.y).toBeLessThan(pos.Disk.y);
  });
});
