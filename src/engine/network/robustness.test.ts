/* eslint-disable @typescript-eslint/no-unnecessary-type-assertion -- the `as const` literals are needed by tsc -b for Arbitrary<Action>; the lint program disagrees */
/**
 * Random sequences of network, node and witness actions never throw (an internal refusal of a
 * machine event would), every refusal has a reason, and a JSON snapshot continues identically.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, restoreSimulation, validateScenario, type Action } from '../index';

const NODES = ['N1', 'N2', 'N3', 'N4'];
const NETS = ['LAN', 'HB'];

const v = validateScenario({
  format: 'failover-scenario@1',
  cluster: { functionalLevel: '2016', quorum: { witness: 'fileShare' }, properties: { PreferredSite: 'A' } },
  networks: [{ name: 'LAN' }, { name: 'HB', role: 'cluster' }],
  nodes: [
    { name: 'N1', site: 'A' },
    { name: 'N2', site: 'A' },
    { name: 'N3', site: 'B' },
    { name: 'N4', site: 'B', interfaces: ['LAN'] },
  ],
  groups: [
    {
      name: 'G1',
      preferredOwners: ['N1', 'N3'],
      properties: { AutoFailbackType: 1 },
      resources: [
        { name: 'IP', type: 'IP Address', parameters: { Network: 'LAN' }, behavior: { onlineMs: 500, offlineMs: 300 } },
        { name: 'App', dependsOn: ['IP'], behavior: { onlineMs: 2000, offlineMs: 4000 } },
      ],
    },
    { name: 'G2', ownerNode: 'N4', resources: [{ name: 'B', behavior: { onlineMs: 1000, offlineMs: 1000 } }] },
  ],
});
if (!v.ok) throw new Error(JSON.stringify(v.errors));
const scenario = v.scenario;

const node = fc.constantFrom(...NODES);
const net = fc.constantFrom(...NETS);
const action: fc.Arbitrary<Action> = fc.oneof(
  node.map((n) => ({ action: 'crashNode', node: n }) as Action),
  node.map((n) => ({ action: 'startNode', node: n }) as Action),
  node.map((n) => ({ action: 'stopNode', node: n }) as Action),
  node.map((n) => ({ action: 'pauseNode', node: n, drain: true }) as Action),
  node.map((n) => ({ action: 'resumeNode', node: n, failback: 'Immediate' }) as Action),
  net.map((n) => ({ action: 'failNetwork', network: n }) as Action),
  net.map((n) => ({ action: 'restoreNetwork', network: n }) as Action),
  fc.tuple(node, net).map(([n, w]) => ({ action: 'failInterface', node: n, network: w }) as Action),
  fc.tuple(node, net).map(([n, w]) => ({ action: 'restoreInterface', node: n, network: w }) as Action),
  fc
    .shuffledSubarray(NODES, { minLength: 1, maxLength: 3 })
    .chain((one) =>
      fc
        .subarray([0, 1])
        .map(
          (w) => ({ action: 'partition', sides: [one, NODES.filter((n) => !one.includes(n))], witness: w }) as Action,
        ),
    ),
  fc.constant({ action: 'healPartition' } as Action),
  fc.constant({ action: 'failWitness' } as Action),
  fc.constant({ action: 'restoreWitness' } as Action),
);

describe('network mode under random actions', () => {
  it('never throws, explains every refusal, and a snapshot continues identically', { timeout: 60000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30000 }), action), { maxLength: 12 }), (steps) => {
        const sim = createSimulation(scenario);
        let t = 0;
        for (const [dt, a] of steps) {
          t += dt;
          sim.advanceTo(t);
          const check = sim.check(a);
          if (!check.allowed) expect(check.reason.length).toBeGreaterThan(5);
          expect(sim.apply(a).applied).toBe(check.allowed);
        }
        const copy = restoreSimulation(scenario, JSON.parse(JSON.stringify(sim.snapshot())));
        sim.advanceTo(t + 200000);
        copy.advanceTo(t + 200000);
        expect(copy.events()).toEqual(sim.events());
        expect(copy.final()).toEqual(sim.final());
        expect(copy.view()).toEqual(sim.view());
      }),
      { numRuns: 150, seed: 12 },
    );
  });
});
