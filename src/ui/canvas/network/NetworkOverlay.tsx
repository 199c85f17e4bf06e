/**
 * Drawn over the flow (inside <ReactFlow>, in flow coordinates, never catching the pointer): the
 * partition as the line it is, in the gap between each pair of neighbouring sides (the cards are
 * arranged side by side while partitioned, ./overlayGeometry `arrange`, so one straight line always
 * separates them). Sites, the witness and the side labels are drawn by ./NetShapes and ./SideLabels.
 */
import { useMemo } from 'react';
import { useNodes, ViewportPortal } from '@xyflow/react';
import { useAppStore } from '../../../store/context';
import { partitionKey, sidesOfKey } from './netLayout';
import { cardBoxes } from './netNodes';
import { cutLines, rowSpan, siteRegions } from './overlayGeometry';

export function NetworkOverlay() {
  const key = useAppStore(partitionKey);
  return key ? <Cuts partition={key} /> : null;
}

function Cuts({ partition }: { partition: string }) {
  const nodes = useNodes();
  const scenario = useAppStore((s) => s.scenario);
  const sides = useMemo(() => sidesOfKey(partition), [partition]);
  const boxes = cardBoxes(
    nodes,
    scenario.nodes.map((n) => n.name),
  );
  if (!boxes.length) return null;
  const sites = siteRegions(boxes, new Map(scenario.nodes.map((n) => [n.name, n.site ?? null])));
  return (
    <ViewportPortal>
      <svg className="net-overlay" aria-hidden="true" width={1} height={1}>
        {cutLines(boxes, sides, rowSpan(boxes, sites)).map((c) => (
          <g key={c.x} className="cut-line" data-testid="cut-line" data-x={c.x}>
            <line x1={c.x} x2={c.x} y1={c.y1} y2={c.y2} />
          </g>
        ))}
      </svg>
    </ViewportPortal>
  );
}
