/**
 * The Simulate screen's arrangement as a class name and CSS variables for the app root, plus the
 * presentation key: P (not while typing in a field, not with a modifier).
 */
import { useEffect, type CSSProperties } from 'react';
import { usePanels, type PanelId } from './panelPrefs';

const IDS: PanelId[] = ['inspector', 'timeline', 'bottom', 'table', 'log'];

export function isTypingTarget(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  if (el.closest('textarea, select, [contenteditable="true"], [role="menu"]')) return true;
  // Sliders, checkboxes and buttons take no letters; text fields do.
  const input = el.closest('input');
  return !!input && !['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(input.type);
}

export function useSimulateLayout(enabled = true): { className: string; style: CSSProperties } {
  const presentation = usePanels((s) => s.presentation);
  const collapsed = usePanels((s) => s.collapsed);
  const sizes = usePanels((s) => s.sizes);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === 'p' || e.key === 'P') {
        e.preventDefault();
        usePanels.getState().togglePresentation();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);

  const className = [
    presentation ? 'presentation' : '',
    ...IDS.filter((id) => collapsed[id]).map((id) => `collapsed-${id}`),
  ]
    .filter(Boolean)
    .join(' ');
  const style = {
    '--inspector-w': `${sizes.inspector}px`,
    '--timeline-h': `${sizes.timeline}px`,
    '--bottom-h': `${sizes.bottom}px`,
    '--table-w': `${sizes.table}px`,
  } as CSSProperties;
  return { className, style };
}
