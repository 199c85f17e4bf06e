/** networks.md §7: every worked timeline, every event (in the spec's notation) and `final`, exactly. */
import { describe, expect, it } from 'vitest';
import { createSimulation, restoreSimulation, runScenario } from '../index';
import type { FinalState } from '../index';
import { loadTimeline, notation } from './notation.testutil';
import { TIMELINES, type ShortFinal } from './timelines';

function short(f: FinalState): ShortFinal {
  const map = <V, R>(o: Record<string, V>, fn: (v: V) => R) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fn(v)]));
  return {
    quorum: f.quorum,
    nodes: map(f.nodes, (n) => n.state),
    groups: map(f.groups, (g) => [g.state, g.owner, g.failoverCount] as [string, string | null, number]),
    resources: map(f.resources, (r) => [r.state, r.node, r.restartCount] as [string, string | null, number]),
    ...(f.networks
      ? { networks: map(f.networks, (n) => [n.state, n.interfaces] as [string, Record<string, string>]) }
      : {}),
  };
}

describe('networks.md §7 worked timelines', () => {
  for (const tl of TIMELINES) {
    it(`${tl.file}: every event and final`, () => {
      const trace = runScenario(loadTimeline(tl.file));
      expect(trace.events.map(notation)).toEqual(tl.events);
      expect(short(trace.final)).toEqual(tl.final);
      // Key order of final (§3): networks after resources, only in network mode.
      expect(Object.keys(trace.final)).toEqual([
        't',
        'quorum',
        'nodes',
        'groups',
        'resources',
        ...(tl.final.networks ? ['networks'] : []),
      ]);
    });
  }

  it('a snapshot taken mid-run (JSON round trip) continues every timeline identically', () => {
    for (const tl of TIMELINES) {
      const s = loadTimeline(tl.file);
      for (const cut of [30000, 65000, 75000, 92000]) {
        const a = createSimulation(s);
        a.advanceTo(cut);
        const b = restoreSimulation(s, JSON.parse(JSON.stringify(a.snapshot())));
        a.advanceTo(s.until);
        b.advanceTo(s.until);
        expect([tl.file, cut, b.events().map(notation)]).toEqual([tl.file, cut, a.events().map(notation)]);
        expect(b.final()).toEqual(a.final());
      }
    }
  });
});
