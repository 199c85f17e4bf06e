/**
 * The availability estimate: N simulated years, each the design with random failures drawn from a
 * seeded generator (node crashes repaired after a random time, resource failures), run by the same
 * engine as `simulate`; per group the availability with a 95% confidence interval across years,
 * outages per year, their mean length, and the faults that cost the most downtime.
 *
 * Years are independent: year i's draws come from its own seed (derived from the seed and i), so
 * any split of the years over workers gives the same numbers, in the same order.
 */
import { createSimulation, type Action, type Scenario, type ScriptEntry } from '../engine';
import { rateOfType, type Rates } from './rates';
import { createRng, exponential } from './rng';
import { describeFault } from './words';

export const YEAR_MS = 365 * 24 * 3_600_000;
const HOUR = 3_600_000;
/** A repair is at least this long, so a node is never restarted before the cluster noticed it was gone. */
const MIN_REPAIR_MS = 60_000;
/**
 * A node whose cluster service was stopped by a loss of quorum (§4.7), not by a crash, is started
 * again this long after: the service's recovery action restarts it (a modelling choice; without it
 * such a node would wait for its own next random failure and repair to come back).
 */
export const SERVICE_RESTART_MS = 60_000;

/** Year i's seed: independent of how years are split. */
export function yearSeed(seed: number, year: number): number {
  return Math.floor(createRng((seed ^ Math.imul(year + 1, 0x9e3779b9)) >>> 0)() * 4294967296);
}

/** The random faults of one year, as script entries in time order (file order within an instant). */
export function drawFaults(
  scenario: Scenario,
  rates: Rates,
  seed: number,
): { entries: ScriptEntry[]; causes: Map<ScriptEntry, string> } {
  const rng = createRng(seed);
  const out: { at: number; order: number; entry: ScriptEntry; cause?: string }[] = [];
  let order = 0;
  const push = (at: number, action: Action, cause?: string) => {
    if (at < YEAR_MS) out.push({ at, order: order++, entry: { at, ...action }, cause });
  };
  if (rates.node.failuresPerYear > 0) {
    for (const n of scenario.nodes) {
      let t = 0;
      for (;;) {
        t += Math.round(exponential(rng, YEAR_MS / rates.node.failuresPerYear));
        if (t >= YEAR_MS) break;
        const fault: Action = { action: 'crashNode', node: n.name };
        push(t, fault, describeFault(fault));
        t += Math.max(MIN_REPAIR_MS, Math.round(exponential(rng, rates.node.repairHours * HOUR)));
        push(t, { action: 'startNode', node: n.name });
      }
    }
  }
  for (const g of scenario.groups) {
    for (const r of g.resources) {
      const rate = rateOfType(rates, r.type);
      if (rate.failuresPerYear <= 0) continue;
      let t = 0;
      for (;;) {
        t += Math.round(exponential(rng, YEAR_MS / rate.failuresPerYear));
        if (t >= YEAR_MS) break;
        const fail: Action = { action: 'failResource', resource: r.name };
        if (rate.repairHours > 0) {
          // Broken until repaired: its Online calls fail wherever it goes, then it is healed.
          push(t, { action: 'setOnline', resource: r.name, result: 'fail' }, describeFault(fail));
          push(t, fail, describeFault(fail));
          t += Math.max(MIN_REPAIR_MS, Math.round(exponential(rng, rate.repairHours * HOUR)));
          push(t, { action: 'heal', resource: r.name });
        } else push(t, fail, describeFault(fail));
      }
    }
  }
  out.sort((a, b) => a.at - b.at || a.order - b.order);
  const causes = new Map<ScriptEntry, string>();
  for (const o of out) if (o.cause) causes.set(o.entry, o.cause);
  return { entries: out.map((o) => o.entry), causes };
}

export interface GroupYear {
  /** Time not Online, from the group's first time Online (the initial start is not an outage). */
  downMs: number;
  /** Time observed (from first Online to the end of the year); 0 if it never came online. */
  observedMs: number;
  outages: number;
}

export interface YearResult {
  groups: Record<string, GroupYear>;
  /** Downtime (summed over groups) by the fault that started each outage. */
  byCause: Record<string, { downMs: number; outages: number }>;
  faults: number;
}

/** One simulated year of the design (its own script replaced by the random faults). */
export function simulateYear(scenario: Scenario, rates: Rates, seed: number): YearResult {
  const { entries, causes } = drawFaults(scenario, rates, seed);
  const sim = createSimulation({ ...scenario, script: entries, until: YEAR_MS });
  // The cause of an outage is the last injected fault at or before its start.
  let lastCause = 'no injected fault (the cluster itself)';
  let next = 0;
  const track = new Map(
    scenario.groups.map((g) => [g.name, { up: false, seen: -1, downSince: -1, down: 0, outages: 0, cause: '' }]),
  );
  const byCause = new Map<string, { downMs: number; outages: number }>();
  const addCause = (cause: string, ms: number, outage: number) => {
    const c = byCause.get(cause) ?? { downMs: 0, outages: 0 };
    c.downMs += ms;
    c.outages += outage;
    byCause.set(cause, c);
  };
  sim.subscribe((e) => {
    while (next < entries.length && entries[next]!.at <= e.t) {
      const c = causes.get(entries[next++]!);
      if (c) lastCause = c;
    }
    if (e.type !== 'group.state') return;
    const g = track.get(e.group)!;
    if (e.to === 'Online') {
      if (g.seen < 0) g.seen = e.t;
      if (g.downSince >= 0) {
        g.down += e.t - g.downSince;
        addCause(g.cause, e.t - g.downSince, 0);
        g.downSince = -1;
      }
      g.up = true;
    } else if (g.up) {
      g.up = false;
      g.downSince = e.t;
      g.outages++;
      g.cause = lastCause;
      addCause(lastCause, 0, 1);
    }
  });
  // Nodes stopped by a quorum loss come back by their service recovery; crashed ones by repair.
  const crashed = new Set<string>();
  const restarts: { at: number; node: string }[] = [];
  sim.subscribe((e) => {
    if (e.type === 'action' && e.action.action === 'crashNode') crashed.add(e.action.node);
    else if (e.type === 'action' && e.action.action === 'startNode') crashed.delete(e.action.node);
    else if (e.type === 'node.state' && e.to === 'Down' && !crashed.has(e.node)) {
      restarts.push({ at: e.t + SERVICE_RESTART_MS, node: e.node });
    }
  });
  // Step instant by instant so a restart scheduled by an event is applied at its own time.
  for (;;) {
    const due = restarts.length > 0 && restarts[0]!.at < YEAR_MS ? restarts[0]!.at : YEAR_MS;
    const next = sim.nextEventTime();
    if (next !== null && next < due) {
      sim.advanceTo(next);
      continue;
    }
    sim.advanceTo(due);
    if (due === YEAR_MS) break;
    const node = restarts.shift()!.node;
    if (sim.check({ action: 'startNode', node }).allowed) sim.apply({ action: 'startNode', node });
  }
  const groups = Object.create(null) as Record<string, GroupYear>;
  for (const [name, g] of track) {
    if (g.downSince >= 0) {
      g.down += YEAR_MS - g.downSince;
      addCause(g.cause, YEAR_MS - g.downSince, 0);
    }
    groups[name] = { downMs: g.down, observedMs: g.seen < 0 ? 0 : YEAR_MS - g.seen, outages: g.outages };
  }
  return { groups, byCause: Object.fromEntries(byCause), faults: causes.size };
}

// Two-sided 97.5% Student t quantiles for 1..30 degrees of freedom; 1.96 beyond.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export interface GroupAvailability {
  availability: number;
  /** 95% confidence interval of the mean yearly availability (Student t over the years); null for one year. */
  ci95: [number, number] | null;
  outagesPerYear: number;
  meanOutageMs: number | null;
  downMsPerYear: number;
}

export interface AvailabilityReport {
  format: 'failover-availability@1';
  scenario: string;
  years: number;
  seed: number;
  rates: Rates;
  note: string;
  groups: Record<string, GroupAvailability>;
  /** The faults that cost the most downtime, most first (summed over groups, per year). */
  costliest: { fault: string; downMsPerYear: number; outagesPerYear: number }[];
  faultsPerYear: number;
}

/** Combine years (in year order) into the report. */
export function aggregate(
  scenario: Scenario,
  rates: Rates,
  seed: number,
  note: string,
  years: readonly YearResult[],
): AvailabilityReport {
  const n = years.length;
  const groups = Object.create(null) as Record<string, GroupAvailability>;
  for (const g of scenario.groups) {
    // A year where the group never came online counts as fully unavailable.
    const a = years.map((y) => {
      const gy = y.groups[g.name]!;
      return gy.observedMs === 0 ? 0 : 1 - gy.downMs / gy.observedMs;
    });
    const mean = a.reduce((s, x) => s + x, 0) / n;
    const sd = n > 1 ? Math.sqrt(a.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : 0;
    const half = n > 1 ? (n - 1 <= 30 ? T975[n - 2]! : 1.96) * (sd / Math.sqrt(n)) : 0;
    const outages = years.reduce((s, y) => s + y.groups[g.name]!.outages, 0);
    const down = years.reduce((s, y) => s + y.groups[g.name]!.downMs, 0);
    groups[g.name] = {
      availability: mean,
      ci95: n > 1 ? [Math.max(0, mean - half), Math.min(1, mean + half)] : null,
      outagesPerYear: outages / n,
      meanOutageMs: outages > 0 ? down / outages : null,
      downMsPerYear: down / n,
    };
  }
  const causes = new Map<string, { downMs: number; outages: number }>();
  for (const y of years) {
    for (const [k, v] of Object.entries(y.byCause)) {
      const c = causes.get(k) ?? { downMs: 0, outages: 0 };
      c.downMs += v.downMs;
      c.outages += v.outages;
      causes.set(k, c);
    }
  }
  const costliest = [...causes]
    .map(([fault, c]) => ({ fault, downMsPerYear: c.downMs / n, outagesPerYear: c.outages / n }))
    .filter((c) => c.downMsPerYear > 0)
    .sort((a, b) => b.downMsPerYear - a.downMsPerYear || (a.fault < b.fault ? -1 : 1))
    .slice(0, 10);
  return {
    format: 'failover-availability@1',
    scenario: scenario.name,
    years: n,
    seed,
    rates,
    note,
    groups,
    costliest,
    faultsPerYear: years.reduce((s, y) => s + y.faults, 0) / n,
  };
}

/** Years [from, to) of the estimate; `onYear` is told after each and may return false to cancel. */
export function simulateYears(
  scenario: Scenario,
  rates: Rates,
  seed: number,
  from: number,
  to: number,
  onYear?: (done: number) => boolean | void,
): YearResult[] {
  const out: YearResult[] = [];
  for (let i = from; i < to; i++) {
    out.push(simulateYear(scenario, rates, yearSeed(seed, i)));
    if (onYear?.(out.length) === false) break;
  }
  return out;
}

export function estimateAvailability(
  scenario: Scenario,
  rates: Rates,
  years: number,
  seed: number,
  note: string,
): AvailabilityReport {
  return aggregate(scenario, rates, seed, note, simulateYears(scenario, rates, seed, 0, years));
}
