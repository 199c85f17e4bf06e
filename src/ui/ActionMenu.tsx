/**
 * The context menu of a canvas entity: every applicable action in headed sections (administration,
 * faults, health checks, Online/Offline calls), disabled ones with the engine's reason. It is
 * placed at the pointer and kept inside the window: flipped up or left when it would run off, and
 * scrolled when the window is shorter than the menu.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { actionsFor, type ActionItem } from '../store/actionCatalog';
import { useAppStore, useAppStoreApi } from '../store/context';
import type { EntityRef } from '../store/types';
import { SplitMenuItem } from './canvas/network/SplitMenuItem';

export interface MenuState {
  entity: EntityRef;
  /** Where it was opened, in window (client) coordinates. */
  x: number;
  y: number;
}

/** Menu heading for each action section; `row`: items shown in one row after this label. */
const SECTIONS: Record<string, { title: string; row?: string }> = {
  Node: { title: 'Node' },
  Group: { title: 'Administration' },
  Move: { title: 'Move' },
  Resource: { title: 'Administration' },
  Faults: { title: 'Faults' },
  'LooksAlive answers': { title: 'Health checks', row: 'LooksAlive' },
  'IsAlive answers': { title: 'Health checks', row: 'IsAlive' },
  'Online calls': { title: 'Online/Offline calls', row: 'Online' },
  'Offline calls': { title: 'Online/Offline calls', row: 'Offline' },
};

interface Row {
  label?: string;
  items: { item: ActionItem; index: number }[];
}

/** Sections in order of first appearance; items of a `row` section share one row. */
export function menuSections(items: ActionItem[]): { title: string; rows: Row[] }[] {
  const out: { title: string; rows: Row[] }[] = [];
  items.forEach((item, index) => {
    const s = SECTIONS[item.section] ?? { title: item.section };
    let sec = out.find((x) => x.title === s.title);
    if (!sec) out.push((sec = { title: s.title, rows: [] }));
    if (s.row) {
      let row = sec.rows.find((r) => r.label === s.row);
      if (!row) sec.rows.push((row = { label: s.row, items: [] }));
      row.items.push({ item, index });
    } else sec.rows.push({ items: [{ item, index }] });
  });
  return out;
}

const MARGIN = 4;

/** Top-left that keeps a w×h box inside the window: at the point, else flipped, else pinned. */
export function placeMenu(
  x: number,
  y: number,
  w: number,
  h: number,
  winW: number,
  winH: number,
): { left: number; top: number } {
  const fit = (p: number, size: number, win: number) => {
    if (p + size <= win - MARGIN) return p;
    if (p - size >= MARGIN) return p - size;
    return Math.max(MARGIN, win - MARGIN - size);
  };
  return { left: fit(x, w, winW), top: fit(y, h, winH) };
}

export function ActionMenu({ menu, onClose }: { menu: MenuState; onClose: () => void }) {
  const api = useAppStoreApi();
  const scenario = useAppStore((s) => s.scenario);
  const items = actionsFor(menu.entity, scenario);
  // One string per item ('' = allowed): shallow-equal, so the menu re-renders only when a verdict changes.
  const reasons = useAppStore(
    useShallow((s) =>
      items.map((it) => {
        const c = s.check(it.action);
        return c.allowed ? '' : c.reason;
      }),
    ),
  );
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Measured at its natural size (max-height caps it at the window), then placed.
    const r = el.getBoundingClientRect();
    setPos(placeMenu(menu.x, menu.y, r.width, r.height, window.innerWidth, window.innerHeight));
  }, [menu]);

  // Focus once placed: a hidden (still unplaced) button cannot take focus.
  useEffect(() => {
    if (pos) ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [pos]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const go = (k: number) => buttons[(k + buttons.length) % buttons.length]?.focus();
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown' || e.key === 'ArrowRight') go(i + 1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(buttons.length - 1);
    else return;
    e.preventDefault();
  };

  const button = ({ item: it, index: i }: { item: ActionItem; index: number }, text: string) => (
    // Disabled items stay focusable (aria-disabled) so keyboard and screen-reader users hear why.
    <button
      key={it.label}
      type="button"
      role="menuitem"
      aria-label={text === it.label ? undefined : it.label}
      aria-disabled={reasons[i] ? true : undefined}
      title={reasons[i] || undefined}
      aria-description={reasons[i] || undefined}
      className={reasons[i] ? 'is-disabled' : undefined}
      onClick={() => {
        if (reasons[i]) return;
        api.getState().apply(it.action);
        onClose();
      }}
    >
      {text}
    </button>
  );

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={`Actions for ${menu.entity.kind} ${menu.entity.name}`}
      className="context-menu"
      style={pos ? { left: pos.left, top: pos.top } : { left: menu.x, top: menu.y, visibility: 'hidden' }}
      onKeyDown={onKeyDown}
    >
      <div className="menu-title" aria-hidden="true">
        {menu.entity.kind} {menu.entity.name}
      </div>
      {menuSections(items).map((sec) => (
        <div role="group" aria-label={sec.title} key={sec.title} className="menu-section">
          <div className="menu-heading" aria-hidden="true">
            {sec.title}
          </div>
          {sec.rows.map((row, k) =>
            row.label ? (
              <div className="menu-row" key={row.label}>
                <span className="menu-row-label" aria-hidden="true">
                  {row.label}
                </span>
                {row.items.map((x) => button(x, x.item.label.slice(x.item.label.lastIndexOf(' ') + 1)))}
              </div>
            ) : (
              <div key={k}>{button(row.items[0]!, row.items[0]!.item.label)}</div>
            ),
          )}
        </div>
      ))}
      {menu.entity.kind === 'node' && <SplitMenuItem onDone={onClose} />}
    </div>
  );
}
