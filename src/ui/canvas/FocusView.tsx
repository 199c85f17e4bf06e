/**
 * The names a lesson step points at (store `focus`): outlined on the canvas and brought into view.
 * Lives inside <ReactFlow> for useReactFlow; the outline is a style rule on React Flow's own node
 * elements, so the node components need not know about lessons.
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useAppStore } from '../../store/context';
import { groupId, nodeId, resourceId } from './layout';

const selectFocus = (s: { focus: readonly string[] }) => s.focus;

/**
 * `whole`: the room must see every card (a partition's sides, a lesson in presentation mode):
 * the whole diagram is fitted (the highlighted names with it), never the highlighted names alone.
 */
export function FocusView({ whole = false }: { whole?: boolean }) {
  const focus = useAppStore(selectFocus);
  const flow = useReactFlow();
  const width = useFlowStore((f) => f.width);
  const height = useFlowStore((f) => f.height);
  // A name shared by a group and a resource (or a node) points at each of them.
  const ids = focus.flatMap((n) => [nodeId(n), groupId(n), resourceId(n)]);
  const key = ids.join('\u0000');
  const zoomedIn = useRef(false);
  useEffect(() => {
    const present = key
      .split('\u0000')
      .filter((id) => id && flow.getNode(id))
      .map((id) => ({ id }));
    if (present.length && whole) {
      // The whole diagram (the highlighted names are in it), its side labels and witness too.
      zoomedIn.current = true;
      void flow.fitView({ duration: 450, maxZoom: 1, minZoom: 0.05 });
    } else if (present.length) {
      // Already on screen: leave the view alone. Else pan to it, zooming out if need be, never in.
      const b = flow.getNodesBounds(present.map((p) => p.id));
      const { x, y, zoom } = flow.getViewport();
      const [left, top] = [-x / zoom, -y / zoom];
      const inView =
        b.x >= left && b.y >= top && b.x + b.width <= left + width / zoom && b.y + b.height <= top + height / zoom;
      if (!inView) {
        zoomedIn.current = true;
        void flow.fitView({ nodes: present, duration: 450, padding: 0.3, maxZoom: zoom, minZoom: 0.2 });
      }
    } else if (zoomedIn.current) {
      // Focus released: back to the whole cluster, as the canvas opens.
      zoomedIn.current = false;
      void flow.fitView({ duration: 450, minZoom: 0.35, maxZoom: 1 });
    }
  }, [key, flow, width, height, whole]);
  if (!ids.length) return null;
  const sel = ids.map((id) => `.react-flow__node[data-id="${CSS.escape(id)}"] > *`).join(',\n');
  return (
    <style>{`${sel} { box-shadow: 0 0 0 4px #f59e0b, 0 0 14px 4px rgba(245, 158, 11, 0.55); border-radius: 6px; }`}</style>
  );
}
