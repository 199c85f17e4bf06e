import { describe, expect, it } from 'vitest';
import type { FrameView, NetworkModeView } from '../../../engine';
import {
  regroupReason,
  regroupWords,
  routeLook,
  sideLabelWords,
  sideOf,
  sideSummaries,
  sideWords,
  witnessWords,
} from './netModel';

/** A fixture view in the NETVIEW shape: only the fields these readings use. */
function view(net: Partial<NetworkModeView> | null, witness: 'none' | 'cloud' = 'cloud'): FrameView {
  const nodes = ['N1', 'N2', 'N3', 'N4'].map((name, i) => ({ name, vote: i === 3 ? 0 : 1, site: null }));
  return {
    nodes,
    quorum: { witness: { kind: witness, up: true, vote: 1 } },
    network: net && {
      networks: [],
      partition: null,
      links: [],
      witnessReach: [],
      witnessAvailable: true,
      lastRegroup: null,
      ...net,
    },
  } as unknown as FrameView;
}

describe('network readings', () => {
  it('sums the current votes of each side and says which reach the witness', () => {
    const v = view({
      partition: {
        sides: [
          ['N1', 'N2'],
          ['N3', 'N4'],
        ],
        witness: [1],
      },
    });
    const s = sideSummaries(v);
    expect(s.map((x) => [x.label, x.votes, x.reachesWitness])).toEqual([
      ['Side A', 2, false],
      ['Side B', 1, true],
    ]);
    expect(sideWords(s[1]!)).toBe('Side B (N3, N4): 1 vote, reaches the witness');
    expect(sideOf(v.network).get('N4')).toBe(1);
  });

  it('a side reaches no witness when the cluster has none, and no partition means no sides', () => {
    const v = view({ partition: { sides: [['N1'], ['N2', 'N3', 'N4']], witness: [0, 1] } }, 'none');
    expect(sideSummaries(v).every((x) => !x.reachesWitness)).toBe(true);
    expect(sideSummaries(view({}))).toEqual([]);
    expect(sideSummaries(view(null))).toEqual([]);
  });

  it('tells connected, lost (counting down) and declared-down routes apart', () => {
    const l = { a: 'N1', b: 'N2', kind: 'sameSubnet' as const, declareDownAt: null };
    expect(routeLook({ ...l, linked: true, connected: true })).toBe('connected');
    expect(routeLook({ ...l, linked: false, connected: true, declareDownAt: 70_000 })).toBe('lost');
    expect(routeLook({ ...l, linked: false, connected: false })).toBe('down');
  });

  it('words the regroup and the witness reach', () => {
    const r = {
      t: 70_000,
      survivors: ['N1', 'N2'],
      removed: ['N3'],
      witness: 'none',
      reason: 'regroup: they hold more',
    };
    expect(regroupWords(r)).toBe('N1, N2 keep the cluster; removed: N3');
    expect(regroupWords({ ...r, survivors: [], removed: ['N1', 'N2', 'N3'] })).toBe(
      'no side keeps the cluster; removed: N1, N2, N3',
    );
    expect(regroupReason(r.reason)).toBe('they hold more');
    expect(witnessWords(view({ witnessReach: ['N3', 'N4'] }))).toBe('cloud witness reached by N3, N4');
    expect(witnessWords(view({ witnessReach: [] }))).toBe('cloud witness reached by no node');
    expect(witnessWords(view({}, 'none'))).toBeNull();
  });
});

describe('side labels on the canvas', () => {
  const side = { label: 'Side A', nodes: ['N1', 'N2'], votes: 2, reachesWitness: true };
  const regroup = (survivors: string[], removed: string[]) => ({
    t: 1,
    survivors,
    removed,
    witness: 'survivors',
    reason: '',
  });
  it('say the votes and the witness, then what the regroup decided for the whole side', () => {
    expect(sideLabelWords(side, null)).toBe('Side A: 2 votes, reaches the witness');
    expect(sideLabelWords(side, regroup(['N1', 'N2'], ['N3']))).toBe(
      'Side A: 2 votes, reaches the witness · keeps the cluster',
    );
    expect(sideLabelWords({ ...side, votes: 1, reachesWitness: false }, regroup(['N3'], ['N1', 'N2']))).toBe(
      'Side A: 1 vote, no witness · removed, waits to rejoin',
    );
    expect(sideLabelWords(side, regroup([], ['N1', 'N2', 'N3']))).toBe(
      'Side A: 2 votes, reaches the witness · stopped',
    );
    // A node waiting to rejoin takes no part in a regroup: the side that holds every survivor keeps the cluster.
    expect(sideLabelWords(side, regroup(['N1'], ['N3']))).toBe(
      'Side A: 2 votes, reaches the witness · keeps the cluster',
    );
    // A regroup that touched no node of the side says nothing about it.
    expect(sideLabelWords(side, regroup(['N3'], ['N4']))).toBe('Side A: 2 votes, reaches the witness');
  });
});
