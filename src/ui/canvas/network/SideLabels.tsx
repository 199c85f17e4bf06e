/**
 * The partition's side labels ("Side A: 2 votes, reaches the witness") at screen size, above each
 * side's run of cards: HTML, so they stay readable (13 px × the canvas text size, 14 px at least in
 * presentation) however far the diagram is zoomed out. The sides are contiguous runs separated by
 * the cuts (./overlayGeometry `arrange`); each label stays between the cuts beside it, so two never
 * overlap, and the band above the row (./netNodes) keeps them off the cards' heads.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useNodes, useStore, type ReactFlowState } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../store/context';
import type { AppState } from '../../../store/types';
import { partitionKey, sidesOfKey } from './netLayout';
import { sideLabelWords, sideSummaries } from './netModel';
import { cardBoxes } from './netNodes';
import { placeInRoom, rowSpan, sideLabelRects, sideRuns, siteRegions } from './overlayGeometry';

const pickTransform = (s: ReactFlowState) => s.transform;
const pickWidth = (s: ReactFlowState) => s.width;
/** The last regroup, if it came after the split in force (an earlier split's regroup says nothing of these sides). */
function regroupOfSplit(s: AppState) {
  const r = s.view.network?.lastRegroup ?? null;
  if (!r) return null;
  for (let i = s.events.length - 1; i >= 0; i--) {
    const e = s.events[i]!;
    if (e.type === 'action' && e.action.action === 'partition') return e.t <= r.t ? r : null;
  }
  return null;
}
const pickText = (s: AppState) => {
  const r = regroupOfSplit(s);
  return sideSummaries(s.view).map((x) => sideLabelWords(x, r));
};

export function SideLabels() {
  const on = useAppStore((s) => !!s.view.network?.partition);
  return on ? <Labels /> : null;
}

function Labels() {
  const nodes = useNodes();
  const transform = useStore(useShallow(pickTransform));
  const paneWidth = useStore(pickWidth);
  const text = useAppStore(useShallow(pickText));
  const scenario = useAppStore((s) => s.scenario);
  const key = useAppStore(partitionKey);
  const sides = useMemo(() => sidesOfKey(key), [key]);
  const boxes = cardBoxes(
    nodes,
    scenario.nodes.map((n) => n.name),
  );
  if (!boxes.length) return null;
  const sites = siteRegions(boxes, new Map(scenario.nodes.map((n) => [n.name, n.site ?? null])));
  const rects = sideLabelRects(sideRuns(boxes, sides), rowSpan(boxes, sites).top, transform, paneWidth);
  return <Placed rects={rects} text={text} />;
}

/**
 * Each label is as wide as its words need, up to its room; once its width is known (after layout)
 * it is moved to sit centred over its side, inside its room (./overlayGeometry `placeInRoom`).
 */
function Placed({ rects, text }: { rects: ReturnType<typeof sideLabelRects>; text: string[] }) {
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  useLayoutEffect(() => {
    rects.forEach((r, i) => {
      const el = refs.current[i];
      if (el) el.style.left = `${placeInRoom(r, el.offsetWidth)}px`;
    });
  });
  return (
    <div className="side-labels">
      {rects.map((r, i) => (
        <div
          key={r.side}
          ref={(el) => {
            refs.current[i] = el;
          }}
          className={`side-label side-label-${r.side}`}
          data-testid={`side-label-${r.side}`}
          style={{ left: r.left, maxWidth: r.width, top: r.bottom }}
        >
          {text[r.side]}
        </div>
      ))}
    </div>
  );
}
