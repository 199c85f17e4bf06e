/** validateScenario never throws (contract: valid or rejected as a whole; the app feeds it anything). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScenario } from './index';
import { baseScenario } from './testkit';

function check(value: unknown): void {
  const r = validateScenario(value);
  if (r.ok) expect(r.scenario.format).toBe('failover-scenario@1');
  else {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(typeof e.path).toBe('string');
      expect(typeof e.message).toBe('string');
    }
  }
}

describe('validateScenario never throws', () => {
  it('on random JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), check), { numRuns: 500 });
  });

  it('on random JS values (anything)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true }), check),
      { numRuns: 300 },
    );
  });

  it('on a valid scenario with random values planted anywhere', () => {
    const keys = fc.constantFrom(
      'format',
      'name',
      'seed',
      'until',
      'cluster',
      'nodes',
      'groups',
      'script',
      'ui',
      'state',
      'properties',
      'behavior',
      'resources',
      'dependsOn',
      'possibleOwners',
      'preferredOwners',
      'ownerNode',
      'type',
      'at',
      'action',
      'node',
      'group',
      'resource',
      'RestartPeriod',
      'RetryPeriodOnFailure',
      'startTime',
      'quorum',
      '__proto__',
      'constructor',
      'toString',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(fc.nat(5), { maxLength: 4 }), keys, fc.jsonValue({ maxDepth: 3 })), {
          maxLength: 6,
        }),
        (plants) => {
          const s = baseScenario();
          for (const [route, key, value] of plants) {
            // Walk into the scenario following `route` as indexes into each level's keys/items.
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
              Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
          }
          check(s);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('on random dependency expressions and names', () => {
    const name = fc.constantFrom('A', 'B', 'C', 'a', 'D', '', 'A]', '[');
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.oneof(fc.string(), fc.array(name))), { maxLength: 6 }), (rs) => {
        check({
          format: 'failover-scenario@1',
          groups: [{ name: 'G', resources: rs.map(([n, d]) => ({ name: n, dependsOn: d })) }],
        });
      }),
      { numRuns: 500 },
    );
  });

  it('on huge nesting and long chains', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100000; i++) deep = [deep];
    check(deep);
    check({ format: 'failover-scenario@1', ui: deep, nodes: deep, groups: [deep], script: [deep] });
    const chain = Array.from({ length: 20000 }, (_, i) => ({
      name: `R${i}`,
      dependsOn: i ? [`R${i - 1}`] : [`R19999`],
    }));
    const r = validateScenario({ format: 'failover-scenario@1', groups: [{ name: 'G', resources: chain }] });
    expect(!r.ok && r.errors.length).toBe(1);
  });

  it('on hostile objects (throwing getters)', () => {
    const evil = { format: 'failover-scenario@1' };
    Object.defineProperty(evil, 'nodes', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const r = validateScenario(evil);
    expect(r.ok).toBe(false);
  });
});
