/**
 * Run length in place (issue 11 item 4), the script's markers on the scrubber, and the drawer that
 * holds the Upcoming list and the branch tree.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatClock } from '../store/format';
import { useAppStore, useAppStoreApi } from '../store/context';
import { selectUntil } from '../store/selectors';
import type { AppState } from '../store/types';
import { BranchesPanel } from './BranchesPanel';
import { parseTime } from './timeInput';
import { UpcomingList } from './UpcomingList';
import { upcomingItems } from './upcoming';
import './script.css';

export function RunLength() {
  const api = useAppStoreApi();
  const until = useAppStore(selectUntil);
  const [text, setText] = useState(formatClock(until));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(formatClock(until)), [until]);
  const commit = () => {
    const r = parseTime(text);
    if (!r.ok) return setError(r.message);
    if (r.ms === until) return setError(null);
    const failed = api.getState().setUntil(r.ms);
    setError(failed);
    if (failed) setText(formatClock(until));
  };
  return (
    <label className="run-length" title="How long the run lasts; actions and the script are kept">
      <span>Run until</span>
      <input
        aria-label="Run until"
        aria-invalid={error ? true : undefined}
        value={text}
        size={9}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {error && (
        <span role="alert" className="form-error">
          {error}
        </span>
      )}
    </label>
  );
}

const selectMarkInputs = (s: AppState) => [s.scenario, s.actions] as const;

/**
 * Where the script's and the user's actions fall, as % of the run (the scrubber and the timeline).
 * Every one within the run, past ones too: the marks then do not depend on the clock and are not
 * redrawn every frame while playing.
 */
export function useActionMarks() {
  const [scenario, actions] = useAppStore(useShallow(selectMarkInputs));
  return useMemo(
    () =>
      upcomingItems({ scenario, actions, appliedCount: 0, view: { t: -1 } })
        .filter((i) => !i.late)
        .map((i) => ({ ...i, pct: (i.at / scenario.until) * 100 })),
    [scenario, actions],
  );
}

/** A number, so the button re-renders only when the count changes, not every frame. */
const selectUpcomingCount = (s: AppState) => {
  let n = s.actions.length - s.appliedCount;
  for (const e of s.scenario.script) if (e.at > s.view.t) n++;
  return n;
};

export function ScrubberMarks() {
  const marks = useActionMarks();
  return (
    <div className="scrub-marks" aria-hidden="true">
      {marks.map((m) => (
        <span
          key={`${m.source}:${m.index}`}
          className={`scrub-mark mark-${m.source}`}
          style={{ left: `${m.pct}%` }}
          title={`${formatClock(m.at)} ${m.text}`}
        />
      ))}
    </div>
  );
}

const selectCounts = (s: AppState) => s.branches.length;

/** The button that opens the drawer, and the drawer (it floats: the layout does not move). */
export function ScriptDrawerToggle() {
  const [open, setOpen] = useState(false);
  // Below its button, wherever the time controls wrapped to (the drawer floats over the page).
  const [top, setTop] = useState(100);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  // Escape closes the drawer (also when the focus fell to the page after a row was removed),
  // unless a field uses it (a name or a time being typed).
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
      setOpen(false);
      toggle.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const branches = useAppStore(selectCounts);
  const upcoming = useAppStore(selectUpcomingCount);
  return (
    <>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls="script-drawer"
        onClick={(e) => {
          setTop(Math.round(e.currentTarget.getBoundingClientRect().bottom + 6));
          setOpen(!open);
        }}
      >
        Script &amp; branches ({upcoming} upcoming · {branches} branch{branches === 1 ? '' : 'es'})
      </button>
      {open && (
        <aside
          id="script-drawer"
          className="script-drawer"
          aria-label="Script and branches"
          style={{ top, maxHeight: `calc(100vh - ${top + 10}px)` }}
        >
          <div className="drawer-head">
            <h2>Script &amp; branches</h2>
            <button type="button" className="link" onClick={close}>
              Close
            </button>
          </div>
          <UpcomingList />
          <BranchesPanel />
        </aside>
      )}
    </>
  );
}
