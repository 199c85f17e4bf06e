/** The live cluster on a React Flow canvas, with a context menu (mouse and keyboard). */
import { useCallback, useMemo, useRef, useState } from 'react';
import { Background, Controls, MiniMap, ReactFlow, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectOwnerKey, selectScenario } from '../../store/selectors';
import type { AppState } from '../../store/types';
import { ActionMenu, type MenuState } from '../ActionMenu';
import { buildEdges, buildNodes, entityOf, groupBoxes, reuseNodes } from './layout';
import { FocusView } from './FocusView';
import { nodeTypes } from './nodeTypes';

/**
 * Group boxes glide to their new owner, but only on small clusters: on a big one a failover moves
 * dozens of boxes at once, each animated box becomes a compositor layer and layerizing them cost
 * ~50 ms per frame for the whole transition (trace of the 200-group scenario).
 */
const ANIMATE_MAX_GROUPS = 24;

const selectOwners = (s: AppState) => s.view.groups.map((g) => g.owner);

const miniMapColor = (n: Node) => (n.type === 'region' ? '#dfe6ee' : n.type === 'group-box' ? '#9db4cc' : '#5b7a99');

export function ClusterCanvas() {
  const api = useAppStoreApi();
  const scenario = useAppStore(selectScenario);
  const ownerKey = useAppStore(selectOwnerKey);
  const boxes = useMemo(() => groupBoxes(scenario), [scenario]);
  // The previous nodes array, to hand React Flow the same object for every node that stayed put.
  const [prevNodes] = useState<{ current: Node[] }>(() => ({ current: [] }));
  const edges = useMemo(() => buildEdges(scenario), [scenario]);
  const nodes = useMemo(
    () => {
      const next = reuseNodes(prevNodes.current, buildNodes(scenario, boxes, selectOwners(api.getState())));
      prevNodes.current = next;
      return next;
    },
    // ownerKey is the dependency: the layout changes only when an owner does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scenario, boxes, ownerKey],
  );
  const [menu, setMenu] = useState<MenuState | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);

  const openMenuAt = useCallback(
    (id: string, clientX: number, clientY: number) => {
      const entity = entityOf(id);
      const box = wrapper.current?.getBoundingClientRect();
      if (!entity || !box) return;
      api.getState().select(entity);
      setMenu({ entity, x: clientX - box.left, y: clientY - box.top });
    },
    [api],
  );

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ContextMenu' && !(e.shiftKey && e.key === 'F10')) return;
    const el = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
    const id = el?.dataset.id;
    if (!el || !id) return;
    e.preventDefault();
    const r = el.getBoundingClientRect();
    openMenuAt(id, r.left + 12, r.top + 24);
  };

  return (
    <div
      className={`canvas${scenario.groups.length <= ANIMATE_MAX_GROUPS ? ' animate-moves' : ''}`}
      ref={wrapper}
      onKeyDown={onKeyDown}
      aria-label="Cluster diagram"
      role="region"
    >
      <ReactFlow
        key={scenario.name}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        // Big clusters: never zoom out so far that every node is on screen (and rendered) at once.
        fitViewOptions={{ minZoom: 0.35, maxZoom: 1 }}
        onlyRenderVisibleElements
        minZoom={0.05}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        onNodeClick={(_, n) => {
          const entity = entityOf(n.id);
          api.getState().select(entity);
          setMenu(null);
        }}
        onNodeContextMenu={(e, n) => {
          e.preventDefault();
          openMenuAt(n.id, e.clientX, e.clientY);
        }}
        onPaneClick={() => setMenu(null)}
        onPaneContextMenu={(e) => e.preventDefault()}
      >
        <Background gap={24} />
        <MiniMap pannable zoomable nodeColor={miniMapColor} ariaLabel="Mini map" />
        <Controls />
        <FocusView />
      </ReactFlow>
      {menu && <ActionMenu menu={menu} onClose={() => setMenu(null)} />}
    </div>
  );
}
