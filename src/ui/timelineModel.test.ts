import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine/model/trace';
import { clashScenario } from '../store/test/realStore';
import { buildLanes } from './timelineModel';

describe('timeline lanes', () => {
  it('keep a node and a group with the same name apart (names are unique only within their kind)', () => {
    const { scenario } = clashScenario();
    // A node named like the group: FS1 (group) and FS1 (node).
    const s = { ...scenario, nodes: scenario.nodes.map((n, i) => (i === 0 ? { ...n, name: 'FS1' } : n)) };
    const events: TraceEvent[] = [
      { t: 0, type: 'group.state', group: 'FS1', from: 'Offline', to: 'Online', reason: '' },
      { t: 5000, type: 'action', action: { action: 'crashNode', node: 'FS1' }, reason: '' },
      { t: 15_000, type: 'node.state', node: 'FS1', from: 'Up', to: 'Down', reason: '' },
    ];
    const lanes = buildLanes(s, events, 60_000, { 'group:FS1': 'Online', 'node:FS1': 'Down', 'node:N2': 'Up' });
    const lane = (kind: string) => lanes.find((l) => l.kind === kind && l.name === 'FS1')!;
    expect(lane('group').segments.map((g) => g.state)).toEqual(['Online']);
    expect(lane('node').segments.map((g) => [g.from, g.state])).toEqual([
      [0, 'Up'],
      [15_000, 'Down'],
    ]);
    expect(lane('node').faults).toEqual([{ from: 5000, to: 60_000, state: 'crash' }]);
    expect(lane('group').faults).toEqual([]);
  });
});
