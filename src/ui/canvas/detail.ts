/**
 * Level of detail: below this zoom a node's text is under 6 px on screen, unreadable, yet its
 * countdowns would still change (and repaint) on every frame. Zoomed out, nodes draw only their
 * name and state; zooming in brings the meters, polls, timers and the last decision back.
 */
import type { ReactFlowState } from '@xyflow/react';

export const DETAIL_ZOOM = 0.5;
export const selectDetail = (s: ReactFlowState) => s.transform[2] >= DETAIL_ZOOM;
