import { deleteNode, rename, type RawScenario } from './edit/ops';
import { validateScenario } from './engineDeps';

const raw = (): RawScenario => ({
  format: 'failover-scenario@1',
  networks: [{ name: 'LAN' }],
  cluster: { properties: { LowerQuorumPriorityNodeId: 3 } },
  nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
  groups: [],
  script: [
    { at: 1000, action: 'partition', sides: [['N1'], ['N2', 'N3']] },
    { at: 2000, action: 'stopNode', node: 'N2' },
  ],
});

describe('renaming and deleting a node reach the network fields', () => {
  it('rename follows into partition sides', () => {
    const r = rename(raw(), { kind: 'node', name: 'N2' }, 'B');
    if (!r.ok) throw new Error(r.reason);
    expect(r.raw.script).toEqual([
      { at: 1000, action: 'partition', sides: [['N1'], ['B', 'N3']] },
      { at: 2000, action: 'stopNode', node: 'B' },
    ]);
    expect(validateScenario(r.raw).ok).toBe(true);
  });

  it('delete drops the partitions that listed the node and renumbers LowerQuorumPriorityNodeId', () => {
    const r = deleteNode(raw(), 'N1');
    if (!r.ok) throw new Error(r.reason);
    expect(r.raw.script).toEqual([{ at: 2000, action: 'stopNode', node: 'N2' }]);
    expect(r.raw.cluster?.properties).toEqual({ LowerQuorumPriorityNodeId: 2 });
    expect(r.message).toBe('Deleted node "N1"; removed 1 script action that referred to it');
    expect(validateScenario(r.raw).ok).toBe(true);
  });

  it('deleting the LowerQuorumPriorityNodeId node removes the setting', () => {
    const r = deleteNode(raw(), 'N3');
    if (!r.ok) throw new Error(r.reason);
    expect(r.raw.cluster).toBeUndefined();
  });
});
