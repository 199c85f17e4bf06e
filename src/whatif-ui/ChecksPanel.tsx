/** Checks over the latest sweep: edit them (saved in `ui.checks`), see passed/failed and the failing runs. */
import { humanMs, type Action, type Scenario } from '../engine';
import { checksOf, evaluateChecks, validateChecks } from '../sweep/checks';
import type { RunDetail } from '../sweep/types';
import { describeFault } from '../sweep/words';
import { JsonBlockEditor } from './JsonBlockEditor';

const EXAMPLE = [
  { kind: 'recoversWithin', ms: 60000, label: 'every group Online again within 60 s of any single failure' },
  { kind: 'maxDowntime', ms: 120000 },
];

export function ChecksPanel({
  scenario,
  results,
  onSave,
  onOpen,
}: {
  scenario: Scenario;
  results: RunDetail[] | null;
  onSave(checks: unknown): void;
  onOpen(at: number, fault: Action): void;
}) {
  const { checks, issues } = checksOf(scenario);
  const stored = (scenario.ui as { checks?: unknown } | undefined)?.checks;
  const evaluated = results && issues.length === 0 ? evaluateChecks(checks, results) : null;
  return (
    <section className="w-panel" aria-label="Checks">
      <p className="w-note">
        Kinds: recoversWithin (ms), maxDowntime (ms, total), maxOutage (ms, one stretch), notSameNode (groups), endsIn
        (state). Optional: groups, faults (action names), label. Run them in CI with <code>npm run check -- FILE</code>.
      </p>
      <JsonBlockEditor
        label="Checks (JSON)"
        initial={stored ?? EXAMPLE}
        validate={(v) => validateChecks(v, scenario).issues}
        onSave={onSave}
      />
      {issues.length > 0 && (
        <ul role="alert" className="w-error">
          {issues.map((i) => (
            <li key={i.path + i.message}>
              {i.path}: {i.message}
            </li>
          ))}
        </ul>
      )}
      {!results && <p className="w-note">Run a sweep to evaluate the saved checks.</p>}
      {evaluated && evaluated.length === 0 && <p className="w-note">No checks saved yet.</p>}
      {evaluated && (
        <ul className="w-checks">
          {evaluated.map((r) => (
            <li key={r.index} className={r.passed ? 'is-pass' : 'is-fail'}>
              <strong>{r.passed ? 'PASS' : 'FAIL'}</strong> {r.text}{' '}
              <span className="w-count">
                ({r.runs} runs{r.passed ? '' : `, ${r.failures.length} failing`})
              </span>
              {r.failures.length > 0 && (
                <ul>
                  {r.failures.slice(0, 50).map((f) => (
                    <li key={f.run}>
                      <button type="button" className="w-link" onClick={() => onOpen(f.at, f.fault)}>
                        {describeFault(f.fault)} at {humanMs(f.at)}
                      </button>
                      : {f.detail}
                    </li>
                  ))}
                  {r.failures.length > 50 && <li>… and {r.failures.length - 50} more</li>}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
