/**
 * The network checker (networkChecks.ts, written from networks.md) against the worked timelines of
 * networks.md §7 — each fixture holds a §7 scenario and its trace as the network engine produced
 * it, whose timeline tests (network/timelines.test.ts) assert every event and `final` of §7 — and
 * the same traces broken one rule at a time (the route model's rules: networkReplay.test.ts).
 * Also the network generator's guarantees; the seeded fuzz run itself is networkFuzz.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatViolation } from './checker';
import { checkNetworkTrace } from './checker/networkChecks';
import { buildNetworkScenario, networkSeedArb } from './networkGen';
import { failoverCase } from './handTraces';

type Ev = Record<string, unknown> & { t: number; type: string };
interface Case {
  scenario: Record<string, unknown>;
  trace: { events: Ev[]; final: Record<string, unknown>; until: number };
}
const cases = import.meta.glob<Case>('./__fixtures__/network/*.case.json', { eager: true, import: 'default' });
const tl = (name: string): Case => structuredClone(cases[`./__fixtures__/network/${name}.case.json`]!);
const rules = (c: Case) => checkNetworkTrace(c.scenario, c.trace).map((v) => v.rule);

describe('network checker on the worked timelines of networks.md §7', () => {
  it('has every timeline', () => {
    expect(Object.keys(cases).length).toBe(16);
  });

  it.each(Object.keys(cases).map((k) => [k.replace(/^.*\/|\.case\.json$/g, '')]))('%s breaks no rule', (name) => {
    const c = tl(name);
    expect(checkNetworkTrace(c.scenario, c.trace).map(formatViolation)).toEqual([]);
  });
});

describe('network checker on broken timelines', () => {
  it('§4.9: a state event before the group.state of its instant', () => {
    const c = tl('TL2');
    const e = c.trace.events;
    const i = e.findIndex((x) => x.type === 'group.state' && x.t === 70000);
    const [g] = e.splice(i, 1);
    e.splice(i + 2, 0, g!);
    expect(rules(c)).toContain('networks §4.9 interface and network states');
  });

  it('§4.9: interfaces out of ID order, and a change that starts from the wrong state', () => {
    const c = tl('TL2');
    const e = c.trace.events;
    const i = e.findIndex((x) => x.type === 'interface.state' && x.node === 'N4');
    [e[i], e[i + 1]] = [e[i + 1]!, e[i]!];
    expect(rules(c)).toContain('networks §4.9 interface and network states');
    const d = tl('TL2');
    const j = d.trace.events.findIndex((x) => x.type === 'interface.state');
    d.trace.events[j]!.from = 'Failed';
    expect(rules(d)).toContain('networks §4.9 interface and network states');
  });

  it('§3: final.networks that is not the replay of the trace', () => {
    const c = tl('TL1');
    (c.trace.final.networks as Record<string, { state: string }>).Public!.state = 'Down';
    expect(rules(c)).toContain('networks §3 final.networks = replay of the trace');
  });

  it('§4.5: survivors without a majority, and a witness award that cannot be', () => {
    const c = tl('TL2');
    const r = c.trace.events.find((x) => x.type === 'regroup')!;
    r.survivors = ['N1', 'N2'];
    r.removed = ['N3', 'N4', 'N5'];
    expect(rules(c)).toContain('networks §4.5 regroup arithmetic');
    const d = tl('TL3a');
    d.trace.events.find((x) => x.type === 'regroup')!.witness = 'none';
    expect(rules(d)).toContain('networks §4.5 regroup arithmetic');
  });

  it('§4.6: a removed member not taken Down right after the regroup; no QuorumLost when nobody wins', () => {
    const c = tl('TL2');
    c.trace.events.splice(
      c.trace.events.findIndex((x) => x.type === 'node.state' && x.node === 'N5'),
      1,
    );
    expect(rules(c)).toContain('networks §4.6 regroup outcome');
    const d = tl('TL3d');
    d.trace.events.splice(
      d.trace.events.findIndex((x) => x.type === 'policy' && x.rule === 'QuorumLost'),
      1,
    );
    expect(rules(d)).toContain('networks §4.6 regroup outcome');
  });

  it('§4.3: a crash detected later than the route timeout', () => {
    const c = tl('TL6a');
    c.trace.events.find((x) => x.type === 'node.state' && x.node === 'N1' && x.to === 'Down')!.t = 71000;
    expect(rules(c)).toContain('networks §4.3 crash detection instant');
  });

  it('SF §3: a vote change that does not start from the last traced value', () => {
    const c = tl('TL4a');
    const votes = c.trace.events.filter((x) => x.type === 'quorum.vote');
    votes[1]!.from = 0;
    expect(rules(c)).toContain('networks SF §3 quorum.vote continuity');
  });

  it('§0: a plain scenario with a network event or final.networks', () => {
    const plain = failoverCase();
    const trace = structuredClone(plain.trace) as unknown as Case['trace'];
    trace.events.push({ t: 20000, type: 'network.state', network: 'x', from: 'Up', to: 'Down', reason: 'x' });
    expect(checkNetworkTrace(plain.scenario, trace).map((v) => v.rule)).toContain(
      'networks §0 a plain scenario is unchanged',
    );
    expect(checkNetworkTrace(plain.scenario, plain.trace)).toEqual([]);
  });
});

describe('network generator', () => {
  const all = fc
    .sample(networkSeedArb, { numRuns: 400, seed: 12 })
    .map((x): Case['scenario'] => buildNetworkScenario(x));

  it('every pair of nodes has a heartbeat route (networks.md §4.2), so the scenario is valid', () => {
    for (const s of all) {
      const nets = s.networks as { name: string; role: string; routed: boolean }[];
      const net = (n: string) => nets.find((x) => x.name === n)!;
      const nodes = s.nodes as { interfaces: string[] }[];
      for (const a of nodes)
        for (const b of nodes) {
          if (a === b) continue;
          const common = a.interfaces.some((n) => b.interfaces.includes(n) && net(n).role !== 'none');
          const routed = (x: { interfaces: string[] }) =>
            x.interfaces.some((n) => net(n).routed && net(n).role !== 'none');
          expect(common || (routed(a) && routed(b))).toBe(true);
        }
    }
  });

  it('reaches every network action, stops, sites, PreferredSite, IP resources on a network and cross-subnet pairs', () => {
    const seen = new Set<string>();
    for (const s of all) {
      for (const a of s.script as { action: string }[]) seen.add(a.action);
      const nodes = s.nodes as { site?: string; interfaces: string[] }[];
      if (nodes.some((n) => n.site)) seen.add('site');
      const props = (s.cluster as { properties: Record<string, unknown> }).properties;
      if (props.PreferredSite) seen.add('cluster PreferredSite');
      if (props.LowerQuorumPriorityNodeId) seen.add('LowerQuorumPriorityNodeId');
      const groups = s.groups as { properties: Record<string, unknown>; resources: { parameters?: unknown }[] }[];
      if (groups.some((g) => g.properties.PreferredSite)) seen.add('group PreferredSite');
      if (groups.some((g) => g.resources.some((r) => r.parameters))) seen.add('IP on a network');
      if (groups.some((g) => g.resources.filter((r) => r.parameters).length > 1)) seen.add('multi-subnet group');
      const level = (s.cluster as { functionalLevel?: string }).functionalLevel;
      if (level) seen.add(`level ${level}`);
      if (!('SameSubnetDelay' in props)) seen.add('level heartbeat defaults');
      if (new Set(nodes.map((n) => n.site).filter(Boolean)).size > 2) seen.add('three sites');
      if (nodes.length > 1 && !nodes[0]!.interfaces.some((n) => nodes[1]!.interfaces.includes(n)))
        seen.add('cross-subnet');
    }
    for (const k of [
      'partition',
      'healPartition',
      'failNetwork',
      'restoreNetwork',
      'failInterface',
      'restoreInterface',
      'stopNode',
      'crashNode',
      'startNode',
      'failWitness',
      'restoreWitness',
      'pauseNode',
      'resumeNode',
      'multi-subnet group',
      'level 2012R2',
      'level 2016',
      'level 2019',
      'level heartbeat defaults',
      'three sites',
      'site',
      'cluster PreferredSite',
      'group PreferredSite',
      'LowerQuorumPriorityNodeId',
      'IP on a network',
      'cross-subnet',
    ])
      expect(seen, k).toContain(k);
  });
});
