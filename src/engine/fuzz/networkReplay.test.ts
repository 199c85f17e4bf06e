/**
 * The network checker's route model (networkRoutes.ts, networkReplay.ts, networkRegroup.ts,
 * networkArbitration.ts): the worked timelines of networks.md §7 break none of its rules
 * (network.test.ts), and each trace below, broken one rule at a time, is still reported.
 */
import { describe, expect, it } from 'vitest';
import { checkNetworkTrace } from './checker/networkChecks';
import { arbitrateFromContract } from './checker/networkArbitration';

type Ev = Record<string, unknown> & { t: number; type: string };
interface Case {
  scenario: Record<string, unknown>;
  trace: { events: Ev[]; final: Record<string, unknown>; until: number };
}
const cases = import.meta.glob<Case>('./__fixtures__/network/*.case.json', { eager: true, import: 'default' });
const tl = (name: string): Case => structuredClone(cases[`./__fixtures__/network/${name}.case.json`]!);
const rules = (c: Case) => checkNetworkTrace(c.scenario, c.trace).map((v) => v.rule);
const drop = (c: Case, f: (e: Ev) => boolean) => {
  c.trace.events = c.trace.events.filter((e) => !f(e));
};
const coverage = (c: Case) => {
  const cover = new Set<string>();
  checkNetworkTrace(c.scenario, c.trace, cover);
  return cover;
};

describe('route model: §4.9 states follow the declarations', () => {
  it('TL1: the Public route declared down at 40000 must show Failed/Down then; without those events it is reported', () => {
    const c = tl('TL1');
    drop(c, (e) => e.t === 40000);
    // The restore at 50000 then starts from the wrong state too; the first report is at 40000.
    const v = checkNetworkTrace(c.scenario, c.trace).filter((x) => x.rule.includes('§4.9 states from the declared'));
    expect(v[0]).toMatchObject({ t: 40000, expected: 'interface N1|Public Failed', actual: 'Up' });
  });

  it('TL1: a declaration too early (the same events at 35000) is reported at 35000', () => {
    const c = tl('TL1');
    for (const e of c.trace.events) if (e.t === 40000) e.t = 35000;
    const v = checkNetworkTrace(c.scenario, c.trace).filter((x) => x.rule.includes('§4.9 states from the declared'));
    expect(v[0]).toMatchObject({ t: 35000, expected: 'interface N1|Public Up', actual: 'Failed' });
  });
});

describe('route model: §4.3 detection after the route rule', () => {
  it('TL7: N2 detected over the cross-site route at 120000, not at the same-subnet 110000', () => {
    const c = tl('TL7');
    for (const e of c.trace.events) if (e.t >= 120000) e.t -= 10000;
    expect(rules(c)).toContain('networks §4.3 crash detection instant');
  });

  it('TL8a: a Joining node that crashes goes Down at once; a trace without that is reported', () => {
    const c = tl('TL8a');
    const i = c.trace.events.findIndex((e) => e.t === 95000);
    c.trace.events.splice(i, 0, {
      t: 92000,
      type: 'action',
      action: { at: 92000, action: 'crashNode', node: 'N1' },
      reason: 'x',
    });
    expect(rules(c)).toContain('networks §4.3 a Joining node that crashes');
  });

  it('TL6a: a detection that never comes is reported at its instant', () => {
    const c = tl('TL6a');
    drop(c, (e) => e.t >= 70000);
    const v = checkNetworkTrace(c.scenario, c.trace).filter((x) => x.rule === 'networks §4.3 crash detection instant');
    expect(v).toEqual([expect.objectContaining({ t: 70000, expected: 'node N1 detected Down at 70000' })]);
  });
});

describe('route model: §4.4–§4.5 regroups', () => {
  it('TL2: a missing regroup (two members unconnected while quorum holds) is reported', () => {
    const c = tl('TL2');
    drop(c, (e) => e.t >= 70000);
    expect(rules(c)).toContain('networks §4.4 a regroup when a pair of members loses every route');
  });

  it('TL2: `lost` must be exactly the unconnected pairs', () => {
    const c = tl('TL2');
    const r = c.trace.events.find((e) => e.type === 'regroup')!;
    r.lost = (r.lost as unknown[]).slice(1);
    expect(rules(c)).toContain('networks §4.4 regroup: lost pairs from the declared routes');
  });

  it('TL9: pruning keeps {A1, B1}; a trace keeping {A1, C1} has the arithmetic right but not the arbitration', () => {
    const c = tl('TL9');
    const r = c.trace.events.find((e) => e.type === 'regroup')!;
    r.survivors = ['A1', 'C1'];
    r.removed = ['B1'];
    r.lost = [['B1', 'C1']];
    const v = rules(c);
    expect(v).toContain('networks §4.5 arbitration');
    expect(v).not.toContain('networks §4.5 regroup arithmetic');
  });

  it('TL3a: the witness field must name the core the witness went to', () => {
    const c = tl('TL3a');
    const r = c.trace.events.find((e) => e.type === 'regroup')!;
    r.witness = 'unreached';
    expect(rules(c)).toContain('networks §4.5 arbitration');
  });

  it('the arbitration of §4.5 on its own: components, pruning ranks, witness race, winner', () => {
    const links = [
      [1, 2],
      [2, 3],
      [4, 5],
    ];
    const linked = (a: number, b: number) => links.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
    const base = { nodes: [1, 2, 3, 4, 5], linked, vote: () => 1, total: 5, reaches: () => true, outside: () => false };
    // {1,2,3} is not fully linked: 1 and 3 each miss one link, same vote: the higher ID (3) goes.
    expect(arbitrateFromContract({ ...base, awardable: false })).toEqual({
      cores: [
        [1, 2],
        [4, 5],
      ],
      winner: null,
      award: null,
      pruned: 1,
    });
    // Rank (b) before (d): node 1 without a vote goes instead of 3.
    expect(arbitrateFromContract({ ...base, vote: (n) => (n === 1 ? 0 : 1), awardable: false }).cores[0]).toEqual([
      2, 3,
    ]);
    // Rank (c) before (d): 1 outside the PreferredSite goes.
    expect(arbitrateFromContract({ ...base, outside: (n) => n === 1, awardable: false }).cores[0]).toEqual([2, 3]);
    // Witness race: equal votes, the lowest ID wins it; with T = 5 that makes 3 > 2.5.
    expect(arbitrateFromContract({ ...base, awardable: true })).toMatchObject({ award: 0, winner: 0 });
    expect(arbitrateFromContract({ ...base, awardable: true, reaches: (n) => n > 3 })).toMatchObject({
      award: 1,
      winner: 1,
    });
  });
});

describe('route model: §4.8 rejoin and join completion', () => {
  it('TL5: after the heal, N3 must rejoin at once; a trace where it stays Down is reported', () => {
    const c = tl('TL5');
    drop(c, (e) => e.t >= 90000 && e.type !== 'action');
    const v = checkNetworkTrace(c.scenario, c.trace).filter((x) => x.rule === 'networks §4.8 rejoin');
    expect(v[0]).toMatchObject({ t: 90000 });
  });

  it('TL5: a rejoin while the partition still cuts N3 off is reported', () => {
    const c = tl('TL5');
    drop(c, (e) => e.type === 'action' && (e.action as { action: string }).action === 'healPartition');
    expect(rules(c)).toContain('networks §4.8 rejoin');
  });
});

describe('route model: §4.10 IP Address resources', () => {
  it('TL7: IP-NYC is never called on N1, which has no interface on NYC-LAN', () => {
    const c = tl('TL7');
    c.trace.events.splice(1, 0, {
      t: 0,
      type: 'call',
      resource: 'IP-NYC',
      node: 'N1',
      call: 'Online',
      result: 'pending',
      reason: 'x',
    });
    expect(rules(c)).toContain('networks §4.10 not allowed = not called');
  });

  it('TL7: IP-SEA left Failed while its group runs on N3 (no SEA-LAN there) is reported: "never Failed"', () => {
    const c = tl('TL7');
    const i = c.trace.events.findIndex((e) => e.type === 'group.owner' && e.to === 'N3');
    c.trace.events.splice(i, 0, {
      t: 120000,
      type: 'resource.state',
      resource: 'IP-SEA',
      group: 'SQL',
      node: 'N2',
      from: 'Offline',
      to: 'Failed',
      reason: 'x',
    });
    const v = checkNetworkTrace(c.scenario, c.trace).filter(
      (x) => x.rule === 'networks §4.10 not allowed = not called',
    );
    expect(v[0]).toMatchObject({ t: 120000, actual: 'Failed' });
  });

  it('TL1: an IP left Online on its cut interface is reported', () => {
    const c = tl('TL1');
    drop(c, (e) => e.t >= 30000 && e.t < 40000 && e.type !== 'action');
    expect(rules(c)).toContain('networks §4.10 IP on a cut interface');
  });
});

describe('route model: §4.7, §4.8, §4.11, §4.12 quorum', () => {
  const V = 'networks §4.7 votes after every change (even rule with R, §4.11 order)';
  it('TL4c: the vote leaves the highest ID outside the PreferredSite (N2), not the highest ID (N4)', () => {
    const c = tl('TL4c');
    const first = c.trace.events.find((e) => e.type === 'quorum.vote')!;
    first.voter = 'N4';
    expect(rules(c)).toContain(V);
  });

  it('TL3c: R falls at the partition (no side reaches the witness); a trace that keeps the witness vote is reported', () => {
    const c = tl('TL3c');
    drop(c, (e) => e.type === 'quorum.vote' && e.t === 60000);
    const v = checkNetworkTrace(c.scenario, c.trace).filter((x) => x.rule === V);
    expect(v[0]).toMatchObject({ t: 60000 });
  });

  it('TL3d: a QuorumRegained where no core of the Up nodes wins is reported', () => {
    const c = tl('TL3d');
    const i = c.trace.events.findIndex((e) => e.type === 'policy' && e.rule === 'QuorumLost');
    const lost = c.trace.events[i]!;
    c.trace.events.push({ ...lost, t: c.trace.until, rule: 'QuorumRegained' });
    expect(rules(c)).toContain('networks §4.8 forming');
  });

  it('TL8a: stopNode N1 passes the quorum test (N2 has NodeWeight 1); refusing it is reported', () => {
    const c = tl('TL8a');
    const stop = c.trace.events.find((e) => e.type === 'action' && e.t === 60000)!;
    stop.type = 'action.rejected';
    expect(rules(c)).toContain('networks §2/§4.12 stopNode refusals');
  });
});

describe('§4.11 tiers of a node-loss failover (site mode)', () => {
  it('TL6a: after N1 the target is N2 (same site, key 0); N3 (key 2) is reported', () => {
    const c = tl('TL6a');
    expect(rules(c)).toEqual([]);
    c.trace.events.find((e) => e.type === 'group.owner')!.to = 'N3';
    const v = checkNetworkTrace(c.scenario, c.trace).filter((x) => x.rule === 'networks §4.10/§4.11 failover target');
    expect(v[0]).toMatchObject({ t: 70000, expected: 'a node of tier key 0 (N2)', actual: 'N3 with key 2' });
  });

  it('TL7: a target that is not a candidate (N1 was just lost) is reported', () => {
    const c = tl('TL7');
    const owner = c.trace.events.find((e) => e.type === 'group.owner' && e.to === 'N3')!;
    owner.to = 'N1';
    expect(rules(c)).toContain('networks §4.10/§4.11 failover target');
  });
});

describe('coverage', () => {
  it('names the paths a timeline reaches', () => {
    expect([...coverage(tl('TL9'))]).toEqual(
      expect.arrayContaining(['regroup', 'regroup: core pruned (tie-break by links, vote, site, ID)', 'rejoin']),
    );
    expect([...coverage(tl('TL7'))]).toEqual(
      expect.arrayContaining(['detection: route rule (not SF instant)', 'IP not allowed on the owner: left Offline']),
    );
    expect([...coverage(tl('TL1'))]).toEqual(expect.arrayContaining(['IP failed: cut', 'interface Failed']));
  });
});
