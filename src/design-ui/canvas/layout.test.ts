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
} from '../../design/edit/ops';
import { autoLayout } from './autoLayout';
import { buildGraph, dGroupId, dResId } from './graph';

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
  it('uses the stored positions when present', () => {
    const raw = setPositions(chain(), [{ ref: { kind: 'resource', name: 'Disk' }, position: { x: 300, y: 50 } }]);
    if (!raw.ok) throw new Error(raw.reason);
    expect(buildGraph(raw.raw).nodes.find((n) => n.id === dResId('Disk'))!.position).toEqual({ x: 300, y: 50 });
  });
  it('auto layout (elkjs layered) keeps providers below dependents and positions every element', async () => {
    const raw = chain();
    const laid = await autoLayout(raw);
    expect(laid.map((p) => `${p.ref.kind}:${p.ref.name}`).sort()).toEqual([
      'group:G',
      'node:NODE1',
      'resource:Disk',
      'resource:IP',
      'resource:Name',
    ]);
    const y = (name: string) => laid.find((p) => p.ref.kind === 'resource' && p.ref.name === name)!.position.y;
    expect(y('Name')).toBeLessThan(y('IP'));
    expect(y('IP')).toBeLessThan(y('Disk'));
  });
  it('a group and a resource sharing a name are separate canvas nodes, laid out separately', async () => {
    let raw = chain();
    const r = addResource(raw, 'G', 'Network Name', 'G');
    if (!r.ok) throw new Error(r.reason);
    raw = r.raw;
    const ids = buildGraph(raw).nodes.map((n) => n.id);
    expect(ids).toContain(dResId('G'));
    expect(ids).toContain(dGroupId('G'));
    expect(new Set(ids).size).toBe(ids.length);
    const laid = await autoLayout(raw);
    expect(
      laid
        .filter((p) => p.ref.name === 'G')
        .map((p) => p.ref.kind)
        .sort(),
    ).toEqual(['group', 'resource']);
  });
});
