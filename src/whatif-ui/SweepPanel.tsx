/** Choose fault families and instants, run the sweep on every core, read the summary and the matrix. */
import type { Action, Scenario } from '../engine';
import { planRuns } from '../sweep/templates';
import type { BaselineEntry, RunDetail } from '../sweep/types';

export interface SweepResults {
  details: RunDetail[];
  baseline: BaselineEntry[];
}
import { baselineWords, FAMILIES, parseInstants, summaryWords } from './model';
import { runBaseline } from '../sweep/run';
import { JobProgress } from './JobProgress';
import { Matrix } from './Matrix';
import { sweepJob, type Runner } from './pool';
import { useJob } from './useJob';

export interface SweepSetup {
  families: string[];
  instants: string;
}

export function templatesOf(families: readonly string[]) {
  return FAMILIES.filter((f) => families.includes(f.id)).map((f) => ({ ...f.template }));
}

export function SweepSetupFields({ setup, onChange }: { setup: SweepSetup; onChange(s: SweepSetup): void }) {
  return (
    <>
      <fieldset className="w-families">
        <legend>Fault families</legend>
        {FAMILIES.map((f) => (
          <label key={f.id}>
            <input
              type="checkbox"
              checked={setup.families.includes(f.id)}
              onChange={(e) =>
                onChange({
                  ...setup,
                  families: e.target.checked ? [...setup.families, f.id] : setup.families.filter((x) => x !== f.id),
                })
              }
            />{' '}
            {f.label}
          </label>
        ))}
      </fieldset>
      <label className="w-instants">
        Inject at (seconds, comma-separated){' '}
        <input value={setup.instants} onChange={(e) => onChange({ ...setup, instants: e.target.value })} size={16} />
      </label>
    </>
  );
}

export function SweepPanel(props: {
  scenario: Scenario;
  setup: SweepSetup;
  onSetup(s: SweepSetup): void;
  runner: Runner;
  results: SweepResults | null;
  onResults(r: SweepResults | null): void;
  onOpen(at: number, fault: Action): void;
}) {
  const { scenario, setup, runner } = props;
  const job = useJob<RunDetail[]>();
  const { ats, error } = parseInstants(setup.instants, scenario.until);
  const templates = templatesOf(setup.families);
  const runs = error ? [] : planRuns(scenario, templates, ats);
  const running = job.state.status === 'running';
  const start = () => {
    props.onResults(null);
    job.start(runs.length, (onProgress) => {
      const j = sweepJob<RunDetail>(runner, { scenario, ats, templates }, runs, onProgress);
      // The baseline is one plain run of the scenario, in this thread once the runs are in.
      void j.promise.then(
        (details) => props.onResults({ details, baseline: runBaseline(scenario, ats).baseline }),
        () => {},
      );
      return j;
    });
  };
  return (
    <section className="w-panel" aria-label="Fault sweep">
      <SweepSetupFields setup={setup} onChange={props.onSetup} />
      {error && (
        <p role="alert" className="w-error">
          {error}
        </p>
      )}
      <p className="w-note">
        {runs.length} runs: each fault alone, injected after the scenario&apos;s own actions of that instant, run to{' '}
        {Math.round(scenario.until / 1000)} s.
      </p>
      <button type="button" className="w-primary" onClick={start} disabled={running || !!error || runs.length === 0}>
        Run sweep
      </button>
      <JobProgress state={job.state} label="Sweep" unit="runs" onCancel={job.cancel} />
      {props.results && (
        <>
          <p className="w-summary" data-testid="sweep-summary">
            {summaryWords(props.results.details, props.results.baseline)}
          </p>
          {baselineWords(props.results.baseline) && <p className="w-note">{baselineWords(props.results.baseline)}</p>}
          <Matrix runs={props.results.details} until={scenario.until} onOpen={props.onOpen} />
        </>
      )}
    </section>
  );
}
