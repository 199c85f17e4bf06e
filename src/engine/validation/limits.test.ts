/** Contract §1 as amended by issue 7: every time at most ten years; the onlineMs 0 rule. */
import { describe, expect, it } from 'vitest';
import bug13 from '../tests/edge-fixtures/bug13.json';
import { MAX_SCENARIO_TIME_MS } from '../model/scenario';
import { parseScenarioText } from './index';
import { baseScenario, issuesOf, onlyIssue, scenarioOf } from './testkit';

const TEN_YEARS = 315360000000;

describe('every time in a scenario is at most ten years', () => {
  it('is the contract number', () => {
    expect(MAX_SCENARIO_TIME_MS).toBe(TEN_YEARS);
    expect(MAX_SCENARIO_TIME_MS).toBe(10 * 365 * 24 * 3600 * 1000);
  });

  it('accepts until and every at of exactly ten years', () => {
    const s = baseScenario();
    s.until = TEN_YEARS;
    s.script = [{ at: TEN_YEARS, action: 'crashNode', node: 'NODE1' }];
    const scenario = scenarioOf(s);
    expect(scenario.until).toBe(TEN_YEARS);
    expect(scenario.script[0]!.at).toBe(TEN_YEARS);
  });

  it('refuses until beyond ten years, naming the place', () => {
    const s = baseScenario();
    s.until = TEN_YEARS + 1;
    expect(onlyIssue(s)).toEqual({
      path: 'until',
      message: 'the scenario: "until" must be at most 315360000000 ms (ten years), got 315360000001',
    });
  });

  it('refuses each script at beyond ten years, naming the entry', () => {
    const s = baseScenario();
    s.script = [
      { at: 1000, action: 'crashNode', node: 'NODE1' },
      { at: 1e15, action: 'startNode', node: 'NODE1' },
      { at: Number.MAX_SAFE_INTEGER, action: 'failWitness' },
    ];
    expect(issuesOf(s)).toEqual([
      {
        path: 'script[1].at',
        message: 'script action "startNode": "at" must be at most 315360000000 ms (ten years), got 1000000000000000',
      },
      {
        path: 'script[2].at',
        message: 'script action "failWitness": "at" must be at most 315360000000 ms (ten years), got 9007199254740991',
      },
    ]);
  });

  it('still checks at when the action is unknown', () => {
    const s = baseScenario();
    s.script = [{ at: TEN_YEARS * 2, action: 'crashNod', node: 'NODE1' }];
    expect(issuesOf(s)).toEqual([
      {
        path: 'script[0].at',
        message: 'script entry at script[0]: "at" must be at most 315360000000 ms (ten years), got 630720000000',
      },
      {
        path: 'script[0].action',
        message: 'script entry at script[0] has unknown action "crashNod"; did you mean "crashNode"?',
      },
    ]);
  });
});

describe('a resource with behavior.onlineMs 0 needs RestartDelay ≥ 1 and RetryPeriodOnFailure ≥ 1', () => {
  const zeroOnline = (properties: Record<string, unknown>) => {
    const s = baseScenario();
    s.groups[1].resources[0].behavior = { onlineMs: 0 };
    s.groups[1].resources[0].properties = properties;
    return s;
  };

  it('refuses the repro fixture bug13 (it used to spin forever at t=1000)', () => {
    const r = parseScenarioText(JSON.stringify(bug13));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      {
        path: 'groups[0].resources[0].properties.RetryPeriodOnFailure',
        message:
          'resource "R" property "RetryPeriodOnFailure" is 0, but its behavior "onlineMs" is 0; with onlineMs 0, ' +
          'RestartDelay and RetryPeriodOnFailure must be at least 1 (else a failing Online call could fail and be tried again forever within one instant)',
      },
    ]);
  });

  it('refuses RestartDelay 0, and both at once, each at its own place', () => {
    expect(onlyIssue(zeroOnline({ RestartDelay: 0 }))).toEqual({
      path: 'groups[1].resources[0].properties.RestartDelay',
      message:
        'resource "App Service" property "RestartDelay" is 0, but its behavior "onlineMs" is 0; with onlineMs 0, ' +
        'RestartDelay and RetryPeriodOnFailure must be at least 1 (else a failing Online call could fail and be tried again forever within one instant)',
    });
    expect(
      issuesOf(zeroOnline({ RestartPeriod: 0, RetryPeriodOnFailure: 0, RestartDelay: 0 })).map((e) => e.path),
    ).toEqual([
      'groups[1].resources[0].properties.RetryPeriodOnFailure',
      'groups[1].resources[0].properties.RestartDelay',
    ]);
  });

  it('accepts onlineMs 0 with the defaults, with 1, and with never retry', () => {
    expect(scenarioOf(zeroOnline({})).groups[1]!.resources[0]!.behavior.onlineMs).toBe(0);
    expect(validateOk(zeroOnline({ RestartPeriod: 0, RetryPeriodOnFailure: 1, RestartDelay: 1 }))).toBe(true);
    expect(validateOk(zeroOnline({ RestartDelay: 1, RetryPeriodOnFailure: 4294967295 }))).toBe(true);
  });

  it('leaves RestartDelay 0 and RetryPeriodOnFailure 0 alone when Online takes time', () => {
    const s = zeroOnline({ RestartPeriod: 0, RetryPeriodOnFailure: 0, RestartDelay: 0 });
    s.groups[1].resources[0].behavior = { onlineMs: 1 };
    expect(validateOk(s)).toBe(true);
  });

  it('reports an invalid value once, by the value rule, not again by this rule', () => {
    const s = zeroOnline({ RestartDelay: -1 });
    expect(onlyIssue(s).message).toMatch(/^resource "App Service" property "RestartDelay" must be /);
  });

  it('is checked alongside other problems of the same resource', () => {
    const s = zeroOnline({ RestartDelay: 0, Bogus: 1 });
    expect(issuesOf(s).map((e) => e.path)).toEqual([
      'groups[1].resources[0].properties.RestartDelay',
      'groups[1].resources[0].properties.Bogus',
    ]);
  });
});

function validateOk(json: unknown): boolean {
  scenarioOf(json);
  return true;
}
