/**
 * The editable canvas: servers on top, groups as boxes, resources inside. Drag from a resource's
 * bottom handle to another resource's top handle: "depends on" (AND). A refusal (cycle, self,
 * cross-group) is shown at the drop point. Drag a resource into another group to move it. Dragged
 * positions are committed to `ui` when the drag ends (one undo step). Canvas ids carry the kind
 * (`g:`, `r:`, `n:`), so a group and a resource that share a name are separate nodes.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  ReactFlow,
  applyNodeChanges,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type OnNodeDrag,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEditor, useEditorApi } from '../context';
import { addDependency, moveResourceToGroup, setPositions, type PositionUpdate } from '../../design/edit/ops';
import type { Selection } from '../store/editorStore';
import { buildGraph, dGroupId, dNodeId, dResId, edgeId, parseEdgeId, parseId } from './graph';
import { nodeTypes } from './nodes';
import { edgeTypes, withRoutes } from './edges';
import type { Point } from '../../ui/canvas/routing';
import { elementAt } from '../LintPanel';
import { NetworksLegend } from './NetworksLegend';

const FIT_VIEW_OPTIONS = { maxZoom: 1, padding: 0.15 };

function selectionIds(sel: Selection): { node: string | null; edge: string | null } {
  if (!sel) return { node: null, edge: null };
  if (sel.kind === 'edge') return { node: null, edge: edgeId(sel.dependent, sel.provider) };
  const id = sel.kind === 'node' ? dNodeId(sel.name) : sel.kind === 'group' ? dGroupId(sel.name) : dResId(sel.name);
  return { node: id, edge: null };
}

export function DesignCanvas() {
  const api = useEditorApi();
  const raw = useEditor((s) => s.raw);
  const selection = useEditor((s) => s.selection);
  const graph = useMemo(() => buildGraph(raw), [raw]);
  const sel = selectionIds(selection);
  // Local copy of the nodes so dragging moves them; replaced whenever the document changes
  // (derived during render, not in an effect, so React Flow never sees a stale mix).
  const [local, setLocal] = useState<{ graph: typeof graph; nodes: Node[] }>({ graph, nodes: graph.nodes });
  if (local.graph !== graph) setLocal({ graph, nodes: graph.nodes });
  const current = local.graph === graph ? local.nodes : graph.nodes;
  // Elements the engine's validation complains about are outlined in red (the Problems panel lists why).
  const errors = useEditor((s) => s.errors);
  const faulty = useMemo(() => {
    const ids = new Set<string>();
    for (const e of errors) {
      const at = elementAt(raw, e.path);
      if (at && at.kind !== 'edge') ids.add(selectionIds(at).node!);
    }
    return ids;
  }, [errors, raw]);
  const nodes = useMemo(
    () =>
      current.map((n) => {
        const selected = n.id === sel.node;
        const className = faulty.has(n.id) ? 'd-has-error' : undefined;
        return (n.selected ?? false) === selected && n.className === className ? n : { ...n, selected, className };
      }),
    [current, sel.node, faulty],
  );
  const setNodes = useCallback(
    (f: (ns: Node[]) => Node[]) => setLocal((l) => ({ graph: l.graph, nodes: f(l.nodes) })),
    [],
  );
  const pointer = useRef({ x: 0, y: 0 });
  // Routed around the cards where they are now, so the lines follow a drag without passing under a card.
  const [routeCache] = useState(() => new Map<string, { key: string; routes: Map<string, Point[]> }>());
  const edges: Edge[] = useMemo(
    () => withRoutes(current, graph.edges, routeCache).map((e) => ({ ...e, selected: e.id === sel.edge })),
    [graph, current, sel.edge, routeCache],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      // Selection (mouse or keyboard: Tab to a node, Enter) goes to the editor store; removal goes
      // through the store's delete; positions and sizes are kept locally until the drag ends.
      for (const c of changes) {
        if (c.type === 'select' && c.selected) {
          const ref = parseId(c.id);
          if (ref) api.getState().select(ref);
        }
      }
      const keep = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
      if (keep.length) setNodes((ns) => applyNodeChanges(keep, ns));
    },
    [setNodes, api],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const a = parseId(c.source);
      const b = parseId(c.target);
      if (!a || !b || a.kind !== 'resource' || b.kind !== 'resource') return;
      const r = api.getState().edit((raw) => addDependency(raw, a.name, b.name), { at: { ...pointer.current } });
      if (r.ok) api.getState().select({ kind: 'edge', dependent: a.name, provider: b.name });
    },
    [api],
  );

  const onNodeDragStop: OnNodeDrag = useCallback(
    (_e, dragged, draggedNodes) => {
      const at = { ...pointer.current };
      const moved = draggedNodes.length ? draggedNodes : [dragged];
      const all = nodes;
      const positions: PositionUpdate[] = [];
      for (const n of moved) {
        const ref = parseId(n.id);
        if (!ref) continue;
        if (ref.kind === 'resource' && n.parentId) {
          const parent = all.find((p) => p.id === n.parentId);
          if (parent) {
            const cx = parent.position.x + n.position.x + (n.width ?? 0) / 2;
            const cy = parent.position.y + n.position.y + (n.height ?? 0) / 2;
            const into = all.find(
              (g) =>
                g.type === 'dgroup' &&
                g.id !== n.parentId &&
                cx >= g.position.x &&
                cx <= g.position.x + (g.width ?? 0) &&
                cy >= g.position.y &&
                cy <= g.position.y + (g.height ?? 0),
            );
            if (into) {
              const target = parseId(into.id)!.name;
              const rel = {
                x: Math.max(8, parent.position.x + n.position.x - into.position.x),
                y: Math.max(40, parent.position.y + n.position.y - into.position.y),
              };
              api.getState().edit((raw) => moveResourceToGroup(raw, ref.name, target, rel), { at });
              return;
            }
          }
          positions.push({ ref, position: { x: Math.max(0, n.position.x), y: Math.max(36, n.position.y) } });
        } else {
          positions.push({ ref, position: n.position });
        }
      }
      const r = api.getState().edit((raw) => setPositions(raw, positions), { quiet: true });
      if (!r.ok) setNodes(() => graph.nodes);
    },
    [api, nodes, graph, setNodes],
  );

  const onSelectionChange = useCallback(
    ({ nodes: ns, edges: es }: OnSelectionChangeParams) => {
      // Keyboard selection (Tab to a node, Enter) arrives here too.
      if (ns.length + es.length !== 1) return;
      const cur = api.getState().selection;
      if (ns.length === 1) {
        const ref = parseId(ns[0]!.id);
        if (ref && !(cur && cur.kind === ref.kind && 'name' in cur && cur.name === ref.name))
          api.getState().select(ref);
      } else if (es.length === 1) {
        const ref = parseEdgeId(es[0]!.id);
        if (ref && !(cur?.kind === 'edge' && cur.dependent === ref.dependent && cur.provider === ref.provider))
          api.getState().select({ kind: 'edge', ...ref });
      }
    },
    [api],
  );

  const onNodeClick = useCallback(
    (_e: unknown, n: Node) => {
      const ref = parseId(n.id);
      if (ref) api.getState().select(ref);
    },
    [api],
  );
  const onEdgeClick = useCallback(
    (_e: unknown, ed: Edge) => {
      const ref = parseEdgeId(ed.id);
      if (ref) api.getState().select({ kind: 'edge', ...ref });
    },
    [api],
  );
  const onPaneClick = useCallback(() => api.getState().select(null), [api]);

  return (
    <section
      className="d-canvas"
      aria-label="Design canvas"
      onPointerMove={(e) => {
        pointer.current = { x: e.clientX, y: e.clientY };
      }}
      onPointerUp={(e) => {
        pointer.current = { x: e.clientX, y: e.clientY };
      }}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        edgeTypes={edgeTypes}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        onSelectionChange={onSelectionChange}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        minZoom={0.2}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
      >
        <Background gap={16} />
        <Controls showInteractive={false} />
      </ReactFlow>
      <NetworksLegend raw={raw} />
      {nodes.length === 0 && (
        <p className="d-canvas-empty">Empty design. Add a node, a group and resources with the buttons above.</p>
      )}
    </section>
  );
}
