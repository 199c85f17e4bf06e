/** A/B: the same faults swept on the current scenario (A) and a variant (B): a file, or A under another modelling option. */
import { useState } from 'react';
import { humanMs, parseScenarioText, type Action, type Scenario, type Semantics } from '../engine';
import { planRuns } from '../sweep/templates';
import type { RunDetail } from '../sweep/types';
import { describeFault } from '../sweep/words';
import { compareRuns, parseInstants, templatesOf } from './model';
import { JobProgress } from './JobProgress';
import { sequence, sweepJob, type Runner } from './pool';
import type { SweepSetup } from './SweepPanel';
import { useJob } from './useJob';
import { ABPlayer, type ABRun } from './ABPlayer';

/** Each modelling option and its non-contract alternative (engine semantics.ts). */
const OPTIONS: { key: keyof Semantics; alt: Semantics[keyof Semantics]; label: string }[] = [
  { key: 'restartWindow', alt: 'sliding', label: 'restart window sliding (contract: fixed)' },
  { key: 'failoverWindow', alt: 'fixed', label: 'failover window fixed (contract: sliding)' },
  { key: 'nodeDownCountsAsFailover', alt: false, label: 'a node loss does not count against FailoverThreshold' },
  {
    key: 'dependentsOnProviderFailure',
    alt: 'Failed',
    label: 'dependents of a failed provider fail (contract: go Offline)',
  },
  { key: 'signalFailure', alt: 'immediateFailure', label: 'a failure signal fails the resource at once' },
];

export function ComparePanel({
  sourceA,
  scenario,
  setup,
  runner,
  onOpen,
}: {
  /** A's raw JSON (what Simulate has loaded), for playing a run side by side. */
  sourceA: unknown;
  scenario: Scenario;
  setup: SweepSetup;
  runner: Runner;
  onOpen(at: number, fault: Action): void;
}) {
  const [mode, setMode] = useState<'semantics' | 'file'>('semantics');
  const [option, setOption] = useState(0);
  const [fileB, setFileB] = useState<{ name: string; scenario: Scenario; raw: unknown } | null>(null);
  const [playing, setPlaying] = useState<ABRun | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const job = useJob<[RunDetail[], RunDetail[]]>();
  const { ats, error } = parseInstants(setup.instants, scenario.until);
  const templates = templatesOf(setup.families, scenario.networks !== undefined);
  const b: { scenario: Scenario; semantics?: Partial<Semantics>; name: string; raw?: unknown } | null =
    mode === 'file'
      ? fileB && { scenario: fileB.scenario, name: fileB.name, raw: fileB.raw }
      : { scenario, semantics: { [OPTIONS[option]!.key]: OPTIONS[option]!.alt }, name: OPTIONS[option]!.label };
  const bAts = b ? ats.filter((a) => a <= b.scenario.until) : [];
  const runsA = error ? [] : planRuns(scenario, templates, ats);
  const runsB = b && !error ? planRuns(b.scenario, templates, bAts) : [];
  const start = () => {
    if (!b) return;
    job.start(runsA.length + runsB.length, (onProgress) =>
      sequence<RunDetail>(
        (p) => sweepJob(runner, { scenario, ats, templates }, runsA, p),
        (p) =>
          sweepJob(
            runner,
            { scenario: b.scenario, ats: bAts, templates, options: b.semantics ? { semantics: b.semantics } : {} },
            runsB,
            p,
          ),
        onProgress,
      ),
    );
  };
  const verdict = job.state.status === 'done' ? compareRuns(job.state.results[0], job.state.results[1]) : null;
  const runsOfA = job.state.status === 'done' ? job.state.results[0] : [];
  return (
    <section className="w-panel" aria-label="A/B compare">
      <p className="w-note">
        A is the scenario open in Simulate; both are swept with the fault families and instants of the Sweep tab (
        {runsA.length} runs each).
      </p>
      <fieldset className="w-row">
        <legend>B is</legend>
        <label>
          <input type="radio" name="bmode" checked={mode === 'semantics'} onChange={() => setMode('semantics')} /> A
          under another modelling option:
        </label>
        <select
          aria-label="Modelling option for B"
          value={option}
          onChange={(e) => setOption(Number(e.target.value))}
          disabled={mode !== 'semantics'}
        >
          {OPTIONS.map((o, i) => (
            <option key={o.key} value={i}>
              {o.label}
            </option>
          ))}
        </select>
        <label>
          <input type="radio" name="bmode" checked={mode === 'file'} onChange={() => setMode('file')} /> a scenario
          file:
        </label>
        <input
          type="file"
          accept=".json,application/json"
          aria-label="Scenario B file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            const text = await f.text();
            const r = parseScenarioText(text);
            setMode('file');
            if (r.ok) {
              setFileB({ name: f.name, scenario: r.scenario, raw: JSON.parse(text) });
              setFileError(null);
            } else setFileError(`${f.name}: ${r.errors.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
          }}
        />
      </fieldset>
      {fileError && (
        <p role="alert" className="w-error">
          {fileError}
        </p>
      )}
      <button
        type="button"
        className="w-primary"
        onClick={start}
        disabled={!b || !!error || job.state.status === 'running'}
      >
        Compare A and B
      </button>
      <JobProgress state={job.state} label="Compare" unit="runs" onCancel={job.cancel} />
      {verdict && (
        <>
          <p className="w-summary" data-testid="ab-verdict">
            {verdict.text}
          </p>
          {verdict.differences.length > 0 && (
            <table className="w-table">
              <caption>Where A and B differ ({verdict.differences.length} fault × group pairs; first 200)</caption>
              <thead>
                <tr>
                  <th scope="col">Fault</th>
                  <th scope="col">Group</th>
                  <th scope="col">A down</th>
                  <th scope="col">B down</th>
                  <th scope="col">Both</th>
                  <th scope="col">B − A</th>
                </tr>
              </thead>
              <tbody>
                {verdict.differences.slice(0, 200).map((d) => {
                  const r = runsOfA[d.run]!;
                  return (
                    <tr key={`${d.run} ${d.group}`}>
                      <th scope="row">
                        <button type="button" className="w-link" onClick={() => onOpen(r.at, r.fault)}>
                          {describeFault(r.fault)} at {humanMs(r.at)}
                        </button>
                      </th>
                      <td>{d.group}</td>
                      <td>{humanMs(d.aMs)}</td>
                      <td>{humanMs(d.bMs)}</td>
                      <td>
                        <button
                          type="button"
                          onClick={() =>
                            b &&
                            setPlaying({
                              sourceA,
                              sourceB: b.raw ?? sourceA,
                              semanticsB: b.semantics,
                              labelB: b.name,
                              at: r.at,
                              fault: r.fault,
                            })
                          }
                        >
                          Play side by side
                        </button>
                      </td>
                      <td className={d.bMs < d.aMs ? 'is-better' : 'is-worse'}>
                        {d.bMs < d.aMs ? '−' : '+'}
                        {humanMs(Math.abs(d.bMs - d.aMs))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
      {playing && <ABPlayer key={JSON.stringify(playing)} run={playing} onClose={() => setPlaying(null)} />}
      <p className="w-note">
        A fault&apos;s link opens A in Simulate; &quot;Play side by side&quot; plays that run of A and B on two canvases
        with one clock.
      </p>
    </section>
  );
}
