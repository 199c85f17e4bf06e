/**
 * Drawn over the flow (inside <ReactFlow>, in flow coordinates, never catching the pointer): sites
 * as brackets grouping their nodes, the partition as the line it is between the sides, the routes
 * of every pair when the Routes toggle is on (connected, heartbeats lost with the countdown to
 * being declared down, declared down), and the witness beside the nodes with who reaches it.
 */
import { useNodes, ViewportPortal } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../store/context';
import { formatCountdown } from '../../../store/format';
import type { AppState } from '../../../store/types';
import { nodeId } from '../layout';
import { useNetUi } from './dialogState';
import { KIND_WORDS, ROUTE_WORDS, routeLook, sideOf, sideSummaries, witnessWords } from './netModel';
import { cutLines, routeArc, siteBrackets, sideRuns, type Box } from './overlayGeometry';

const pickSites = (s: AppState) => s.view.nodes.map((n) => n.site ?? '');
const pickSides = (s: AppState) => {
  const side = sideOf(s.view.network);
  return s.view.nodes.map((n) => side.get(n.name) ?? -1);
};

export function NetworkOverlay() {
  const on = useAppStore((s) => !!s.scenario.networks || s.view.nodes.some((n) => n.site !== null));
  return on ? <Overlay /> : null;
}

function Overlay() {
  const flowNodes = useNodes();
  const names = useAppStore(useShallow((s) => s.view.nodes.map((n) => n.name)));
  const sites = useAppStore(useShallow(pickSites));
  const sides = useAppStore(useShallow(pickSides));
  const witness = useAppStore((s) => witnessWords(s.view));
  const witnessOk = useAppStore((s) => s.view.network?.witnessAvailable ?? s.view.quorum.witness.up);
  const routesOn = useNetUi((s) => s.routes);
  const sideText = useAppStore(
    useShallow((s) =>
      sideSummaries(s.view).map(
        (x) =>
          `${x.label}: ${x.votes} vote${x.votes === 1 ? '' : 's'}, ${x.reachesWitness ? 'reaches the witness' : 'no witness'}`,
      ),
    ),
  );
  const byId = new Map(flowNodes.map((n) => [n.id, n]));
  const boxes: Box[] = names.flatMap((name) => {
    const n = byId.get(nodeId(name));
    if (!n || n.parentId) return [];
    return [{ name, x: n.position.x, y: n.position.y, w: n.width ?? 0, h: n.height ?? 0 }];
  });
  if (!boxes.length) return null;
  const siteOf = new Map(names.map((n, i) => [n, sites[i] || null]));
  const sideMap = new Map(
    names.flatMap((n, i) => {
      const side = sides[i] ?? -1;
      return side >= 0 ? [[n, side] as const] : [];
    }),
  );
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return (
    <ViewportPortal>
      <svg className="net-overlay" aria-hidden="true" width={1} height={1}>
        {siteBrackets(boxes, siteOf).map((b) => (
          <g key={`${b.site}${b.x1}`} className="site-bracket">
            <path d={`M ${b.x1} ${b.y - 8} V ${b.y} H ${b.x2} V ${b.y - 8}`} />
            <text x={(b.x1 + b.x2) / 2} y={b.y + 22} textAnchor="middle">
              Site {b.site}
            </text>
          </g>
        ))}
        {cutLines(boxes, sideMap).map((c) => (
          <g key={c.x} className="cut-line">
            <line x1={c.x} x2={c.x} y1={c.y1} y2={c.y2} />
            <text x={c.x} y={c.y2 + 20} textAnchor="middle">
              partition
            </text>
          </g>
        ))}
        {sideRuns(boxes, sideMap).map((r) => (
          <text
            key={`side${r.x1}`}
            className={`side-label side-label-${r.side}`}
            x={(r.x1 + r.x2) / 2}
            y={r.y}
            textAnchor="middle"
          >
            {sideText[r.side]}
          </text>
        ))}
        {routesOn && <Routes boxes={boxes} />}
      </svg>
      {witness && (
        <div
          className={`witness-box${witnessOk ? '' : ' witness-unreached'}`}
          // Under the nodes, centred: the witness is outside every node (and every site: phase 1 has no witness site).
          style={{ left: (left + right) / 2 - 180, top: bottom + 80 }}
          data-testid="witness-box"
        >
          {witness}
        </div>
      )}
    </ViewportPortal>
  );
}

const pickLinks = (s: AppState) =>
  (s.view.network?.links ?? []).map(
    (l) => `${l.a}\u0000${l.b}\u0000${l.kind}\u0000${routeLook(l)}\u0000${l.declareDownAt ?? ''}`,
  );

function Routes({ boxes }: { boxes: Box[] }) {
  const links = useAppStore(useShallow(pickLinks));
  const now = useAppStore((s) => s.view.t);
  const at = new Map(boxes.map((b, i) => [b.name, i]));
  return (
    <g className="routes">
      {links.map((k) => {
        // pickLinks joins five fields, so the defaults never apply.
        const [a = '', b = '', kind = '', look = '', down = ''] = k.split('\u0000');
        const ia = at.get(a);
        const ib = at.get(b);
        if (ia === undefined || ib === undefined) return null;
        const arc = routeArc(boxes[ia]!, boxes[ib]!, Math.abs(ib - ia) - 1);
        const words =
          look === 'lost' && down ? `down in ${formatCountdown(Number(down) - now)}` : ROUTE_WORDS[look as 'connected'];
        return (
          <g key={`${a}|${b}`} className={`route route-${look}`} data-testid={`route-${a}-${b}`}>
            <title>{`${a}–${b}: ${KIND_WORDS[kind] ?? kind} route, ${words}`}</title>
            <path d={arc.d} />
            <text x={arc.labelX} y={arc.labelY - 6} textAnchor="middle">
              {a}–{b}: {words}
            </text>
          </g>
        );
      })}
    </g>
  );
}
