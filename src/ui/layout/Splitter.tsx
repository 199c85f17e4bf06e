/**
 * The bar between two panels: drag it (or focus it and use the arrow keys, Home/End) to resize the
 * panel, press its button (or Enter) to collapse or show the panel. Sizes and collapsed panels are
 * remembered (./panelPrefs).
 */
import { useRef } from 'react';
import './layout.css';
import { PANEL_LIMITS, usePanels, type PanelId } from './panelPrefs';

const TITLES: Record<PanelId, string> = {
  inspector: 'inspector',
  timeline: 'timeline',
  bottom: 'event log and table',
  table: 'state table',
  log: 'event log',
};

/** What a narrow (vertical) bar can show; the button's name stays the full title. */
const SHORT: Record<PanelId, string> = {
  inspector: 'inspector',
  timeline: 'timeline',
  bottom: 'log and table',
  table: 'table',
  log: 'log',
};

/** Which way the bar moves and whether moving right/down grows the panel (it does for none of ours). */
const AXIS: Record<PanelId, 'x' | 'y'> = { inspector: 'x', timeline: 'y', bottom: 'y', table: 'x', log: 'x' };
const STEP = 24;

/** `before`: the panel on the other side of the bar, which this bar can also collapse (the log, left of the table). */
export function Splitter({ id, before }: { id: PanelId; before?: PanelId }) {
  const size = usePanels((s) => s.sizes[id]);
  const beforeCollapsed = usePanels((s) => (before ? s.collapsed[before] : false));
  const collapsed = usePanels((s) => s.collapsed[id]);
  const { setSize, setCollapsed } = usePanels.getState();
  const drag = useRef<{ start: number; size: number } | null>(null);
  const axis = AXIS[id];
  const title = TITLES[id];
  const { min, max } = PANEL_LIMITS[id];

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (collapsed || (e.target as HTMLElement).closest('button')) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: axis === 'x' ? e.clientX : e.clientY, size };
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    // Every panel sits right of or below its bar: moving the bar left/up grows it.
    const delta = (axis === 'x' ? e.clientX : e.clientY) - drag.current.start;
    setSize(id, drag.current.size - delta);
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const grow = axis === 'x' ? 'ArrowLeft' : 'ArrowUp';
    const shrink = axis === 'x' ? 'ArrowRight' : 'ArrowDown';
    if (e.key === grow) setSize(id, size + STEP);
    else if (e.key === shrink) setSize(id, size - STEP);
    else if (e.key === 'Home') setSize(id, min);
    else if (e.key === 'End') setSize(id, max);
    else if (e.key === 'Enter') setCollapsed(id, !collapsed);
    else return;
    e.preventDefault();
  };

  return (
    <div
      className={`splitter splitter-${axis}${collapsed ? ' is-collapsed' : ''}`}
      data-panel={id}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      {!collapsed && (
        <div
          className="splitter-grip"
          role="separator"
          tabIndex={0}
          aria-label={`Resize the ${title}`}
          aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
          aria-valuemin={min}
          aria-valuemax={max}
          aria-valuenow={size}
          onKeyDown={onKeyDown}
        />
      )}
      {before && !collapsed && (
        <button
          type="button"
          className="splitter-toggle"
          aria-expanded={!beforeCollapsed}
          onClick={() => setCollapsed(before, !beforeCollapsed)}
          aria-label={beforeCollapsed ? `Show ${TITLES[before]}` : `Hide ${TITLES[before]}`}
        >
          <span className="splitter-verb">{beforeCollapsed ? 'Show ' : 'Hide '}</span>
          {SHORT[before]}
        </button>
      )}
      <button
        type="button"
        className="splitter-toggle"
        aria-expanded={!collapsed}
        onClick={() => setCollapsed(id, !collapsed)}
        title={collapsed ? `Show the ${title}` : `Hide the ${title}`}
        aria-label={collapsed ? `Show ${title}` : `Hide ${title}`}
      >
        <span className="splitter-verb">{collapsed ? 'Show ' : 'Hide '}</span>
        {SHORT[id]}
      </button>
    </div>
  );
}
