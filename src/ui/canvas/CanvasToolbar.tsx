/** Above the canvas: presentation mode (also the P key), focus on a group, canvas text size, the mini map. */
import { useAppStoreApi } from '../../store/context';
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
    if (focus) return setFocus(null);
    const s = api.getState();
    setFocus(activeGroup(s.scenario, s.selected, s.events));
  };

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
        title="Zoom to the selected group (or the one that changed last) and the nodes it moves between; follows it on failover"
      >
        {focus ? `Focus: ${focus} ✕` : 'Focus'}
      </button>
      <span className="text-size" role="group" aria-label="Canvas text size">
        <button
          type="button"
          aria-label="Smaller text"
          disabled={i <= 0}
          onClick={() => setTextScale(TEXT_SCALES[i - 1])}
        >
          A−
        </button>
        <output aria-label="Text size">{Math.round(textScale * 100)}%</output>
        <button
          type="button"
          aria-label="Larger text"
          disabled={i >= TEXT_SCALES.length - 1}
          onClick={() => setTextScale(TEXT_SCALES[i + 1])}
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
