/**
 * networks.md §4.9 for a crashed member: "A crashed member keeps its last known state here (SF
 * §4.8): the routes it had at the crash keep the declared state they had then until it is detected
 * or removed", and §4.2 "Routes exist between two running nodes a ≠ b only". A route to a node
 * that was not running at the crash is not one it had: it does not make the interface Failed.
 * Found by the network fuzzer's route model (seed 1).
 */
import { describe, expect, it } from 'vitest';
import { runScenario, validateScenario } from '../index';
import { notation } from './notation.testutil';

describe('§4.9 the routes of a crashed member are the ones it had at the crash', () => {
  it('a node started after the crash has no route to the crashed member: both interfaces Up', () => {
    const v = validateScenario({
      format: 'failover-scenario@1',
      until: 10000,
      cluster: {
        properties: { SameSubnetDelay: 250, SameSubnetThreshold: 4 },
        quorum: { witness: 'cloud', DynamicQuorum: 0 },
      },
      networks: [{ name: 'LAN' }],
      nodes: [{ name: 'N1' }, { name: 'N2', behavior: { joinMs: 0 } }],
      groups: [],
      script: [
        // N1 keeps the cluster with the witness; N2 waits, then crashes (off).
        { at: 500, action: 'partition', sides: [['N2'], ['N1']] },
        { at: 1500, action: 'crashNode', node: 'N2' },
        // N1 crashes with no running peer (no route); N2 starts and joins at once.
        { at: 2000, action: 'crashNode', node: 'N1' },
        { at: 2000, action: 'startNode', node: 'N2' },
      ],
    });
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const states = runScenario(v.scenario)
      .events.filter((e) => e.type === 'interface.state' || e.type === 'network.state')
      .map(notation);
    expect(states).toEqual([
      '1500 if N2@LAN Up→Unavailable',
      '2000 if N2@LAN Unavailable→Up',
      '3000 if N1@LAN Up→Unavailable',
    ]);
  });
});
