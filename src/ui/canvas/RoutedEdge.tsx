/**
 * A dependency edge drawn along the route ./routing computed inside its group. The route is stored
 * relative to the group; the source handle's position tells where the group is now, so the edge
 * follows its group to a new owner without the edges being rebuilt.
 */
import { memo } from 'react';
import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import type { EdgeData } from './layout';
import { polylinePath } from './routing';

export const RoutedEdge = memo(function RoutedEdge({
  id,
  sourceX,
  sourceY,
  data,
  markerEnd,
  label,
  style,
}: EdgeProps<Edge<EdgeData>>) {
  if (!data) return null;
  const dx = sourceX - data.anchor.x;
  const dy = sourceY - data.anchor.y;
  // The label sits on the first bend below the dependent: it says which dependency is the OR one.
  const bend = data.points[1] ?? data.points[0] ?? data.anchor;
  return (
    <BaseEdge
      id={id}
      path={polylinePath(data.points, dx, dy)}
      markerEnd={markerEnd}
      style={style}
      label={label}
      labelX={bend.x + dx}
      labelY={bend.y + dy - 9}
      labelBgPadding={[3, 1]}
      labelBgBorderRadius={3}
    />
  );
});
