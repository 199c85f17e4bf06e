/** The availability estimate on every core, with progress and Cancel; rates edited in `ui.availability`. */
import { useState } from 'react';
import { humanMs, type Scenario } from '../engine';
import { aggregate, type YearResult } from '../sweep/availability';
import { RATES_NOTE, ratesOf, RatesSchema } from '../sweep/rates';
import { JobProgress } from './JobProgress';
import { JsonBlockEditor } from './JsonBlockEditor';
import { coreCount, slices, type Runner } from './pool';
import { useJob } from './useJob';

const pct = (x: number) => `${(x * 100).toFixed(4)}%`;

export function AvailabilityPanel({
  scenario,
  runner,
  onSave,
}: {
  scenario: Scenario;
  runner: Runner;
  onSave(rates: unknown): void;
}) {
  const [years, setYears] = useState('100');
  const [seed, setSeed] = useState('1');
  const job = useJob<YearResult[]>();
  const { rates, issues, custom } = ratesOf(scenario);
  const n = Number(years);
  const s = Number(seed);
  const bad =
    !/^\d+$/.test(years) || n < 1 || n > 100_000
      ? 'Years: a whole number from 1 to 100000.'
      : !/^\d+$/.test(seed) || s > 4294967295
        ? 'Seed: a whole number.'
        : null;
  const start = () =>
    job.start(n, (onProgress) =>
      runner<YearResult>(
        slices(n, coreCount()).map(({ from, to }) => ({ type: 'years', scenario, rates, seed: s, from, to })),
        n,
        onProgress,
      ),
    );
  const report = job.state.status === 'done' ? aggregate(scenario, rates, s, RATES_NOTE, job.state.results) : null;
  const stored = (scenario.ui as { availability?: unknown } | undefined)?.availability;
  return (
    <section className="w-panel" aria-label="Availability estimate">
      <p className="w-note">
        {custom ? 'Rates from this scenario.' : RATES_NOTE} Each simulated year replaces the scenario&apos;s script with
        random node crashes (repaired after a random time; a node stopped by a loss of quorum restarts its cluster
        service a minute later) and resource failures; the same seed gives the same numbers. Also{' '}
        <code>npm run availability -- FILE --years N --seed S</code>.
      </p>
      <JsonBlockEditor
        label="Failure and repair rates (JSON)"
        initial={stored ?? rates}
        validate={(v) => {
          const p = RatesSchema.safeParse(v);
          return p.success
            ? []
            : p.error.issues.map((i) => ({ path: ['ui.availability', ...i.path].join('.'), message: i.message }));
        }}
        onSave={onSave}
      />
      {issues.length > 0 && (
        <p role="alert" className="w-error">
          {issues.map((i) => `${i.path}: ${i.message}`).join('; ')}
        </p>
      )}
      <div className="w-row">
        <label>
          Years <input value={years} onChange={(e) => setYears(e.target.value)} size={7} inputMode="numeric" />
        </label>
        <label>
          Seed <input value={seed} onChange={(e) => setSeed(e.target.value)} size={10} inputMode="numeric" />
        </label>
        <button type="button" className="w-primary" onClick={start} disabled={!!bad || job.state.status === 'running'}>
          Estimate availability
        </button>
      </div>
      {bad && (
        <p role="alert" className="w-error">
          {bad}
        </p>
      )}
      <JobProgress state={job.state} label="Availability" unit="years" onCancel={job.cancel} />
      {report && (
        <>
          <table className="w-table">
            <caption>
              {report.years} simulated years, seed {report.seed}, {report.faultsPerYear.toFixed(1)} injected faults a
              year
            </caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Availability</th>
                <th scope="col">95% interval</th>
                <th scope="col">Outages / year</th>
                <th scope="col">Mean outage</th>
                <th scope="col">Down / year</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(report.groups).map(([g, a]) => (
                <tr key={g}>
                  <th scope="row">{g}</th>
                  <td>{pct(a.availability)}</td>
                  <td>{a.ci95 ? `${pct(a.ci95[0])} – ${pct(a.ci95[1])}` : 'one year: no interval'}</td>
                  <td>{a.outagesPerYear.toFixed(2)}</td>
                  <td>{a.meanOutageMs === null ? '—' : humanMs(Math.round(a.meanOutageMs))}</td>
                  <td>{humanMs(Math.round(a.downMsPerYear))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Faults that cost the most downtime</h3>
          <ol>
            {report.costliest.map((c) => (
              <li key={c.fault}>
                {c.fault}: {humanMs(Math.round(c.downMsPerYear))} a year over all groups ({c.outagesPerYear.toFixed(2)}{' '}
                outages a year)
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
