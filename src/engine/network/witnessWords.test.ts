/**
 * The reasons a trainer reads aloud when the witness's vote changes in network mode: networks.md §4.7's
 * R can go false while the witness itself is up (no member reaches it), and that is not "the witness is
 * down". A failWitness/restoreWitness is still worded as the witness failing or coming back. A
 * no-winner regroup's QuorumLost names the regroup, not a node called "the regroup".
 */
import { describe, expect, it } from 'vitest';
import { runScenario, validateScenario, type Scenario, type TraceEvent } from '../index';

function scenario(json: object): Scenario {
  const v = validateScenario({
    format: 'failover-scenario@1',
    until: 100000,
    networks: [{ name: 'LAN' }],
    nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }, { name: 'N4' }],
    ...json,
  });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}

const witnessReasons = (events: readonly TraceEvent[]) =>
  events.flatMap((e) => (e.type === 'quorum.vote' && e.voter === 'witness' ? [`${e.t} ${e.reason}`] : []));

describe('network mode: the words of a witness vote change', () => {
  it('a split that leaves the witness unreached says so, and the heal says it is reached again', () => {
    const { events } = runScenario(
      scenario({
        cluster: { quorum: { witness: 'fileShare' } },
        script: [
          {
            at: 60000,
            action: 'partition',
            sides: [
              ['N1', 'N2'],
              ['N3', 'N4'],
            ],
            witness: [],
          },
          { at: 80000, action: 'healPartition' },
        ],
      }),
    );
    const words = witnessReasons(events);
    expect(words[0]).toBe(
      '60000 witness unreachable: no member reaches the witness (networks.md §4.7), so it does not vote',
    );
    expect(words.some((w) => w.includes('witness down') || w.includes('the witness is down'))).toBe(false);
    expect(words.some((w) => w.startsWith('witness reachable again', w.indexOf(' ') + 1))).toBe(true);
  });

  it('failWitness and restoreWitness are still the witness failing and coming back', () => {
    const { events } = runScenario(
      scenario({
        cluster: { quorum: { witness: 'fileShare' } },
        script: [
          { at: 30000, action: 'failWitness' },
          { at: 50000, action: 'restoreWitness' },
        ],
      }),
    );
    expect(witnessReasons(events)).toEqual([
      '30000 witness failed: the witness is down, so it does not vote',
      '50000 witness restored: the witness votes because the node votes are even (dynamic quorum)',
    ]);
  });

  it('a regroup with no winner and no crashed member: QuorumLost names the regroup as the cause', () => {
    const { events } = runScenario(
      scenario({
        cluster: { quorum: { witness: 'fileShare', DynamicQuorum: 0 } },
        script: [
          {
            at: 60000,
            action: 'partition',
            sides: [
              ['N1', 'N2'],
              ['N3', 'N4'],
            ],
            witness: [],
          },
        ],
      }),
    );
    const lost = events.find((e) => e.type === 'policy' && e.rule === 'QuorumLost');
    expect(lost && lost.type === 'policy' && lost.detail).toBe(
      'the regroup left no fully connected set of nodes holding more than half of 5 votes',
    );
  });
});
