/** The context menu of a canvas entity: every applicable action, disabled ones with the engine's reason. */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { actionsFor } from '../app/actions';
import { useAppStore, useAppStoreApi } from '../store/context';
import type { EntityRef } from '../store/types';

export interface MenuState {
  entity: EntityRef;
  x: number;
  y: number;
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

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [menu]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      buttons[(i + 1) % buttons.length]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      buttons[(i - 1 + buttons.length) % buttons.length]?.focus();
    }
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={`Actions for ${menu.entity.kind} ${menu.entity.name}`}
      className="context-menu"
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={onKeyDown}
    >
      <div className="menu-title" aria-hidden="true">
        {menu.entity.kind} {menu.entity.name}
      </div>
      {items.map((it, i) => (
        // Disabled items stay focusable (aria-disabled) so keyboard and screen-reader users hear why.
        <button
          key={it.label}
          type="button"
          role="menuitem"
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
          {it.label}
        </button>
      ))}
    </div>
  );
}
