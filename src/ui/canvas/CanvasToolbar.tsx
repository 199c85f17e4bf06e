/** Above the canvas: presentation mode (key P), focus on a group (key F), canvas text size, the mini map. */
import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/context';
import { isTypingTarget } from '../layout/useSimulateLayout';
import { selectTextScale, TEXT_SCALES, usePanels } from '../layout/panelPrefs';
import { activeGroup } from './focus';

export function CanvasToolbar({ showMap, onToggleMap }: { showMap: boolean; onToggleMap: () => void }) {
  const api = useAppStoreApi();
  const presentation = usePanels((s) => s.presentation);
  const focus = usePanels((s) => s.focus);
  const textScale = usePanels(selectTextScale);
  const { togglePresentation, setFocus, setTextScale } = usePanels.getState();
  const i = Math.max(
    0,
    TEXT_SCALES.findIndex((x) => x >= textScale - 1e-9),
  );

  const toggleFocus = () => {
    if (usePanels.getState().focus) return setFocus(null);
    const s = api.getState();
    setFocus(activeGroup(s.scenario, s.selected, s.events));
  };

  // F toggles focus, like the button (not while typing, not with a modifier).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key !== 'f' && e.key !== 'F') return;
      e.preventDefault();
      toggleFocus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas view">
      <button
        type="button"
        aria-pressed={presentation}
        onClick={togglePresentation}
        title="Give the canvas the whole screen (key: P)"
        aria-keyshortcuts="P"
      >
        {presentation ? 'Leave presentation' : 'Presentation'}
      </button>
      <button
        type="button"
        aria-pressed={!!focus}
        onClick={toggleFocus}
        title="Zoom to the selected group (or the one that changed last) and the nodes it moves between; follows it on failover (key: F)"
        aria-keyshortcuts="F"
      >
        {focus ? `Focus: ${focus} ✕` : 'Focus'}
      </button>
      <span className="text-size" role="group" aria-label="Canvas text size">
        <button
          type="button"
          aria-label="Smaller text"
          disabled={i <= 0}
          onClick={() => setTextScale(TEXT_SCALES[i - 1]!)}
        >
          A−
        </button>
        <output aria-label="Text size">{Math.round(textScale * 100)}%</output>
        <button
          type="button"
          aria-label="Larger text"
          disabled={i >= TEXT_SCALES.length - 1}
          onClick={() => setTextScale(TEXT_SCALES[i + 1]!)}
        >
          A+
        </button>
      </span>
      {!presentation && (
        <button type="button" aria-pressed={showMap} onClick={onToggleMap} title="Show the mini map beside the canvas">
          Map
        </button>
      )}
    </div>
  );
}
