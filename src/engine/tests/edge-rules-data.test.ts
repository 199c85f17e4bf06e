/**
 * Contract §4.8 names are data, §1 ownerNode at t=0, §3 quorum.vote, and the run loop guard. One describe per rule; each repro
 * scenario found by random fault testing (edge-fixtures/, README in
 * ../../../../shared/fixtures/engine) is asserted against the contract's outcome, and each rule is
 * checked again on a different topology or timing so the test holds the rule, not the repro.
 */
import { describe, expect, it } from 'vitest';
import { cluster, scenario } from '../testing/harness';
import { runScenario, validateScenario, type Scenario } from '../index';
import amb03 from './edge-fixtures/amb03.json';
import bug11 from './edge-fixtures/bug11.json';
import bug14 from './edge-fixtures/bug14.json';

const run = (json: unknown) => cluster(json).to((json as { until: number }).until);

describe('§4.8 names are data', () => {
  it('a node and a resource named __proto__ appear in final like any other name (bug14)', () => {
    const v = validateScenario(bug14);
    if (!v.ok) throw new Error('invalid');
    const json = JSON.stringify(runScenario(v.scenario).final);
    const final = JSON.parse(json) as { nodes: Record<string, unknown>; resources: Record<string, unknown> };
    expect(Object.keys(final.nodes)).toEqual(['__proto__', 'N2', 'N3']);
    expect(Object.keys(final.resources)).toEqual(['__proto__ ']);
    expect(Object.getOwnPropertyDescriptor(final.nodes, '__proto__')?.value).toEqual({ state: 'Down' });
  });
});

describe('§1 ownerNode counts only if that node is Up at t=0 (amb03)', () => {
  it('a Down ownerNode is passed over for the first Up candidate', () => {
    const c = run(amb03);
    expect(c.sim.final().groups.G).toEqual({ state: 'Online', owner: 'N2', failoverCount: 0 });
  });
});

describe('§3 quorum.vote for every change of a vote (bug11)', () => {
  it('the witness vote is traced when it returns and when its loss loses quorum', () => {
    const c = run(bug11);
    expect(c.lines(['quorum.vote', 'policy'])).toEqual([
      '10000 vote witness 1->0',
      '30000 policy QuorumLost cluster',
      '100000 policy QuorumRegained cluster',
      '100000 vote witness 0->1',
      '200000 vote witness 1->0',
      '200000 policy QuorumLost cluster',
    ]);
  });

  it('the reason of an even-rule vote change names the rule', () => {
    const c = cluster(scenario({ nodes: [{ name: 'A' }, { name: 'B' }], groups: [] }));
    const vote = c.events((e) => e.type === 'quorum.vote')[0]!;
    expect(vote.reason).toBe(
      'vote of "B" removed to keep the voting count odd (dynamic quorum: with an even count and no witness vote, the highest node ID gives up its vote)',
    );
  });
});

describe('the run loop never spins within one instant', () => {
  it('a zero-time loop the validation did not foresee stops with a clear error', () => {
    const v = validateScenario(
      scenario({
        nodes: [{ name: 'N1' }],
        groups: [{ name: 'G', resources: [{ name: 'R', behavior: { onlineMs: 0, offlineMs: 0 } }] }],
        script: [
          { at: 1000, action: 'setOnline', resource: 'R', result: 'fail' },
          { at: 1000, action: 'failResource', resource: 'R' },
        ],
      }),
    );
    if (!v.ok) throw new Error('invalid');
    // Bypass validation's §1 rule (RestartDelay ≥ 1 with onlineMs 0) to reach the guard itself.
    const looping: Scenario = structuredClone(v.scenario);
    const res = looping.groups[0]!.resources[0]!;
    res.properties.RestartDelay = 0;
    res.properties.RestartThreshold = 4294967294;
    expect(() => runScenario(looping)).toThrowError(/does not settle at t=1000 ms/);
  });
});
