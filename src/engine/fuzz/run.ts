/**
 * One fuzz case: validate a scenario, run it through the public API, and check everything the
 * contract promises about the run: the trace rules (checker/), byte-identical reruns, stepwise
 * `advanceTo` equal to one call, and bounded work (no spinning within an instant).
 */
import { createSimulation, runScenario, validateScenario, type Scenario, type Trace } from '../index';
import { checkTrace, type Violation } from './checker';
import { checkNetworkTrace } from './checker/networkChecks';

export interface CaseResult {
  valid: boolean;
  violations: Violation[];
  events: number;
  /** Paths of networks.md the case reached (regroup, rejoin, …), for the fuzzer's coverage counts. */
  coverage: string[];
}

const PER_ELEMENT = 40;

/** Cycle time of a resource: no fault can make it act more often than this (ms, at least 1). */
function cycle(s: Scenario, r: Scenario['groups'][number]['resources'][number]): number {
  const p = r.properties;
  const times = [
    r.behavior.onlineMs,
    r.behavior.offlineMs,
    p.RestartDelay,
    p.LooksAlivePollInterval,
    p.IsAlivePollInterval,
    Math.min(p.PendingTimeout, p.DeadlockTimeout),
    p.RetryPeriodOnFailure,
    ...s.nodes.map((n) => n.behavior.joinMs),
  ].filter((x) => x > 0);
  return Math.max(1, Math.min(...times));
}

/** Work bounds: events per instant and per run, as functions of the scenario and its script. */
export function checkBoundedWork(s: Scenario, trace: Trace): Violation[] {
  const out: Violation[] = [];
  const R = s.groups.reduce((n, g) => n + g.resources.length, 0);
  const size = R + s.nodes.length + s.groups.length + 1;
  const actionsAt = new Map<number, number>();
  for (const a of s.script) actionsAt.set(a.at, (actionsAt.get(a.at) ?? 0) + 1);
  const perInstant = new Map<number, { n: number; first: number }>();
  trace.events.forEach((e, i) => {
    const c = perInstant.get(e.t) ?? { n: 0, first: i };
    c.n++;
    perInstant.set(e.t, c);
  });
  for (const [t, c] of perInstant) {
    const bound = PER_ELEMENT * size * (1 + (actionsAt.get(t) ?? 0));
    if (c.n > bound)
      out.push({
        rule: 'bounded work per instant',
        t,
        index: c.first,
        expected: `at most ${bound} events at one instant`,
        actual: `${c.n}`,
      });
  }
  const timeBound = s.groups
    .flatMap((g) => g.resources)
    .reduce((n, r) => n + PER_ELEMENT * Math.ceil(trace.until / cycle(s, r)), 0);
  const bound = PER_ELEMENT * size * (1 + s.script.length) + timeBound;
  if (trace.events.length > bound)
    out.push({
      rule: 'bounded work per run',
      t: trace.until,
      index: -1,
      expected: `at most ${bound} events`,
      actual: `${trace.events.length}`,
    });
  return out;
}

/** Cut points for stepwise `advanceTo`, derived from the scenario so a case is reproducible. */
function cutPoints(s: Scenario, seed: number): number[] {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const cuts = s.script.map((a) => a.at);
  for (let k = 0; k < 6; k++) cuts.push(Math.floor(next() * s.until));
  return [...new Set(cuts)].sort((a, b) => a - b);
}

/**
 * `checks`: `contract` (default) = the SF checker plus networks.md §0 (a plain scenario gains no
 * network event); `network` = networks.md's checks (networkChecks.ts) for network-mode scenarios.
 */
export function runCase(
  json: unknown,
  options: { stepSeed?: number; checks?: 'contract' | 'network' } = {},
): CaseResult {
  const v = validateScenario(json);
  if (!v.ok) {
    // The generator builds only scenarios the contract calls valid (§1), so a refusal is a finding.
    const errors = v.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return {
      valid: false,
      events: 0,
      coverage: [],
      violations: [
        { rule: '§1 a valid scenario is accepted', t: 0, index: -1, expected: 'validation accepts it', actual: errors },
      ],
    };
  }
  const s = v.scenario;
  let trace: Trace;
  try {
    trace = runScenario(s);
  } catch (err) {
    return {
      valid: true,
      events: 0,
      coverage: [],
      violations: [
        {
          rule: 'no exception',
          t: -1,
          index: -1,
          expected: 'the run completes',
          actual: String((err as Error).message),
        },
      ],
    };
  }
  const rules = options.checks === 'network' ? [] : checkTrace(s, trace);
  const cover = new Set<string>();
  const violations = [...rules, ...checkNetworkTrace(json, trace, cover), ...checkBoundedWork(s, trace)];
  const text = JSON.stringify(trace);
  const again = JSON.stringify(runScenario(s));
  if (again !== text)
    violations.push({
      rule: '§3 determinism',
      t: s.until,
      index: firstDiff(text, again),
      expected: 'a byte-identical rerun',
      actual: 'a different trace',
    });
  const sim = createSimulation(s);
  for (const c of cutPoints(s, options.stepSeed ?? s.script.length * 7919 + trace.events.length)) sim.advanceTo(c);
  sim.advanceTo(s.until);
  const stepped = JSON.stringify({ events: sim.events(), final: sim.final() });
  const whole = JSON.stringify({ events: trace.events, final: trace.final });
  if (stepped !== whole)
    violations.push({
      rule: 'stepwise advanceTo = one call',
      t: s.until,
      index: firstEventDiff(trace, sim.events()),
      expected: 'the same trace and final',
      actual: 'a different one',
    });
  return { valid: true, violations, events: trace.events.length, coverage: [...cover] };
}

function firstDiff(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return -1 - i;
}

function firstEventDiff(trace: Trace, events: readonly unknown[]): number {
  const n = Math.max(trace.events.length, events.length);
  for (let i = 0; i < n; i++) if (JSON.stringify(trace.events[i]) !== JSON.stringify(events[i])) return i;
  return -1;
}
