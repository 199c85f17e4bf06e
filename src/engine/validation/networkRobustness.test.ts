/**
 * The network checks on anything (networks.md §1.6; the contract's "valid or rejected as a whole"):
 * they never throw, a rejection always says why, and whatever they let through the engine runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../index';
import { validateScenario } from './index';
import { netScenario } from './networkTestkit';

const KEYS = [
  'networks',
  'name',
  'role',
  'routed',
  'subnet',
  'functionalLevel',
  'interfaces',
  'site',
  'PreferredSite',
  'LowerQuorumPriorityNodeId',
  'CrossSiteDelay',
  'parameters',
  'Network',
  'Address',
  'sides',
  'witness',
  'network',
  'node',
  'action',
  'type',
  'quorum',
];

/** Plausible values, so that many plants are valid and reach the engine. */
const value = fc.oneof(
  fc.constantFrom('Public', 'HB', 'iSCSI', 'N1', 'N3', 'SEA', 'NYC', 'none', 'cluster', '2016', '2012R2', 'IP Address'),
  fc.constantFrom(true, false, 0, 1, 2, 4, 7, null, [], {}),
  fc.constantFrom(['N1'], ['Public'], ['HB', 'Public'], ['SEA'], [[`N1`], ['N2', 'N3', 'N4']], [0], [1, 0]),
  fc.jsonValue({ maxDepth: 2 }),
);

const SCRIPT = [
  { at: 10000, action: 'failNetwork', network: 'HB' },
  {
    at: 20000,
    action: 'partition',
    sides: [
      ['N1', 'N2'],
      ['N3', 'N4'],
    ],
    witness: [1],
  },
  { at: 30000, action: 'failInterface', node: 'N3', network: 'Public' },
  { at: 40000, action: 'healPartition' },
  { at: 50000, action: 'stopNode', node: 'N2' },
];

describe('network validation never throws, and lets through only what the engine runs', () => {
  it('on the two-site scenario with random values planted anywhere', () => {
    let valid = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(fc.nat(5), { maxLength: 4 }), fc.constantFrom(...KEYS), value), { maxLength: 4 }),
        (plants) => {
          const s = netScenario();
          s.script = structuredClone(SCRIPT);
          for (const [route, key, v] of plants) {
            let target: unknown = s;
            for (const step of route) {
              if (Array.isArray(target) && target.length) target = target[step % target.length];
              else if (target && typeof target === 'object') {
                const ks = Object.keys(target);
                if (!ks.length) break;
                target = (target as Record<string, unknown>)[ks[step % ks.length]!];
              }
            }
            if (target && typeof target === 'object' && !Array.isArray(target))
              (target as Record<string, unknown>)[key] = structuredClone(v);
          }
          const r = validateScenario(s);
          if (!r.ok) {
            expect(r.errors.length).toBeGreaterThan(0);
            for (const e of r.errors) expect(e.message).not.toContain('could not be read');
            return;
          }
          valid++;
          expect(() => runScenario(r.scenario, 120_000)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
    // Enough plants stay valid for the engine half to mean something.
    expect(valid).toBeGreaterThan(30);
  });
});
