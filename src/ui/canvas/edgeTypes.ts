/** Declared once at module scope, like nodeTypes. */
import type { EdgeTypes } from '@xyflow/react';
import { RoutedEdge } from './RoutedEdge';

export const edgeTypes: EdgeTypes = { routed: RoutedEdge };
