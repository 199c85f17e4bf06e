/**
 * The trace as a readable, filterable log. After a rewind the rows beyond "now" are still shown,
 * marked as ahead: re-simulation is deterministic, so they are what will happen unless you act.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DECISION_TYPES, eventSubjects, formatClock, eventSummary } from '../app/format';
import type { TraceEvent, TraceEventType } from '../engine/model/trace';
import { useAppStore, useAppStoreApi } from '../store/context';
import { selectEvents, selectHorizon, selectLogFilter, selectScenario } from '../store/selectors';
import type { EntityRef, LogFilter } from '../store/types';
import { rowWindow, useScrollBox } from './rowWindow';

const TYPES: TraceEventType[] = [
  'resource.state',
  'group.state',
  'group.owner',
  'node.state',
  'call',
  'rhs.recycle',
  'policy',
  'quorum.vote',
  'action',
  'action.rejected',
];
/** Fixed row height (px, see .log-row in app.css): the log is windowed, every row stays reachable. */
export const LOG_ROW_H = 20;
/** Rows kept beyond the scroll box on each side: scrolling a little never shows a gap, and a short log renders whole. */
const OVERSCAN = 150;

export function matches(e: TraceEvent, f: LogFilter): boolean {
  if (f.decisionsOnly && !DECISION_TYPES.has(e.type)) return false;
  if (f.type && e.type !== f.type) return false;
  if (f.entity && !eventSubjects(e).includes(f.entity)) return false;
  return true;
}

/**
 * The indices of the matching events, kept incrementally: while the trace only grows (playing),
 * each call scans just the new events. A new filter or a different timeline rescans.
 * The returned array is reused (appended to) while it grows; use its length as the version.
 */
export function createMatcher() {
  let src: readonly TraceEvent[] = [];
  let filt: LogFilter | null = null;
  let idx: number[] = [];
  return (horizon: readonly TraceEvent[], filter: LogFilter): number[] => {
    const n = src.length;
    const grown = filt === filter && horizon.length >= n && (n === 0 || horizon[n - 1] === src[n - 1]);
    if (!grown) idx = [];
    for (let i = grown ? n : 0; i < horizon.length; i++) if (matches(horizon[i], filter)) idx.push(i);
    src = horizon;
    filt = filter;
    return idx;
  };
}

/** First position in the sorted `idx` whose value is ≥ `x` (idx.length if none). */
function lowerBound(idx: readonly number[], x: number): number {
  let lo = 0;
  let hi = idx.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (idx[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function EventLog() {
  const api = useAppStoreApi();
  const scenario = useAppStore(selectScenario);
  const events = useAppStore(selectEvents);
  const horizon = useAppStore(selectHorizon);
  const filter = useAppStore(selectLogFilter);
  const matcher = useMemo(() => createMatcher(), []);
  const rows = matcher(horizon, filter);
  const total = rows.length;

  const kindOf = useMemo(() => {
    const m = new Map<string, EntityRef['kind']>();
    scenario.nodes.forEach((n) => m.set(n.name, 'node'));
    scenario.groups.forEach((g) => {
      m.set(g.name, 'group');
      g.resources.forEach((r) => m.set(r.name, 'resource'));
    });
    return m;
  }, [scenario]);
  // 1,232 <option>s in the big scenario: built once per scenario, not on every new event.
  const entityOptions = useMemo(
    () =>
      [...kindOf.keys()].map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      )),
    [kindOf],
  );

  // Follow the newest event unless the user has scrolled up to read. After a rewind, keep "now"
  // (the first row ahead) in view rather than the far end.
  const { ref: list, box } = useScrollBox<HTMLOListElement>();
  const [follow, setFollow] = useState(true);
  const firstAhead = lowerBound(rows, events.length);
  const pinned =
    firstAhead < total
      ? Math.max(0, (firstAhead + 2) * LOG_ROW_H - box.height)
      : Math.max(0, total * LOG_ROW_H - box.height);
  const top = follow ? pinned : box.top;
  const { start, end } = rowWindow(top, box.height, LOG_ROW_H, total, OVERSCAN);
  // Where we last scrolled to ourselves: that scroll event is not the user scrolling away.
  const pinnedAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = list.current;
    // Compare with the last scroll position we were told of: reading scrollTop would force a layout.
    if (el && follow && Math.abs(box.top - pinned) > 1) {
      pinnedAt.current = pinned;
      el.scrollTop = pinned;
    }
  }, [list, follow, pinned, box.top]);

  const onRow = useCallback(
    (e: TraceEvent) => {
      const subject = eventSubjects(e).find((n) => kindOf.has(n));
      if (subject) api.getState().select({ kind: kindOf.get(subject)!, name: subject });
      api.getState().pause();
      api.getState().seek(e.t);
    },
    [api, kindOf],
  );

  const { setLogFilter } = api.getState();
  return (
    <section className="event-log" aria-label="Event log">
      <div className="log-filters">
        <h2>Event log</h2>
        <label>
          Entity{' '}
          <select
            aria-label="Filter by entity"
            value={filter.entity}
            onChange={(e) => setLogFilter({ entity: e.target.value })}
          >
            <option value="">all</option>
            {entityOptions}
          </select>
        </label>
        <label>
          Type{' '}
          <select
            aria-label="Filter by type"
            value={filter.type}
            onChange={(e) => setLogFilter({ type: e.target.value })}
          >
            <option value="">all</option>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={filter.decisionsOnly}
            onChange={(e) => setLogFilter({ decisionsOnly: e.target.checked })}
          />{' '}
          only decisions
        </label>
        <span className="muted">
          {events.length} events{horizon.length > events.length ? ` · ${horizon.length - events.length} ahead` : ''}
        </span>
      </div>
      <ol
        ref={list}
        className="log-rows"
        aria-label="Trace events"
        onScroll={(e) => {
          const el = e.currentTarget;
          const own = pinnedAt.current;
          pinnedAt.current = null;
          // Our own scroll (possibly clamped, e.g. before the box's real height was known) keeps following.
          if (own !== null && Math.abs(el.scrollTop - Math.min(own, el.scrollHeight - el.clientHeight)) <= 1) return;
          const next = el.scrollHeight - el.scrollTop - el.clientHeight < 40 || firstAhead < total;
          if (next !== follow) setFollow(next);
        }}
      >
        {/* Spacers stand in for the rows not rendered (not padding: that would grow the scroll box itself). */}
        {start > 0 && <li aria-hidden="true" className="log-spacer" style={{ height: start * LOG_ROW_H }} />}
        {rows.slice(start, end).map((i, k) => (
          <LogRow key={i} e={horizon[i]} ahead={i >= events.length} onPick={onRow} pos={start + k + 1} />
        ))}
        {end < total && <li aria-hidden="true" className="log-spacer" style={{ height: (total - end) * LOG_ROW_H }} />}
      </ol>
    </section>
  );
}

/** Rows are memoised: a growing trace re-renders only the new rows, not all of them each frame. */
const LogRow = memo(function LogRow({
  e,
  ahead,
  onPick,
  pos,
}: {
  e: TraceEvent;
  ahead: boolean;
  onPick: (e: TraceEvent) => void;
  pos: number;
}) {
  return (
    <li
      aria-posinset={pos}
      className={`log-row type-${e.type.replace('.', '-')}${ahead ? ' ahead' : ''}${DECISION_TYPES.has(e.type) ? ' decision' : ''}`}
    >
      <button type="button" onClick={() => onPick(e)} title="Select and go to this moment">
        <span className="log-t">t={formatClock(e.t)}</span>
        {' · '}
        <span className="log-type">{e.type}</span>
        {' · '}
        <span className="log-summary">{eventSummary(e)}</span>
        {e.reason && <span className="log-reason"> — {e.reason}</span>}
        {ahead && <span className="ahead-tag"> (ahead)</span>}
      </button>
    </li>
  );
});
