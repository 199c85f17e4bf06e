import { describe, expect, it } from 'vitest';
import { createSimulation, validateScenario } from '../engine';
import type { TraceEvent } from '../engine/model/trace';
import { explainEvent } from './explain';
import { SICK_SOURCE } from './test/realStore';

function sickTrace() {
  const v = validateScenario(SICK_SOURCE);
  if (!v.ok) throw new Error('invalid');
  const sim = createSimulation(v.scenario);
  sim.advanceTo(v.scenario.until);
  return { scenario: v.scenario, trace: sim.events() };
}
const policy = (trace: readonly TraceEvent[], rule: string, t: number) =>
  trace.find((e) => e.type === 'policy' && e.rule === rule && e.t === t)!;

describe('the whole why of a decision', () => {
  const { scenario, trace } = sickTrace();

  it('a restart decision: the rule, its numbers and the failures in the restart window with their times', () => {
    const x = explainEvent(policy(trace, 'RestartThresholdExceeded', 89_000), trace, scenario);
    expect(x.title).toBe('RestartThresholdExceeded · App Service');
    expect(x.reason).toBe('resource "App Service" failed 2 times within 15 min: no more restarts on this node');
    expect(x.detail).toBe(
      '2 failures since t=1:11.500 exceed RestartThreshold 1 in RestartPeriod 15 min; RestartAction 2',
    );
    expect(x.rule).toMatch(/^A resource that fails more than RestartThreshold times within RestartPeriod/);
    expect(x.numbers).toEqual([
      ['RestartThreshold', '1'],
      ['RestartPeriod', '15 min'],
      ['RestartAction', '2 (restart, then fail over)'],
      ['RestartDelay', '500 ms'],
      ['RetryPeriodOnFailure', '1 h'],
    ]);
    // The failures on N1 (before the move) are not in this window: it is N2's.
    expect(x.counted).toEqual({
      label: 'Failures in the restart window (since t=1:11.500, on N2)',
      items: [
        { t: 71_500, text: 'failed on N2: IsAlive failed' },
        { t: 89_000, text: 'failed on N2: IsAlive failed' },
      ],
    });
  });

  it('a failover decision: the failovers inside FailoverPeriod, this one marked; the detail shown once', () => {
    const x = explainEvent(policy(trace, 'FailoverStarted', 89_000), trace, scenario);
    expect(x.numbers[0]).toEqual(['FailoverThreshold', '2 (nodes − 1)']);
    expect(x.numbers[1]).toEqual(['FailoverPeriod', '6 h']);
    expect(x.counted?.label).toBe('Failovers inside FailoverPeriod (6 h, since t=0:00.000)');
    expect(x.counted?.items).toEqual([
      { t: 51_500, text: 'failover N1 → N2', self: false },
      { t: 89_000, text: 'failover N2 → N3', self: true },
    ]);
    // The detail (with "failover 2 of 2") is not the reason, and neither repeats inside the other.
    expect(x.detail).toMatch(/failover 2 of 2 in 6 h$/);
  });

  it('the threshold decision counts the two failovers that used up the budget', () => {
    const x = explainEvent(policy(trace, 'FailoverThresholdExceeded', 126_500), trace, scenario);
    expect(x.counted?.items.map((i) => [i.t, i.text])).toEqual([
      [51_500, 'failover N1 → N2'],
      [89_000, 'failover N2 → N3'],
    ]);
    expect(x.detail).toBeNull(); // "2 failovers … reach FailoverThreshold 2" — the reason says as much
  });

  it('an owner change points at the decision that sent it', () => {
    const move = trace.find((e) => e.type === 'group.owner' && e.t === 52_500)!;
    const x = explainEvent(move, trace, scenario);
    expect(x.title).toBe('App moved: N1 → N2 (failover)');
    expect(x.counted?.items).toEqual([
      { t: 51_500, text: expect.stringMatching(/^FailoverStarted: resource "App Service"/) },
    ]);
  });

  it("an action row says whose it was: the scenario's script or the user's", () => {
    const scripted = trace.find((e) => e.type === 'action')!;
    const x = explainEvent(scripted, trace, scenario);
    expect(x.title).toBe("The scenario's script: set IsAlive fail on App Service");
    expect(x.rule).toMatch(/Script & branches/);
    const mine = explainEvent(scripted, trace, scenario, [
      { at: 20_000, action: { action: 'setHealth', resource: 'App Service', isAlive: 'fail' } },
    ]);
    expect(mine.title).toBe('Your action: set IsAlive fail on App Service');
  });
});
