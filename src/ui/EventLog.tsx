/**
 * The trace as a readable, filterable log. After a rewind the rows beyond "now" are still shown,
 * marked as ahead: re-simulation is deterministic, so they are what will happen unless you act.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DECISION_TYPES, formatClock } from '../store/format';
import type { TraceEvent, TraceEventType } from '../engine';
import { useAppStore, useAppStoreApi } from '../store/context';
import { eventRefs, keyOf, refKey } from '../store/refs';
import { selectLogFilter, selectScenario } from '../store/selectors';
import type { AppState, LogFilter } from '../store/types';
import { DecisionPanel } from './DecisionPanel';
import { rowSummary } from './rowSummary';
import { rowWindow, useScrollBox } from './rowWindow';
import { useThrottledAppStore } from './throttle';
import './logRows.css';

const selectExpanded = (s: AppState) => s.expanded;
/** The trace and its horizon together (one object while both stay), so the throttled log never shows one without the other. */
let lastTrace: Pick<AppState, 'events' | 'horizon'> = { events: [], horizon: [] };
const selectTrace = (s: AppState) =>
  lastTrace.events === s.events && lastTrace.horizon === s.horizon
    ? lastTrace
    : (lastTrace = { events: s.events, horizon: s.horizon });

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
  // Kind and name: a group and a resource may share a name (scenario-format §1).
  if (f.entity && !eventRefs(e).some((r) => keyOf(r) === f.entity)) return false;
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
    for (let i = grown ? n : 0; i < horizon.length; i++) if (matches(horizon[i]!, filter)) idx.push(i);
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
    if (idx[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function EventLog() {
  const api = useAppStoreApi();
  const scenario = useAppStore(selectScenario);
  // Throttled at high speed (./throttle): the log is read once play slows down or stops.
  const { events, horizon } = useThrottledAppStore(selectTrace);
  const filter = useAppStore(selectLogFilter);
  const matcher = useMemo(() => createMatcher(), []);
  const rows = matcher(horizon, filter);
  const total = rows.length;

  const expanded = useAppStore(selectExpanded);
  // 1,232 <option>s in the big scenario: built once per scenario, not on every new event. Grouped
  // by kind, valued by kind and name: a group and a resource may share a name.
  const entityOptions = useMemo(() => {
    // A name used by two kinds says its kind, so the closed select is not ambiguous.
    const seen = new Map<string, number>();
    const all = [
      ...scenario.nodes.map((n) => n.name),
      ...scenario.groups.map((g) => g.name),
      ...scenario.groups.flatMap((g) => g.resources.map((r) => r.name)),
    ];
    for (const n of all) seen.set(n, (seen.get(n) ?? 0) + 1);
    const opts = (kind: 'node' | 'group' | 'resource', names: string[]) =>
      names.map((n) => (
        <option key={n} value={refKey(kind, n)}>
          {(seen.get(n) ?? 0) > 1 ? `${n} (${kind})` : n}
        </option>
      ));
    return (
      <>
        <optgroup label="Nodes">
          {opts(
            'node',
            scenario.nodes.map((n) => n.name),
          )}
        </optgroup>
        <optgroup label="Groups">
          {opts(
            'group',
            scenario.groups.map((g) => g.name),
          )}
        </optgroup>
        <optgroup label="Resources">
          {opts(
            'resource',
            scenario.groups.flatMap((g) => g.resources.map((r) => r.name)),
          )}
        </optgroup>
      </>
    );
  }, [scenario]);

  // At WSFC's maximum that is 24,000 options: laying out the closed select measures every one of
  // them (a second at start-up), so a big cluster's list is built when the select is first used.
  const manyEntities = useMemo(() => entityCount(scenario) > MANY_ENTITIES, [scenario]);
  const [optionsWanted, setOptionsWanted] = useState(false);

  // Follow the newest event unless the user has scrolled up to read. After a rewind, keep "now"
  // (the first row ahead) in view rather than the far end.
  const { ref: list, box } = useScrollBox<HTMLOListElement>();
  const [follow, setFollow] = useState(true);
  // One row may be open in place; its extra height (measured) shifts the rows after it.
  const openPos = expanded === null ? -1 : lowerBound(rows, expanded);
  const open = openPos >= 0 && rows[openPos] === expanded ? openPos : -1;
  const [extraH, setExtraH] = useState(0);
  const extra = open >= 0 ? extraH : 0;
  const rowTop = (pos: number) => pos * LOG_ROW_H + (open >= 0 && pos > open ? extra : 0);
  const firstAhead = lowerBound(rows, events.length);
  const pinned =
    firstAhead < total ? Math.max(0, rowTop(firstAhead + 2) - box.height) : Math.max(0, rowTop(total) - box.height);
  const top = follow ? pinned : box.top;
  // In row units: past the open row, its extra height is not rows.
  const rowUnitsTop = open >= 0 && top > rowTop(open + 1) ? Math.max(rowTop(open + 1), top - extra) : top;
  const { start, end } = rowWindow(rowUnitsTop, box.height, LOG_ROW_H, total, OVERSCAN);
  // The rows on screen (and one beyond): only these cut their text with an ellipsis (./logRows.css).
  const shown = rowWindow(rowUnitsTop, box.height, LOG_ROW_H, total, 1);
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
    (e: TraceEvent, i: number) => {
      const s = api.getState();
      const opening = s.expanded !== i;
      const subject = eventRefs(e)[0];
      if (subject) s.select(subject);
      s.pause();
      // Reading a row keeps it where it is: stop following the newest event.
      setFollow(false);
      s.expand(opening ? i : null);
      s.seek(e.t);
    },
    [api],
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
            className={manyEntities ? 'many' : undefined}
            value={filter.entity}
            onChange={(e) => setLogFilter({ entity: e.target.value })}
            onFocus={() => setOptionsWanted(true)}
            onPointerDown={() => setOptionsWanted(true)}
          >
            <option value="">all</option>
            {!manyEntities || optionsWanted || filter.entity ? entityOptions : null}
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
        {start > 0 && <li aria-hidden="true" className="log-spacer" style={{ height: rowTop(start) }} />}
        {rows.slice(start, end).map((i, k) => (
          <LogRow
            key={i}
            i={i}
            e={horizon[i]!}
            ahead={i >= events.length}
            onPick={onRow}
            pos={start + k + 1}
            inView={start + k >= shown.start && start + k < shown.end}
            open={i === expanded}
            onExtra={i === expanded ? setExtraH : undefined}
          />
        ))}
        {end < total && (
          <li aria-hidden="true" className="log-spacer" style={{ height: rowTop(total) - rowTop(end) }} />
        )}
      </ol>
    </section>
  );
}

/** Rows are memoised: a growing trace re-renders only the new rows, not all of them each frame. */
const LogRow = memo(function LogRow({
  i,
  e,
  ahead,
  onPick,
  pos,
  inView,
  open,
  onExtra,
}: {
  i: number;
  e: TraceEvent;
  ahead: boolean;
  onPick: (e: TraceEvent, i: number) => void;
  pos: number;
  inView: boolean;
  open: boolean;
  onExtra?: (h: number) => void;
}) {
  const text = `t=${formatClock(e.t)} · ${e.type} · ${rowSummary(e)}${e.reason ? ` — ${e.reason}` : ''}`;
  const li = useRef<HTMLLIElement>(null);
  useLayoutEffect(() => {
    const el = li.current;
    if (!open || !onExtra || !el) return;
    const measure = () => onExtra(Math.max(0, el.offsetHeight - LOG_ROW_H));
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, [open, onExtra]);
  return (
    <li
      ref={li}
      aria-posinset={pos}
      className={`log-row type-${e.type.replace('.', '-')}${ahead ? ' ahead' : ''}${DECISION_TYPES.has(e.type) ? ' decision-row' : ''}${open ? ' expanded' : ''}${inView ? ' in-view' : ''}`}
    >
      {/* The tooltip is the row's whole text (the row itself may be cut at the log's width). */}
      <button type="button" onClick={() => onPick(e, i)} title={text} aria-expanded={open}>
        <span className="log-t">t={formatClock(e.t)}</span>
        {' · '}
        <span className="log-type">{e.type}</span>
        {' · '}
        <span className="log-summary">{rowSummary(e)}</span>
        {e.reason && <span className="log-reason"> — {e.reason}</span>}
        {ahead && <span className="ahead-tag"> (ahead)</span>}
      </button>
      {open && <DecisionPanel event={e} heading={false} />}
    </li>
  );
});

/** Above this many nodes, groups and resources the entity filter's options are built on first use. */
const MANY_ENTITIES = 2000;
const entityCount = (sc: { nodes: unknown[]; groups: { resources: unknown[] }[] }) =>
  sc.nodes.length + sc.groups.reduce((n, g) => n + 1 + g.resources.length, 0);
