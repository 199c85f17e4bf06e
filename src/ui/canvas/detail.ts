/**
 * Level of detail: on big clusters, below this zoom a node's text is under 6 px on screen, unreadable, yet its
 * countdowns would still change (and repaint) on every frame. Zoomed out, nodes draw only their
 * name and state; zooming in brings the meters, polls, timers and the last decision back.
 */
import { useStore, type ReactFlowState } from '@xyflow/react';
import { useAppStore } from '../../store/context';
import type { AppState } from '../../store/types';

export const DETAIL_ZOOM = 0.5;
/** Small clusters (the shipped examples fit at ~0.45) always keep full detail: their cost is small. */
export const BRIEF_MIN_GROUPS = 24;
const selectZoomedIn = (s: ReactFlowState) => s.transform[2] >= DETAIL_ZOOM;
const selectSmall = (s: AppState) => s.scenario.groups.length <= BRIEF_MIN_GROUPS;

/** Draw a node in full detail? */
export function useDetail(): boolean {
  const zoomedIn = useStore(selectZoomedIn);
  const small = useAppStore(selectSmall);
  return zoomedIn || small;
}
