/**
 * SF §3 "every change of a vote under §4.7" is traced, also when networks.md §4.7's R (the
 * membership's witness availability) changes together with the membership: "wherever SF §4.7 uses
 * 'the witness is up' …, read R, evaluated for the membership as it stands after the change being
 * processed". A regroup (§4.6 "V is recomputed … with the witness availability of the new
 * membership (§4.7), emitting quorum.vote"), a crash detection and a stop departure (§4.12 "V
 * recomputed …; quorum.vote") each change R and must trace the witness's vote with the rest.
 * Found by the network fuzzer (seeds 1, 3, 7, 99).
 */
import { describe, expect, it } from 'vitest';
import { runScenario, validateScenario, type Scenario, type TraceEvent } from '../index';
import { notation } from './notation.testutil';

function scenario(json: object): Scenario {
  const v = validateScenario({ format: 'failover-scenario@1', until: 60000, networks: [{ name: 'LAN' }], ...json });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}

const nodes = (n: number, weight0: string[] = []) =>
  Array.from({ length: n }, (_, i) => ({
    name: `N${i + 1}`,
    ...(weight0.includes(`N${i + 1}`) ? { properties: { NodeWeight: 0 } } : {}),
  }));

/** The vote events of one instant, in the notation of networks.md §7. */
const votesAt = (events: readonly TraceEvent[], t: number) =>
  events.filter((e) => e.t === t && (e.type === 'quorum.vote' || e.type === 'policy')).map(notation);

/** Each traced vote change starts from the value the trace last left (initial: SF §4.7 at t = 0). */
function continuityBreaks(s: Scenario, events: readonly TraceEvent[]): string[] {
  const weighted = s.nodes.filter((n) => n.properties.NodeWeight === 1 && n.state === 'Up');
  const vote = new Map<string, number>(s.nodes.map((n) => [n.name, weighted.includes(n) ? 1 : 0]));
  const dynamic = s.cluster.quorum.DynamicQuorum === 1;
  vote.set('witness', s.cluster.quorum.witness !== 'none' && (!dynamic || weighted.length % 2 === 0) ? 1 : 0);
  const out: string[] = [];
  for (const e of events) {
    if (e.type !== 'quorum.vote') continue;
    if (vote.get(e.voter) !== e.from) out.push(`${notation(e)} after ${vote.get(e.voter)}`);
    vote.set(e.voter, e.to);
  }
  return out;
}

describe('SF §3: a change of R (networks.md §4.7) traces the witness vote with the membership change', () => {
  it('a regroup that leaves the witness unreached, DynamicQuorum 0: the witness vote 1→0 right there', () => {
    // V = {N1, N2} (N3 has no vote), the witness always votes: T = 3. Only N3's side reaches it.
    const s = scenario({
      cluster: { quorum: { witness: 'disk', DynamicQuorum: 0 } },
      nodes: nodes(3, ['N3']),
      script: [{ at: 10000, action: 'partition', sides: [['N1', 'N2'], ['N3']], witness: [1] }],
    });
    const { events } = runScenario(s);
    expect(events.filter((e) => e.t === 20000 && e.type !== 'interface.state').map(notation)).toEqual([
      '20000 regroup survivors [N1,N2] removed [N3] lost [N1,N3] [N2,N3] witness "removed"',
      '20000 node N3 Up→Down',
      '20000 vote witness 1→0',
    ]);
    expect(continuityBreaks(s, events)).toEqual([]);
  });

  it('the same with dynamic quorum: V stays even without the witness, so N2 gives up its vote too', () => {
    const s = scenario({
      cluster: { quorum: { witness: 'cloud' } },
      nodes: nodes(3, ['N3']),
      script: [
        { at: 10000, action: 'partition', sides: [['N1', 'N2'], ['N3']], witness: [1] },
        { at: 30000, action: 'healPartition' },
      ],
    });
    const { events } = runScenario(s);
    expect(votesAt(events, 20000)).toEqual(['20000 vote N2 1→0', '20000 vote witness 1→0']);
    // The heal makes R true again: the witness-returned handling gives both back (§4.7).
    expect(votesAt(events, 30000)).toEqual(['30000 vote N2 0→1', '30000 vote witness 0→1']);
    expect(continuityBreaks(s, events)).toEqual([]);
  });

  it('a crash detected after a partition kept only the crashed node on the witness side', () => {
    // V = {N1..N4}, the witness votes: T = 5. N4 crashes, then the partition puts it alone with the
    // witness; at N4's detection no member reaches the witness and V = {N1, N2, N3} is odd.
    const s = scenario({
      cluster: { quorum: { witness: 'cloud' } },
      nodes: nodes(4),
      script: [
        { at: 10000, action: 'crashNode', node: 'N4' },
        { at: 10000, action: 'partition', sides: [['N1', 'N2', 'N3'], ['N4']], witness: [1] },
      ],
    });
    const { events } = runScenario(s);
    expect(events.some((e) => e.type === 'regroup')).toBe(false);
    expect(votesAt(events, 20000)).toEqual(['20000 vote N4 1→0', '20000 vote witness 1→0']);
    expect(continuityBreaks(s, events)).toEqual([]);
  });

  it('a crash detection that loses quorum with R: the witness vote goes first, then QuorumLost; the heal forms again', () => {
    // V = {N1, N2} + witness, T = 3. At N2's detection only N1 remains and cannot reach the witness.
    const s = scenario({
      cluster: { quorum: { witness: 'cloud' } },
      nodes: nodes(2),
      script: [
        { at: 10000, action: 'crashNode', node: 'N2' },
        { at: 10000, action: 'partition', sides: [['N1'], ['N2']], witness: [1] },
        { at: 30000, action: 'healPartition' },
        { at: 40000, action: 'startNode', node: 'N1' },
      ],
    });
    const { events } = runScenario(s);
    expect(votesAt(events, 20000)).toEqual(['20000 vote witness 1→0', '20000 policy QuorumLost cluster']);
    expect(continuityBreaks(s, events)).toEqual([]);
  });

  it('a stopping node that was the only one on the witness side leaves: the witness vote 1→0 with its own', () => {
    const s = scenario({
      cluster: { quorum: { witness: 'cloud' } },
      nodes: nodes(4),
      script: [
        { at: 10000, action: 'partition', sides: [['N1', 'N2', 'N3'], ['N4']], witness: [1] },
        { at: 10000, action: 'stopNode', node: 'N4' },
      ],
    });
    const { events } = runScenario(s);
    expect(votesAt(events, 10000)).toEqual(['10000 vote N4 1→0', '10000 vote witness 1→0']);
    expect(continuityBreaks(s, events)).toEqual([]);
  });
});
