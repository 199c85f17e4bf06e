/**
 * Drawn over the flow (inside <ReactFlow>, in flow coordinates, never catching the pointer): the
 * partition as the line it is, in the gap between each pair of neighbouring sides (the cards are
 * arranged side by side while partitioned, ./overlayGeometry `arrange`, so one straight line always
 * separates them); and, with Routes on, one lane per pair under the row, coloured and dashed by its
 * state (the words are in the routes list beside the diagram, ./RoutePanel, which is what a lane's
 * colour is read against). Sites, the witness and the side labels: ./NetShapes and ./SideLabels.
 */
import { useMemo } from 'react';
import { useNodes, ViewportPortal } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../store/context';
import type { AppState } from '../../../store/types';
import { useNetUi } from './dialogState';
import { partitionKey, sidesOfKey } from './netLayout';
import { routeLook } from './netModel';
import { cardBoxes } from './netNodes';
import { cutLines, laneBand, routeLanes, rowSpan, siteRegions } from './overlayGeometry';

const pickLooks = (s: AppState) => (s.view.network?.links ?? []).map((l) => `${l.a}\u0000${l.b}\u0000${routeLook(l)}`);

export function NetworkOverlay() {
  const key = useAppStore(partitionKey);
  const routes = useNetUi((s) => s.routes);
  const on = useAppStore((s) => !!s.scenario.networks);
  return on && (key || routes) ? <Overlay partition={key} routes={routes} /> : null;
}

function Overlay({ partition, routes }: { partition: string; routes: boolean }) {
  const nodes = useNodes();
  const scenario = useAppStore((s) => s.scenario);
  const sides = useMemo(() => sidesOfKey(partition), [partition]);
  const looks = useAppStore(useShallow(pickLooks));
  const hot = useNetUi((s) => s.hot);
  const boxes = cardBoxes(
    nodes,
    scenario.nodes.map((n) => n.name),
  );
  if (!boxes.length) return null;
  const span = rowSpan(boxes, siteRegions(boxes, new Map(scenario.nodes.map((n) => [n.name, n.site ?? null]))));
  const look = new Map<string, string>(
    looks.map((k) => {
      const [a = '', b = '', l = ''] = k.split('\u0000');
      return [`${a}\u0000${b}`, l];
    }),
  );
  // Lanes for the pairs of running nodes only (the view has no route for a node that is off).
  const lanes = routes
    ? routeLanes(boxes, span.bottom).flatMap((lane) => {
        const id = look.has(`${lane.a}\u0000${lane.b}`) ? `${lane.a}\u0000${lane.b}` : `${lane.b}\u0000${lane.a}`;
        const l = look.get(id);
        return l ? [{ ...lane, id, look: l }] : [];
      })
    : [];
  return (
    <ViewportPortal>
      <svg className="net-overlay" aria-hidden="true" width={1} height={1}>
        {partition &&
          // With Routes on, the cut runs on through the lanes: the lanes it crosses are the cut pairs.
          cutLines(boxes, sides, routes ? { ...span, bottom: span.bottom + laneBand(boxes.length) } : span).map((c) => (
            <g key={c.x} className="cut-line" data-testid="cut-line" data-x={c.x}>
              <line x1={c.x} x2={c.x} y1={c.y1} y2={c.y2} />
            </g>
          ))}
        {lanes.map((l) => (
          <path
            key={l.id}
            d={l.d}
            className={`route-lane lane-${l.look}${hot === l.id ? ' lane-hot' : ''}`}
            data-testid={`lane-${l.id.replace('\u0000', '-')}`}
          />
        ))}
      </svg>
    </ViewportPortal>
  );
}
