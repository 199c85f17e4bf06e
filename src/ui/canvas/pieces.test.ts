import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../engine';
import type { Scenario } from '../../engine/model/scenario';
import type { TraceEvent } from '../../engine/model/trace';
import { meterLevel } from '../parts';
import { buildCompactNodes, CHIP_H, CHIP_W, chipAt, isCompact } from './compactLayout';
import { activeGroup, focusRect } from './focus';
import { buildNodes, groupBoxes, nodeId, REGION_HEAD, type RegionData } from './layout';
import { lastPoll, missedHeartbeats } from './mechanics';
import { createQuorumTracker, foldQuorum } from './quorumTrack';

function scenario(groups: unknown[], nodes = ['A', 'B', 'C', 'D', 'E']): Scenario {
  const r = validateScenario({
    format: 'failover-scenario@1',
    name: 't',
    until: 1000,
    nodes: nodes.map((name) => ({ name })),
    groups,
  });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.scenario;
}

describe('focusRect', () => {
  const s = scenario([
    { name: 'G', preferredOwners: ['A', 'B', 'E'], resources: [{ name: 'r1' }, { name: 'r2', dependsOn: ['r1'] }] },
  ]);
  const nodes = buildNodes(s, groupBoxes(s), ['A']);
  const pos = (id: string) => nodes.find((n) => n.id === id)!;

  it('holds the group and the heads of the nearby nodes it moves between, not the far ones', () => {
    const r = focusRect(nodes, s, 'G')!;
    const a = pos(nodeId('A'));
    const b = pos(nodeId('B'));
    const g = pos('group:G');
    expect(r.x).toBe(a.position.x);
    expect(r.y).toBe(0);
    expect(r.x + r.w).toBe(b.position.x + b.width!); // B's head is in
    expect(r.h).toBe(a.position.y + g.position.y + g.height!); // down to the group's bottom, not the regions'
    expect(r.h).toBeGreaterThan(REGION_HEAD);
    // E is preferred too but four regions away: taking it would shrink the group below reading size.
    expect(r.x + r.w).toBeLessThan(pos(nodeId('E')).position.x);
  });

  it('is null for a group that is not drawn', () => {
    expect(focusRect(nodes, s, 'nope')).toBeNull();
  });

  it('picks the selected group, the selected resource’s group, else the latest that changed', () => {
    const two = scenario([
      { name: 'G1', resources: [{ name: 'ra' }] },
      { name: 'G2', resources: [{ name: 'rb' }] },
    ]);
    expect(activeGroup(two, { kind: 'group', name: 'G2' }, [])).toBe('G2');
    expect(activeGroup(two, { kind: 'resource', name: 'rb' }, [])).toBe('G2');
    const ev = [
      { t: 1, type: 'group.state', group: 'G2', from: 'Offline', to: 'Pending', reason: '' },
      { t: 2, type: 'group.owner', group: 'G1', from: 'A', to: 'B', cause: 'failover', reason: '' },
    ] as TraceEvent[];
    expect(activeGroup(two, null, ev)).toBe('G1');
    expect(activeGroup(two, { kind: 'node', name: 'A' }, [])).toBe('G1');
  });
});

describe('compact overview', () => {
  it('is used above 4,000 resources: regions only, each drawing its groups as chips', () => {
    const groups = Array.from({ length: 2001 }, (_, i) => ({
      name: `VM${i}`,
      resources: [{ name: `cfg${i}` }, { name: `machine${i}`, dependsOn: [`cfg${i}`] }],
    }));
    const s = scenario(groups, ['A', 'B']);
    expect(isCompact(s)).toBe(true);
    expect(isCompact(scenario(groups.slice(0, 10), ['A', 'B']))).toBe(false);
    const owners = s.groups.map((_, i) => (i % 3 === 0 ? null : i % 3 === 1 ? 'A' : 'B'));
    const nodes = buildCompactNodes(s, owners);
    expect(nodes.map((n) => n.id)).toEqual(['node:A', 'node:B', nodeId('\u0000unowned')]);
    const chips = (id: string) => (nodes.find((n) => n.id === id)!.data as RegionData).chips!;
    expect(chips('node:A')).toHaveLength(667);
    expect(chips('node:A')[0]).toBe('VM1');
    expect(chips(nodeId('\u0000unowned'))[0]).toBe('VM0');
    // Every chip fits in its region, and chips never overlap.
    const a = nodes[0]!;
    const spots = chips('node:A').map((_, k) => chipAt(k));
    expect(new Set(spots.map((p) => `${p.x},${p.y}`)).size).toBe(spots.length);
    for (const p of spots) {
      expect(p.x + CHIP_W).toBeLessThanOrEqual(a.width!);
      expect(p.y + CHIP_H).toBeLessThanOrEqual(a.height!);
    }
    // A region whose groups did not change keeps its node object (React Flow skips it).
    const moved = owners.map((o, i) => (i === 0 ? 'B' : o));
    const next = buildCompactNodes(s, moved, nodes);
    expect(next[0]).toBe(nodes[0]);
    expect(next[1]).not.toBe(nodes[1]);
    expect((next[1]!.data as RegionData).chips).toContain('VM0');
    // Focus shows the row of the region that holds the group, with the region's head when near the top.
    const f = focusRect(next, s, 'VM0')!;
    const k = (next[1]!.data as RegionData).chips!.indexOf('VM0');
    const c = chipAt(k);
    expect(f.x).toBe(next[1]!.position.x);
    expect(f.w).toBe(next[1]!.width);
    expect(f.y).toBeLessThanOrEqual(c.y);
    expect(f.y + f.h).toBeGreaterThanOrEqual(c.y + CHIP_H);
    expect(f.h).toBeLessThan(300); // a few rows, not the whole 667-chip region
  });
});

describe('meterLevel', () => {
  it('restarts: the restart at the threshold is still allowed; red only once exceeded', () => {
    expect(meterLevel(0, 1, true).level).toBe('ok');
    expect(meterLevel(1, 1, true)).toEqual({ level: 'last', note: ' (last one allowed)' });
    expect(meterLevel(2, 1, true)).toEqual({ level: 'over', note: ' (exceeded)' });
    expect(meterLevel(1, 0, true).level).toBe('over');
  });
  it('failovers: at the threshold the next failure stays', () => {
    expect(meterLevel(1, 2, false).level).toBe('ok');
    expect(meterLevel(2, 2, false).level).toBe('last');
  });
});

describe('poll and heartbeat arithmetic', () => {
  it('the last poll is one interval before the next, if the resource was Online then', () => {
    expect(lastPoll(15_000, 5000, 0)).toBe(10_000);
    expect(lastPoll(5000, 5000, 0)).toBe(0);
    expect(lastPoll(7000, 5000, 2000)).toBe(2000);
    expect(lastPoll(6000, 5000, 2000)).toBeNull();
    expect(lastPoll(null, 5000, 0)).toBeNull();
    expect(lastPoll(6000, 5000, null)).toBeNull();
  });
  it('missed heartbeats count one per SameSubnetDelay since the crash, up to the threshold', () => {
    expect(missedHeartbeats(1000, 1000, 1000, 10)).toBe(0);
    expect(missedHeartbeats(3500, 1000, 1000, 10)).toBe(2);
    expect(missedHeartbeats(99_000, 1000, 1000, 10)).toBe(10);
  });
});

describe('quorum facts from the trace', () => {
  const ev = [
    { t: 1, type: 'node.state', node: 'A', from: 'Up', to: 'Down', reason: 'missed heartbeats' },
    { t: 1, type: 'quorum.vote', voter: 'C', from: 1, to: 0, reason: 'keep the voting count odd' },
    { t: 2, type: 'node.state', node: 'B', from: 'Up', to: 'Down', reason: 'missed heartbeats' },
    { t: 2, type: 'policy', rule: 'QuorumLost', subject: 'cluster', detail: '', reason: 'quorum lost' },
    { t: 2, type: 'node.state', node: 'C', from: 'Up', to: 'Down', reason: 'quorum lost' },
    { t: 9, type: 'node.state', node: 'C', from: 'Down', to: 'Joining', reason: 'start' },
    { t: 9, type: 'policy', rule: 'QuorumRegained', subject: 'cluster', detail: '', reason: 'regained' },
  ] as TraceEvent[];

  it('marks only nodes stopped after QuorumLost, keeps the last vote change, clears on regain', () => {
    const at2 = foldQuorum({ stopped: new Set(), lastVote: null, lostAt: null }, ev.slice(0, 5), 0);
    expect([...at2.stopped]).toEqual(['C']);
    expect(at2.lostAt).toBe(2);
    expect(at2.lastVote?.voter).toBe('C');
    const at9 = foldQuorum(at2, ev, 5);
    expect(at9.stopped.size).toBe(0);
    expect(at9.lostAt).toBeNull();
  });

  it('reads a grown trace incrementally and a new one from the start, with the same answers', () => {
    const track = createQuorumTracker();
    const first = ev.slice(0, 3);
    expect(track(first).stopped.size).toBe(0);
    const grown = [...first, ...ev.slice(3, 5)];
    expect([...track(grown).stopped]).toEqual(['C']);
    expect(track(grown)).toBe(track(grown)); // same array: same object
    // A rewound (different) trace is read afresh.
    expect(track(ev.slice(0, 2)).stopped.size).toBe(0);
  });
});
