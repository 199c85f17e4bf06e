/**
 * Design's dependency edges drawn along the routes ./route computed around the cards (absolute
 * canvas coordinates), with the arrowhead on the provider. OR members stay dashed and labelled.
 */
import { memo } from 'react';
import { BaseEdge, BezierEdge, type Edge, type EdgeProps, type Node } from '@xyflow/react';
import { polylinePath, type Point } from '../../ui/canvas/routing';
import type { DEdgeData } from './graph';
import { routeEdges, type Box } from './route';

export type DRoutedData = DEdgeData & { points?: Point[] };

export const DRoutedEdge = memo(function DRoutedEdge(props: EdgeProps<Edge<DRoutedData>>) {
  const { id, data, markerEnd, label, style } = props;
  // No route (a card placed inside another): the plain curve, until the user moves it apart.
  if (!data?.points || data.points.length < 2) return <BezierEdge {...props} />;
  const pts = data.points;
  // The label sits on the first bend below the dependent, as in Simulate.
  const bend = pts[1]!;
  return (
    <BaseEdge
      id={id}
      path={polylinePath(pts)}
      markerEnd={markerEnd}
      style={style}
      label={label}
      labelX={bend.x}
      labelY={bend.y - 9}
      labelBgPadding={[3, 1]}
      labelBgBorderRadius={3}
    />
  );
});

export const edgeTypes = { droute: DRoutedEdge };

/**
 * The edges with their routes for the nodes where they are now (dragging included). Edges join
 * resources of one group (a cross-group dependency is refused), so each group is routed around its
 * own cards only.
 */
export function withRoutes(
  nodes: readonly Node[],
  edges: readonly Edge[],
  cache: Map<string, { key: string; routes: Map<string, Point[]> }> = new Map(),
): Edge<DRoutedData>[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const boxesOf = new Map<string, Box[]>();
  for (const n of nodes) {
    if (n.type !== 'dres' || !n.parentId) continue;
    const g = byId.get(n.parentId);
    if (!g) continue;
    const box = {
      id: n.id,
      x: g.position.x + n.position.x,
      y: g.position.y + n.position.y,
      w: n.width ?? 0,
      h: n.height ?? 0,
    };
    (boxesOf.get(n.parentId) ?? boxesOf.set(n.parentId, []).get(n.parentId)!).push(box);
  }
  const routes = new Map<string, Point[]>();
  for (const [group, boxes] of boxesOf) {
    const mine = edges.filter((e) => byId.get(e.source)?.parentId === group);
    if (!mine.length) continue;
    const requests = mine.map((e) => ({ id: e.id, from: e.source, to: e.target }));
    // A drag moves one group's cards: the other groups keep their routes.
    const key = JSON.stringify([boxes, requests]);
    let hit = cache.get(group);
    if (hit?.key !== key) cache.set(group, (hit = { key, routes: routeEdges(boxes, requests) }));
    for (const [id, pts] of hit.routes) routes.set(id, pts);
  }
  return edges.map((e) => ({
    ...e,
    type: 'droute',
    data: { or: (e.data as DEdgeData | undefined)?.or ?? false, points: routes.get(e.id) },
  }));
}
