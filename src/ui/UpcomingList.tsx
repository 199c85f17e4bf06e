/**
 * The scenario's script and the user's waiting actions, editable in Simulate (issue 11 item 3):
 * each upcoming action can be removed, moved in time, or a new one added. Every edit goes through
 * the store's editUpcoming, which forks a branch when it changes a future already seen.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { actionsFor, CLUSTER_ACTIONS, type ActionItem } from '../store/actionCatalog';
import { formatClock } from '../store/format';
import { useAppStore, useAppStoreApi } from '../store/context';
import { parseRefKey, refKey } from '../store/refs';
import { selectScenario } from '../store/selectors';
import type { AppState } from '../store/types';
import { parseTime } from './timeInput';
import { upcomingItems, type UpcomingItem } from './upcoming';

const selectInputs = (s: AppState) => [s.scenario, s.actions, s.appliedCount, s.view.t] as const;

export function UpcomingList() {
  const [scenario, actions, appliedCount, t] = useAppStore(useShallow(selectInputs));
  const items = useMemo(
    () => upcomingItems({ scenario, actions, appliedCount, view: { t } }),
    [scenario, actions, appliedCount, t],
  );
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-label="Upcoming actions" className="upcoming">
      <h3>Upcoming ({items.length})</h3>
      {items.length === 0 ? (
        <p className="muted">Nothing scripted after now. Add an action below, or act on the canvas.</p>
      ) : (
        <ol className="upcoming-list">
          {items.map((it) => (
            <UpcomingRow key={`${it.source}:${it.index}:${it.at}`} item={it} onError={setError} />
          ))}
        </ol>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <AddAction onError={setError} />
    </section>
  );
}

function UpcomingRow({ item, onError }: { item: UpcomingItem; onError: (m: string | null) => void }) {
  const api = useAppStoreApi();
  const [text, setText] = useState(formatClock(item.at));
  const label = `${item.text} at ${formatClock(item.at)}`;
  const move = () => {
    const r = parseTime(text);
    if (!r.ok) return onError(r.message);
    if (r.ms === item.at) return onError(null);
    onError(api.getState().editUpcoming({ kind: 'move', source: item.source, index: item.index, at: r.ms }));
  };
  return (
    <li className={`upcoming-row${item.late ? ' late' : ''}`} data-source={item.source}>
      <span className="upcoming-what">
        <span className={`tag tag-${item.source}`}>{item.source === 'script' ? 'script' : 'yours'}</span> {item.text}
        {item.late && <span className="muted"> (after the run's end)</span>}
      </span>
      <input
        className="upcoming-at"
        aria-label={`Time of ${label}`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={move}
        onKeyDown={(e) => {
          if (e.key === 'Enter') move();
          if (e.key === 'Escape') setText(formatClock(item.at));
        }}
      />
      <button
        type="button"
        aria-label={`Remove ${label}`}
        title="Remove (a branch keeps the old future if you had seen it)"
        onClick={() => onError(api.getState().editUpcoming({ kind: 'remove', source: item.source, index: item.index }))}
      >
        Remove
      </button>
    </li>
  );
}

function AddAction({ onError }: { onError: (m: string | null) => void }) {
  const api = useAppStoreApi();
  const scenario = useAppStore(selectScenario);
  const [target, setTarget] = useState('cluster');
  const [choice, setChoice] = useState(0);
  const [at, setAt] = useState('');
  const choices: ActionItem[] = useMemo(() => {
    const ref = parseRefKey(target);
    return ref ? actionsFor(ref, scenario) : CLUSTER_ACTIONS;
  }, [target, scenario]);
  const add = () => {
    const r = parseTime(at);
    if (!r.ok) return onError(r.message);
    const item = choices[choice];
    if (!item) return onError('choose an action');
    const failed = api.getState().editUpcoming({ kind: 'add', at: r.ms, action: item.action });
    onError(failed);
    if (!failed) setAt('');
  };
  return (
    <form
      className="upcoming-add"
      aria-label="Add a scripted action"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <select
        aria-label="Target"
        value={target}
        onChange={(e) => {
          setTarget(e.target.value);
          setChoice(0);
        }}
      >
        <option value="cluster">Cluster (witness)</option>
        <optgroup label="Nodes">
          {scenario.nodes.map((n) => (
            <option key={n.name} value={refKey('node', n.name)}>
              {n.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="Groups">
          {scenario.groups.map((g) => (
            <option key={g.name} value={refKey('group', g.name)}>
              {g.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="Resources">
          {scenario.groups.flatMap((g) =>
            g.resources.map((r) => (
              <option key={r.name} value={refKey('resource', r.name)}>
                {r.name}
              </option>
            )),
          )}
        </optgroup>
      </select>
      <select aria-label="Action" value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
        {choices.map((c, i) => (
          <option key={c.label} value={i}>
            {c.label}
          </option>
        ))}
      </select>
      <input aria-label="At time" placeholder="at, e.g. 1:30" value={at} onChange={(e) => setAt(e.target.value)} />
      <button type="submit">Add</button>
    </form>
  );
}
