/** Choose fault families and instants, run the sweep on every core, read the summary and the matrix. */
import type { Action, Scenario } from '../engine';
import { planRuns } from '../sweep/templates';
import type { BaselineEntry, RunDetail } from '../sweep/types';

export interface SweepResults {
  details: RunDetail[];
  baseline: BaselineEntry[];
}
import { baselineWords, FAMILIES, parseInstants, summaryWords, templatesOf } from './model';
import { JobProgress } from './JobProgress';
import { Matrix } from './Matrix';
import { coreCount, sweepJob, type Runner } from './pool';
import { humanMs } from '../engine';
import { useJob } from './useJob';

export interface SweepSetup {
  families: string[];
  instants: string;
}

export function SweepSetupFields({
  setup,
  onChange,
  networkMode,
}: {
  setup: SweepSetup;
  onChange(s: SweepSetup): void;
  /** The scenario declares networks: the network families can be swept (networks.md §0). */
  networkMode: boolean;
}) {
  return (
    <>
      <fieldset className="w-families">
        <legend>Fault families</legend>
        {FAMILIES.map((f) => (
          <label key={f.id} title={f.networks && !networkMode ? 'Needs a scenario with networks' : undefined}>
            <input
              type="checkbox"
              disabled={f.networks && !networkMode}
              checked={setup.families.includes(f.id) && (networkMode || !f.networks)}
              onChange={(e) =>
                onChange({
                  ...setup,
                  families: e.target.checked ? [...setup.families, f.id] : setup.families.filter((x) => x !== f.id),
                })
              }
            />{' '}
            {f.label}
            {f.networks && !networkMode && <span className="w-note"> (needs networks)</span>}
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
  const job = useJob<(RunDetail | BaselineEntry)[]>();
  const { ats, error } = parseInstants(setup.instants, scenario.until);
  const templates = templatesOf(setup.families, scenario.networks !== undefined);
  const runs = error ? [] : planRuns(scenario, templates, ats);
  const running = job.state.status === 'running';
  const start = () => {
    props.onResults(null);
    job.start(runs.length, (onProgress) => {
      // The runs on every core, plus the baseline (the scenario without an added fault) on a worker of its own.
      const j = sweepJob<RunDetail | BaselineEntry>(runner, { scenario, ats, templates }, runs, onProgress, true);
      void j.promise.then(
        (all) =>
          props.onResults({
            details: all.slice(0, runs.length) as RunDetail[],
            baseline: all.slice(runs.length),
          }),
        () => {},
      );
      return j;
    });
  };
  return (
    <section className="w-panel" aria-label="Fault sweep">
      <SweepSetupFields setup={setup} onChange={props.onSetup} networkMode={scenario.networks !== undefined} />
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
      {job.state.status === 'done' && (
        <p role="status" className="w-note">
          Swept {runs.length} runs in {humanMs(Math.round(job.state.elapsedMs))} on {Math.min(coreCount(), runs.length)}{' '}
          worker{coreCount() > 1 ? 's' : ''}.
        </p>
      )}
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
