/**
 * The whole "why" of one event: the full reason wrapped, the rule in words, its numbers and the
 * events it counted, all derived from the trace (store/explain). Shown in a log row that is opened
 * in place and in the inspector for the selected entity's latest decision.
 */
import { useMemo } from 'react';
import { formatClock } from '../store/format';
import type { TraceEvent } from '../engine';
import { useAppStore } from '../store/context';
import { explainEvent } from '../store/explain';
import { selectHorizon, selectScenario } from '../store/selectors';
import type { AppState } from '../store/types';
import './decision.css';

const selectActions = (s: AppState) => s.actions;

export function DecisionPanel({ event, heading = true }: { event: TraceEvent; heading?: boolean }) {
  const horizon = useAppStore(selectHorizon);
  const scenario = useAppStore(selectScenario);
  const actions = useAppStore(selectActions);
  const x = useMemo(() => explainEvent(event, horizon, scenario, actions), [event, horizon, scenario, actions]);
  return (
    <div className="decision-panel" role="group" aria-label={`Why: ${x.title}`}>
      {heading && (
        <p className="why-title">
          <span className="muted">t={formatClock(event.t)}</span> <strong>{x.title}</strong>
        </p>
      )}
      <p className="why-reason">{x.reason}</p>
      {x.detail && <p className="why-detail">{x.detail}</p>}
      {x.rule && (
        <p className="why-rule">
          <span className="why-label">Rule</span> {x.rule}
        </p>
      )}
      {x.numbers.length > 0 && (
        <dl className="why-numbers">
          {x.numbers.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {x.counted && (
        <div className="why-counted">
          <span className="why-label">{x.counted.label}</span>
          {x.counted.items.length ? (
            <ol>
              {x.counted.items.map((c, i) => (
                <li key={i} className={c.self ? 'self' : undefined}>
                  <span className="muted">t={formatClock(c.t)}</span> {c.text}
                  {c.self && ' (this decision)'}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">none</p>
          )}
        </div>
      )}
    </div>
  );
}
