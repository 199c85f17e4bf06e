/**
 * The live cluster on a React Flow canvas, with a context menu (mouse and keyboard). Above it, the
 * view toolbar and the quorum banner; beside it (never over it) the mini map when asked for.
 */
import { useCallback, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectOwnerKey, selectScenario } from '../../store/selectors';
import type { AppState } from '../../store/types';
import { ActionMenu, type MenuState } from '../ActionMenu';
import { selectTextScale, usePanels } from '../layout/panelPrefs';
import { FocusView } from './FocusView';
import { CanvasToolbar } from './CanvasToolbar';
import { edgeTypes } from './edgeTypes';
import { extentKey, FocusController } from './FocusController';
import { buildCompactNodes, isCompact } from './compactLayout';
import { buildEdges, buildNodes, entityOf, groupBoxes, reuseNodes } from './layout';
import type { GroupBox } from './routing';
import { nodeTypes } from './nodeTypes';
import { QuorumBanner } from './QuorumBanner';
import { NetworkControls } from './network/NetworkControls';
import { NetworkOverlay } from './network/NetworkOverlay';
import { NetworkStrip } from './network/NetworkStrip';
import { RoutePanel } from './network/RoutePanel';
import { useNetUi } from './network/dialogState';
import { SideLabels } from './network/SideLabels';
import { netArrangement, partitionKey } from './network/netLayout';
import { networkNodes } from './network/netNodes';

/**
 * Group boxes glide to their new owner, but only on small clusters: on a big one a failover moves
 * dozens of boxes at once, each animated box becomes a compositor layer and layerizing them cost
 * ~50 ms per frame for the whole transition (trace of the 200-group scenario).
 */
const ANIMATE_MAX_GROUPS = 24;
/** Big clusters: never zoom out so far that every node is on screen (and rendered) at once; small ones fit whole. */
const FIT_BIG = { minZoom: 0.35, maxZoom: 1 };
const FIT_SMALL = { minZoom: 0.05, maxZoom: 1 };

const selectOwners = (s: AppState) => s.view.groups.map((g) => g.owner);

const miniMapColor = (n: Node) => (n.type === 'region' ? '#dfe6ee' : n.type === 'group-box' ? '#9db4cc' : '#5b7a99');

export function ClusterCanvas() {
  const api = useAppStoreApi();
  const scenario = useAppStore(selectScenario);
  const ownerKey = useAppStore(selectOwnerKey);
  const presentation = usePanels((s) => s.presentation);
  const inLesson = usePanels((s) => s.lesson);
  const textScale = usePanels(selectTextScale);
  const [mapWanted, setMapWanted] = useState(false);
  const showMap = mapWanted && !presentation;
  const compact = useMemo(() => isCompact(scenario), [scenario]);
  // Network and site mode only (a plain scenario: '' and no arrangement, the layout as before).
  const sidesKey = useAppStore(partitionKey);
  const routesOn = useNetUi((s) => s.routes);
  const netMode = useMemo(() => !!scenario.networks || scenario.nodes.some((n) => n.site), [scenario]);
  const arrangement = useMemo(
    () => (netMode && !compact ? netArrangement(scenario, sidesKey) : undefined),
    [scenario, netMode, compact, sidesKey],
  );
  const boxes = useMemo(() => (compact ? new Map<string, GroupBox>() : groupBoxes(scenario)), [scenario, compact]);
  // The previous nodes array, to hand React Flow the same object for every node that stayed put.
  const [prevNodes] = useState<{ current: Node[] }>(() => ({ current: [] }));
  const edges = useMemo(() => (compact ? [] : buildEdges(scenario, boxes)), [scenario, boxes, compact]);
  const nodes = useMemo(
    () => {
      const owners = selectOwners(api.getState());
      const next = compact
        ? buildCompactNodes(scenario, owners, prevNodes.current)
        : reuseNodes(prevNodes.current, buildNodes(scenario, boxes, owners, arrangement));
      prevNodes.current = next;
      return netMode ? [...networkNodes(scenario, next, sidesKey !== '', textScale, routesOn), ...next] : next;
    },
    // ownerKey is the dependency: the layout changes only when an owner does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scenario, boxes, compact, ownerKey, arrangement, netMode && textScale, netMode && routesOn],
  );
  // Every card on screen: both sides of a partition, the whole cluster of a lesson on a projector.
  const whole = sidesKey !== '' || (inLesson && presentation);
  const fit = scenario.groups.length <= ANIMATE_MAX_GROUPS ? FIT_SMALL : FIT_BIG;
  const [menu, setMenu] = useState<MenuState | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  // A zoom or pan by hand since the last fit: a rearrangement then keeps the user's view.
  const movedByHand = useRef(false);

  const openMenuAt = useCallback(
    (id: string, clientX: number, clientY: number) => {
      const entity = entityOf(id);
      if (!entity) return;
      api.getState().select(entity);
      setMenu({ entity, x: clientX, y: clientY });
    },
    [api],
  );

  // A group chip of the overview (data-entity) takes precedence over the region node it sits in.
  const targetOf = (t: EventTarget) => {
    const chip = (t as HTMLElement).closest<HTMLElement>('[data-entity]');
    if (chip) return { el: chip, id: chip.dataset.entity };
    const el = (t as HTMLElement).closest<HTMLElement>('.react-flow__node');
    return { el, id: el?.dataset.id };
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ContextMenu' && !(e.shiftKey && e.key === 'F10')) return;
    const { el, id } = targetOf(e.target);
    if (!el || !id) return;
    e.preventDefault();
    const r = el.getBoundingClientRect();
    openMenuAt(id, r.left + 12, r.top + 24);
  };

  return (
    <div
      className={`canvas${scenario.groups.length <= ANIMATE_MAX_GROUPS ? ' animate-moves' : ''}${netMode ? ' net-mode' : ''}`}
      ref={wrapper}
      onKeyDown={onKeyDown}
      aria-label="Cluster diagram"
      role="region"
      style={{ '--canvas-text': textScale } as CSSProperties}
    >
      <div className="canvas-bar">
        <CanvasToolbar showMap={showMap} onToggleMap={() => setMapWanted((m) => !m)} />
        <NetworkControls />
        <QuorumBanner />
        <NetworkStrip />
      </div>
      <ReactFlowProvider key={scenario.name}>
        <div className="canvas-body">
          <div className="canvas-flow">
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              // The first fit is FocusController's (it also knows when a diagram is too big to fit).
              // Small clusters render everything (their edges stay in the DOM, also off screen).
              onlyRenderVisibleElements={scenario.groups.length > ANIMATE_MAX_GROUPS}
              minZoom={0.05}
              maxZoom={3}
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable
              onNodeClick={(e, n) => {
                const entity = entityOf(targetOf(e.target).id ?? n.id);
                api.getState().select(entity);
                setMenu(null);
              }}
              onNodeContextMenu={(e, n) => {
                e.preventDefault();
                openMenuAt(targetOf(e.target).id ?? n.id, e.clientX, e.clientY);
              }}
              onPaneClick={() => setMenu(null)}
              onPaneContextMenu={(e) => e.preventDefault()}
              onMoveStart={(e) => {
                // Programmatic moves (fits) come without an event.
                if (e) movedByHand.current = true;
              }}
            >
              <FocusController
                nodes={nodes}
                scenario={scenario}
                fit={fit}
                refitKey={netMode ? `${sidesKey}\u0002${routesOn}\u0002${extentKey(nodes)}` : ''}
                whole={whole}
                movedByHand={movedByHand}
              />
              <Background gap={24} />
              <Controls
                onZoomIn={() => (movedByHand.current = true)}
                onZoomOut={() => (movedByHand.current = true)}
                onFitView={() => (movedByHand.current = false)}
              />
              <FocusView whole={whole} />
              <NetworkOverlay />
              <SideLabels />
            </ReactFlow>
          </div>
          <RoutePanel />
          {showMap && (
            <aside className="canvas-map" aria-label="Mini map of the cluster">
              {/* Outside the flow, React Flow's colour variables are not in scope: give the colours. */}
              <MiniMap
                pannable
                zoomable
                nodeColor={miniMapColor}
                bgColor="#ffffff"
                maskColor="rgba(203, 213, 225, 0.55)"
                maskStrokeColor="#2563eb"
                maskStrokeWidth={2}
                ariaLabel="Mini map"
              />
            </aside>
          )}
        </div>
      </ReactFlowProvider>
      {menu && <ActionMenu menu={menu} onClose={() => setMenu(null)} />}
    </div>
  );
}
