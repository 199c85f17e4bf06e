/**
 * The trace as a readable, filterable log. After a rewind the rows beyond "now" are still shown,
 * marked as ahead: re-simulation is deterministic, so they are what will happen unless you act.
 */
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { DECISION_TYPES, eventSubjects, formatClock, eventSummary } from '../app/format';
import type { TraceEvent, TraceEventType } from '../engine/model/trace';
import { useAppStore, useAppStoreApi } from '../store/context';
import { selectEvents, selectHorizon, selectLogFilter, selectScenario } from '../store/selectors';
import type { EntityRef, LogFilter } from '../store/types';

const TYPES: TraceEventType[] = ['resource.state', 'group.state', 'group.owner', 'node.state', 'call', 'rhs.recycle', 'policy', 'quorum.vote', 'action', 'action.rejected'];
/** Rendering every row of a long trace would stall the page; the newest matching rows are enough. */
const MAX_ROWS = 800;

export function matches(e: TraceEvent, f: LogFilter): boolean {
  if (f.decisionsOnly && !DECISION_TYPES.has(e.type)) return false;
  if (f.type && e.type !== f.type) return false;
  if (f.entity && !eventSubjects(e).includes(f.entity)) return false;
  return true;
}

export function EventLog() {
  const api = useAppStoreApi();
  const scenario = useAppStore(selectScenario);
  const events = useAppStore(selectEvents);
  const horizon = useAppStore(selectHorizon);
  const filter = useAppStore(selectLogFilter);
  const list = useRef<HTMLOListElement>(null);
  const rows = useMemo(() => {
    const out: { e: TraceEvent; i: number }[] = [];
    horizon.forEach((e, i) => { if (matches(e, filter)) out.push({ e, i }); });
    return out.slice(-MAX_ROWS);
  }, [horizon, filter]);

  const kindOf = useMemo(() => {
    const m = new Map<string, EntityRef['kind']>();
    scenario.nodes.forEach((n) => m.set(n.name, 'node'));
    scenario.groups.forEach((g) => { m.set(g.name, 'group'); g.resources.forEach((r) => m.set(r.name, 'resource')); });
    return m;
  }, [scenario]);

  // Follow the newest event unless the user has scrolled up to read.
  const follow = useRef(true);
  useEffect(() => {
    const el = list.current;
    if (!el || !follow.current) return;
    const current = el.querySelector<HTMLElement>('.log-row.ahead');
    // After a rewind, keep "now" (the first row ahead) in view rather than the far end.
    if (current) el.scrollTop = current.offsetTop - el.clientHeight + 2 * current.offsetHeight;
    else el.scrollTop = el.scrollHeight;
  }, [events.length, rows]);

  const onRow = useCallback((e: TraceEvent) => {
    const subject = eventSubjects(e).find((n) => kindOf.has(n));
    if (subject) api.getState().select({ kind: kindOf.get(subject)!, name: subject });
    api.getState().pause();
    api.getState().seek(e.t);
  }, [api, kindOf]);

  const { setLogFilter } = api.getState();
  return (
    <section className="event-log" aria-label="Event log">
      <div className="log-filters">
        <h2>Event log</h2>
        <label>Entity{' '}
          <select aria-label="Filter by entity" value={filter.entity} onChange={(e) => setLogFilter({ entity: e.target.value })}>
            <option value="">all</option>
            {[...kindOf.keys()].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label>Type{' '}
          <select aria-label="Filter by type" value={filter.type} onChange={(e) => setLogFilter({ type: e.target.value })}>
            <option value="">all</option>
            {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={filter.decisionsOnly} onChange={(e) => setLogFilter({ decisionsOnly: e.target.checked })} /> only decisions
        </label>
        <span className="muted">{events.length} events{horizon.length > events.length ? ` · ${horizon.length - events.length} ahead` : ''}</span>
      </div>
      <ol
        ref={list}
        className="log-rows"
        aria-label="Trace events"
        onScroll={(e) => {
          const el = e.currentTarget;
          follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40 || !!el.querySelector('.log-row.ahead');
        }}
      >
        {rows.map(({ e, i }) => <LogRow key={i} e={e} ahead={i >= events.length} onPick={onRow} />)}
      </ol>
    </section>
  );
}

/** Rows are memoised: a growing trace re-renders only the new rows, not all of them each frame. */
const LogRow = memo(function LogRow({ e, ahead, onPick }: { e: TraceEvent; ahead: boolean; onPick: (e: TraceEvent) => void }) {
  return (
    <li className={`log-row type-${e.type.replace('.', '-')}${ahead ? ' ahead' : ''}${DECISION_TYPES.has(e.type) ? ' decision' : ''}`}>
      <button type="button" onClick={() => onPick(e)} title="Select and go to this moment">
        <span className="log-t">t={formatClock(e.t)}</span>
        {' · '}<span className="log-type">{e.type}</span>
        {' · '}<span className="log-summary">{eventSummary(e)}</span>
        {e.reason && <span className="log-reason"> — {e.reason}</span>}
        {ahead && <span className="ahead-tag"> (ahead)</span>}
      </button>
    </li>
  );
});
