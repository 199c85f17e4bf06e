import { aggregate, drawFaults, estimateAvailability, simulateYears, YEAR_MS } from './availability';
import { defaultRates, ratesOf, RatesSchema } from './rates';
import { valid } from './fixtures.testutil';
import { runAvailabilityCli } from '../cli/runAvailabilityCli';

/** One SQL group on `nodes` nodes with a disk witness (so two nodes keep quorum when one is lost). */
function cluster(nodes: number, ui?: unknown) {
  return valid({
    format: 'failover-scenario@1',
    name: `${nodes} node(s)`,
    cluster: { quorum: { witness: 'disk' } },
    nodes: Array.from({ length: nodes }, (_, i) => ({ name: `N${i + 1}` })),
    groups: [
      {
        name: 'SQL',
        resources: [
          { name: 'Disk', type: 'Physical Disk', behavior: { onlineMs: 2000 } },
          { name: 'Server', type: 'SQL Server', dependsOn: ['Disk'], behavior: { onlineMs: 5000 } },
        ],
      },
    ],
    ...(ui ? { ui } : {}),
  });
}

/** One SQL group on `nodes` nodes, no witness. */
function twoNodeSql(nodes: number) {
  return {
    format: 'failover-scenario@1',
    name: 'no witness',
    nodes: Array.from({ length: nodes }, (_, i) => ({ name: `N${i + 1}` })),
    groups: [{ name: 'SQL', resources: [{ name: 'Server', type: 'SQL Server', behavior: { onlineMs: 5000 } }] }],
  };
}

const rates = RatesSchema.parse({ node: { failuresPerYear: 4, repairHours: 8 } });

describe('availability estimate', () => {
  it('the same seed gives the same numbers; another seed other numbers', () => {
    const s = cluster(2);
    const a = estimateAvailability(s, rates, 12, 42, 'n');
    expect(estimateAvailability(s, rates, 12, 42, 'n')).toEqual(a);
    expect(estimateAvailability(s, rates, 12, 43, 'n').groups.SQL!.availability).not.toBe(a.groups.SQL!.availability);
  });

  it('years are independent: any split gives the same years', () => {
    const s = cluster(2);
    const whole = simulateYears(s, rates, 5, 0, 6);
    expect([...simulateYears(s, rates, 5, 0, 2), ...simulateYears(s, rates, 5, 2, 6)]).toEqual(whole);
  });

  it('the 95% interval narrows with more years', () => {
    const s = cluster(1);
    const width = (years: number) => {
      const [lo, hi] = estimateAvailability(s, rates, years, 9, 'n').groups.SQL!.ci95!;
      return hi - lo;
    };
    const w8 = width(8);
    const w64 = width(64);
    expect(w8).toBeGreaterThan(0);
    expect(w64).toBeLessThan(w8 / 2);
  });

  it('a cluster with no redundancy scores lower than the same cluster with a second node', () => {
    const one = estimateAvailability(cluster(1), rates, 30, 3, 'n').groups.SQL!;
    const two = estimateAvailability(cluster(2), rates, 30, 3, 'n').groups.SQL!;
    expect(one.availability).toBeLessThan(two.availability);
    // Not just lower: the intervals do not even overlap (hours of repair against seconds of failover).
    expect(one.ci95![1]).toBeLessThan(two.ci95![0]);
    // One node: every crash is an outage lasting the repair (mean 8 h).
    expect(one.meanOutageMs!).toBeGreaterThan(3_600_000);
    expect(two.meanOutageMs!).toBeLessThan(3_600_000);
  });

  it('a node stopped by a quorum loss is started again by its service recovery, not left down until its own next failure', () => {
    // Three nodes, no witness: a second crash while one node is under repair loses quorum and stops
    // the third node's cluster service. The outage must end when a crashed node is repaired.
    const s = valid({ ...JSON.parse(JSON.stringify(twoNodeSql(3))) });
    const r = RatesSchema.parse({
      node: { failuresPerYear: 12, repairHours: 12 },
      resourceDefault: { failuresPerYear: 0 },
    });
    const years = simulateYears(s, r, 11, 0, 10);
    const quorumLosses = years.filter((y) => y.groups.SQL!.outages > 0).length;
    expect(quorumLosses).toBeGreaterThan(0);
    // Repairs average 12 h: no year should lose anything like a month.
    for (const y of years) expect(y.groups.SQL!.downMs).toBeLessThan(14 * 24 * 3_600_000);
  });

  it('names the faults that cost the most downtime', () => {
    const r = estimateAvailability(cluster(1), rates, 10, 1, 'n');
    expect(r.costliest[0]!.fault).toBe('crash of N1');
    expect(r.costliest[0]!.downMsPerYear).toBeGreaterThan(0);
  });

  it('draws node crashes with repairs, and transient resource failures, within the year in time order', () => {
    const { entries } = drawFaults(cluster(2), defaultRates(), 77);
    expect(entries.length).toBeGreaterThan(0);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.at).toBeGreaterThanOrEqual(entries[i - 1]!.at);
    expect(entries.every((e) => e.at < YEAR_MS)).toBe(true);
    const crashes = entries.filter((e) => e.action === 'crashNode').length;
    const starts = entries.filter((e) => e.action === 'startNode').length;
    expect(starts).toBeGreaterThanOrEqual(crashes - 2);
  });

  it('a persistent resource fault (repairHours > 0) fails the Online calls until healed', () => {
    const r = RatesSchema.parse({
      node: { failuresPerYear: 0, repairHours: 1 },
      resourceTypes: { 'SQL Server': { failuresPerYear: 3, repairHours: 6 } },
      resourceDefault: { failuresPerYear: 0 },
    });
    const { entries } = drawFaults(cluster(2), r, 5);
    expect(new Set(entries.map((e) => e.action))).toEqual(new Set(['setOnline', 'failResource', 'heal']));
    const rep = aggregate(cluster(2), r, 5, 'n', simulateYears(cluster(2), r, 5, 0, 3));
    expect(rep.groups.SQL!.meanOutageMs!).toBeGreaterThan(600_000);
  });

  it('rates come from ui.availability, validated', () => {
    expect(ratesOf(cluster(1, { availability: { node: { failuresPerYear: 1, repairHours: 2 } } })).rates.node).toEqual({
      failuresPerYear: 1,
      repairHours: 2,
    });
    expect(ratesOf(cluster(1, { availability: { node: { failuresPerYear: -1, repairHours: 2 } } })).issues).toEqual([
      { path: 'ui.availability.node.failuresPerYear', message: 'not negative' },
    ]);
  });

  it('the command prints JSON, deterministic by seed; bad flags exit 2', () => {
    const text = JSON.stringify({
      format: 'failover-scenario@1',
      nodes: [{ name: 'A' }, { name: 'B' }],
      groups: [{ name: 'G', resources: [{ name: 'R' }] }],
    });
    const a = runAvailabilityCli(['f.json', '--years', '5', '--seed', '3'], () => text);
    expect(a.code).toBe(0);
    expect(runAvailabilityCli(['f.json', '--years', '5', '--seed', '3'], () => text).stdout).toBe(a.stdout);
    const doc = JSON.parse(a.stdout);
    expect(doc).toMatchObject({ format: 'failover-availability@1', years: 5, seed: 3 });
    expect(doc.note).toMatch(/illustrative/);
    expect(runAvailabilityCli(['f.json', '--years', '0'], () => text)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--years: expected a whole number from 1 to 100000, got "0"'),
    });
    expect(runAvailabilityCli(['f.json', '--frob'], () => text)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--frob: unknown option'),
    });
  });
});
