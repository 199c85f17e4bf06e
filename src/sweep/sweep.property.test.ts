import fc from 'fast-check';
import { validateScenario, type Scenario } from '../engine';
import { scenarioArb } from '../engine/testing/arbitraries';
import { referenceBaseline, referenceRun } from './reference.testutil';
import { sweep } from './sweep';
import type { Template } from './templates';

const templateArb: fc.Arbitrary<Template> = fc.constantFrom<Template>(
  { action: 'crashNode' },
  { action: 'failResource' },
  { action: 'setHealth', isAlive: 'hang' },
  { action: 'setHealth', looksAlive: 'fail', isAlive: 'fail' },
  { action: 'setOnline', result: 'stall' },
  { action: 'moveGroup' },
  { action: 'offlineGroup' },
  { action: 'pauseNode', drain: true },
  { action: 'startNode' },
  { action: 'signalFailure' },
  { action: 'failWitness' },
);

function valid(json: unknown): Scenario {
  const v = validateScenario(json);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}

const plainRecords = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('sweep = each fault alone through the engine (sweep-format.md §2)', () => {
  it('every run and the baseline equal runScenario on the scenario with the fault added', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.uniqueArray(templateArb, { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(
          fc.integer({ min: 0, max: 420 }).map((x) => x * 1000),
          { minLength: 1, maxLength: 3 },
        ),
        (json, templates, rawAts) => {
          const scenario = valid(json);
          const ats = rawAts.filter((a) => a <= scenario.until);
          fc.pre(ats.length > 0);
          const { document } = sweep({ scenario, ats, templates });
          const expectedRuns = document.runs.map((r) => referenceRun(scenario, r.at, r.fault));
          expect(plainRecords(document.runs)).toEqual(plainRecords(expectedRuns));
          expect(plainRecords(document.baseline)).toEqual(
            plainRecords(ats.map((at) => ({ at, groups: referenceBaseline(scenario, at) }))),
          );
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('under any modelling option too (A/B by semantics sweeps with options)', () => {
    const semanticsArb = fc.record(
      {
        restartWindow: fc.constantFrom('fixed' as const, 'sliding' as const),
        failoverWindow: fc.constantFrom('sliding' as const, 'fixed' as const),
        nodeDownCountsAsFailover: fc.boolean(),
        dependentsOnProviderFailure: fc.constantFrom('Offline' as const, 'Failed' as const),
        signalFailure: fc.constantFrom('runIsAlive' as const, 'immediateFailure' as const),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        scenarioArb,
        fc.uniqueArray(templateArb, { minLength: 1, maxLength: 2 }),
        semanticsArb,
        (json, templates, semantics) => {
          const scenario = valid(json);
          const at = Math.min(60_000, scenario.until);
          const options = { semantics };
          const { document } = sweep({ scenario, ats: [at], templates, options });
          const expected = document.runs.map((r) => referenceRun(scenario, r.at, r.fault, options));
          expect(plainRecords(document.runs)).toEqual(plainRecords(expected));
          expect(plainRecords(document.baseline[0]!.groups)).toEqual(
            plainRecords(referenceBaseline(scenario, at, options)),
          );
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('shards, concatenated in K order, give the unsharded runs', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 7 }), (json, n) => {
        const scenario = valid(json);
        const plan = {
          scenario,
          ats: [Math.min(60_000, scenario.until)],
          templates: [{ action: 'crashNode' }, { action: 'failResource' }],
        };
        const whole = sweep(plan).document;
        const parts = Array.from({ length: n }, (_, k) => sweep(plan, { k: k + 1, n }).document);
        expect(parts.flatMap((p) => p.runs)).toEqual(whole.runs);
        for (const p of parts) expect(p.baseline).toEqual(whole.baseline);
        expect(parts.map((p) => p.shard!.to - p.shard!.from).reduce((a, b) => a + b, 0)).toBe(whole.runs.length);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
