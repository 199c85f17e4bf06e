/**
 * The heartbeat routes when the Routes toggle is on: a list beside the diagram (never over it, like
 * the mini map), one row per pair of running nodes, its state by colour, by line style and in words.
 * Why a list and not arcs over the cards: arcs left the fitted view, their labels overlapped, and
 * labels drawn in the diagram shrink with the zoom; a list at screen size stays readable at any zoom
 * and for any number of pairs. The lanes under the row (./NetworkOverlay) show the same pairs
 * between the cards, by colour and line style. Each row is focusable (Tab, then arrows) and named
 * "N1–N3: declared down at t=…"; focusing or hovering a row outlines its lane and its two cards.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../store/context';
import type { AppState } from '../../../store/types';
import { useNetUi } from './dialogState';
import { lostAt, routeRows } from './routeRows';

const pickRows = (s: AppState) => routeRows(s.view, lostAt(s.events)).map((r) => JSON.stringify(r));

export function RoutePanel() {
  const on = useAppStore((s) => !!s.scenario.networks);
  const routes = useNetUi((s) => s.routes);
  return on && routes ? <Panel /> : null;
}

function Panel() {
  const keys = useAppStore(useShallow(pickRows));
  const rows = useMemo(() => keys.map((k) => JSON.parse(k) as ReturnType<typeof routeRows>[number]), [keys]);
  const hot = useNetUi((s) => s.hot);
  const setHot = useNetUi((s) => s.setHot);
  const onKey = (e: React.KeyboardEvent<HTMLLIElement>) => {
    const li = e.currentTarget;
    const next = e.key === 'ArrowDown' ? li.nextElementSibling : e.key === 'ArrowUp' ? li.previousElementSibling : null;
    if (next instanceof HTMLElement) {
      e.preventDefault();
      next.focus();
    }
  };
  return (
    <aside className="net-routes" aria-label="Heartbeat routes" data-testid="route-panel">
      <h3>Routes</h3>
      {rows.length === 0 && <p className="muted">No two nodes are running.</p>}
      <ul>
        {rows.map((r) => {
          const id = `${r.a}\u0000${r.b}`;
          return (
            <li
              key={id}
              tabIndex={0}
              className={`route-row route-${r.look}`}
              data-testid={`route-${r.a}-${r.b}`}
              aria-label={r.name}
              title={r.name}
              onKeyDown={onKey}
              onFocus={() => setHot(id)}
              onBlur={() => setHot(null)}
              onMouseEnter={() => setHot(id)}
              onMouseLeave={() => setHot(null)}
            >
              <strong className="entity-name">
                {r.a}–{r.b}
              </strong>{' '}
              <span className="route-words">{r.short}</span>
            </li>
          );
        })}
      </ul>
      {hot && <HotPair pair={hot} />}
    </aside>
  );
}

/** Outlines the two cards of the focused or hovered pair (a style rule keyed by their test ids). */
function HotPair({ pair }: { pair: string }) {
  const [a = '', b = ''] = pair.split('\u0000');
  const sel = [a, b].map((n) => `.canvas [data-testid="region-${CSS.escape(n)}"]`).join(', ');
  return <style>{`${sel} { outline: 4px solid var(--accent); outline-offset: 3px; }`}</style>;
}
