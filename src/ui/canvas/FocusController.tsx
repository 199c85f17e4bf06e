/**
 * Keeps the focused group (./focus) in view: fits it when focus is turned on, when its group moves
 * to another node (it follows a failover) and when the canvas changes size (presentation, panels).
 * Without focus it fits the whole diagram: at first, and again when the canvas changes size (a
 * diagram too big for the smallest zoom shows its top-left corner). It fits again, animated, when
 * the arrangement changes (a partition reorders the cards by side, the layout's extent changes),
 * unless the user has zoomed or panned by hand since the last fit. Renders nothing.
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, useStore, type Node, type ReactFlowState } from '@xyflow/react';
import type { Scenario } from '../../engine';
import { usePanels } from '../layout/panelPrefs';
import { focusRect, type Rect } from './focus';
import { BRIEF_MIN_GROUPS } from './detail';

const selectSize = (s: ReactFlowState) => `${s.width}x${s.height}`;
const selectReady = (s: ReactFlowState) => s.nodeLookup.size > 0;

/** Do the top-level nodes (regions, placed from 0,0) overflow a `size` pane at `zoom`? */
function overflows(nodes: readonly Node[], size: string, zoom: number): boolean {
  const [w = 0, h = 0] = size.split('x').map(Number); // selectSize writes `${width}x${height}`
  let right = 0;
  let bottom = 0;
  for (const n of nodes) {
    if (n.parentId) continue;
    right = Math.max(right, n.position.x + (n.width ?? 0));
    bottom = Math.max(bottom, n.position.y + (n.height ?? 0));
  }
  return right * zoom > w || bottom * zoom > h;
}

/** Resource names on cards are 13 px: at this zoom they render above 12 px, the least a room can read. */
export const READABLE_ZOOM = 0.95;
/** The readable first view is for clusters a class works with (the level-of-detail bound too). */
const READABLE_MAX_GROUPS = BRIEF_MIN_GROUPS;

function paneSize(size: string): [number, number] {
  const [w = 0, h = 0] = size.split('x').map(Number);
  return [w, h];
}

/** Does the whole diagram fit the pane at a readable zoom? */
function fitsReadably(nodes: readonly Node[], size: string): boolean {
  return !overflows(nodes, size, READABLE_ZOOM);
}

/**
 * A viewport showing `r` at the largest zoom that fits it, between READABLE_ZOOM and 1: centred
 * across, its top at the top (the group's head and the nodes' heads are what a room reads first).
 */
export function viewportFor(r: Rect, size: string): { x: number; y: number; zoom: number } {
  const [w, h] = paneSize(size);
  const pad = 8;
  const zoom = Math.min(1, Math.max(READABLE_ZOOM, Math.min((w - 2 * pad) / r.w, (h - 2 * pad) / r.h)));
  const x = r.w * zoom <= w - 2 * pad ? (w - r.w * zoom) / 2 - r.x * zoom : pad - r.x * zoom;
  return { x, y: pad - r.y * zoom, zoom };
}

/**
 * Network mode draws above the cards (a site's name, the side labels' band: ./network/netNodes):
 * the readable first view starts there, not at the cards' heads. Plain mode has nothing above y 0.
 */
/** The top-level nodes' extent (regions, sites, side bands): it changes when the arrangement does. */
export function extentKey(nodes: readonly Node[]): string {
  let l = Infinity;
  let t = Infinity;
  let r = -Infinity;
  let b = -Infinity;
  for (const n of nodes) {
    if (n.parentId) continue;
    l = Math.min(l, n.position.x);
    t = Math.min(t, n.position.y);
    r = Math.max(r, n.position.x + (n.width ?? 0));
    b = Math.max(b, n.position.y + (n.height ?? 0));
  }
  return l === Infinity ? '' : [l, t, r, b].map(Math.round).join(',');
}

function withTopBand(nodes: readonly Node[], r: Rect | null): Rect | null {
  if (!r) return r;
  let top = r.y;
  for (const n of nodes) if (!n.parentId && n.position.y < top) top = n.position.y;
  return top < r.y ? { ...r, y: top, h: r.h + r.y - top } : r;
}

export function FocusController({
  nodes,
  scenario,
  fit,
  refitKey = '',
  whole = false,
  movedByHand,
}: {
  nodes: readonly Node[];
  scenario: Scenario;
  fit: { minZoom: number; maxZoom: number };
  /**
   * Fit again when it changes: network mode's partition, which rearranges the cards
   * (./network/netLayout), and the layout's extent (extentKey).
   */
  refitKey?: string;
  /**
   * Show every card, never the readable first-group view: during a partition (each side must be on
   * screen to compare them) and in a lesson in presentation mode (the room sees the whole cluster).
   */
  whole?: boolean;
  /** Set by the canvas when the user zooms or pans by hand; cleared here at every fit. */
  movedByHand?: { current: boolean };
}) {
  const flow = useReactFlow();
  const focus = usePanels((s) => s.focus);
  const size = useStore(selectSize);
  // React Flow adopts the nodes after mounting: fit once it has them (this is the initial fit too).
  const ready = useStore(selectReady);
  const rect = focus ? focusRect(nodes, scenario, focus) : null;
  const key = rect ? `${rect.x},${rect.y},${rect.w},${rect.h}` : '';
  // Without focus, the group a class most likely talks about: the scenario's first. Only on a
  // class-sized cluster: a big one opens zoomed out, where cards draw briefly (./detail) and stay
  // cheap at 1,000× (zoomed in to full detail, 32 × 1,000 went from p95 33 to 67 ms per frame).
  const first = scenario.groups.length <= READABLE_MAX_GROUPS ? scenario.groups[0]?.name : undefined;
  const readable = withTopBand(
    nodes,
    !rect && first && fit.minZoom < READABLE_ZOOM ? focusRect(nodes, scenario, first) : null,
  );
  const fitted = useRef(false);
  const presentation = usePanels((s) => s.presentation);
  const lastPresentation = useRef(presentation);

  useEffect(() => {
    if (!ready || size.startsWith('0x') || size.endsWith('x0')) return;
    // The arrangement changed (cards reordered by side, a partition begun or healed, the layout
    // grown) or the pane did (a toolbar row more): a view the user set by hand stays as it is.
    // A new focus and presentation mode turned on or off fit as always.
    const keep = fitted.current && !rect && movedByHand?.current === true && lastPresentation.current === presentation;
    lastPresentation.current = presentation;
    if (keep) return;
    if (movedByHand) movedByHand.current = false;
    // The first fit is immediate (no glide from the default viewport); later ones animate.
    const ms = (d: number) => (fitted.current ? d : 0);
    fitted.current = true;
    if (rect)
      void flow.fitBounds(
        { x: rect.x, y: rect.y, width: rect.w, height: rect.h },
        { padding: 0.04, duration: ms(500) },
      );
    else if (readable && !whole && !fitsReadably(nodes, size)) {
      // The whole diagram would be too small to read (a projector at 1024×768): show the first
      // group and the nodes it moves between at a readable zoom instead; the user can zoom out.
      void flow.setViewport(viewportFor(readable, size), { duration: ms(300) });
    } else if (overflows(nodes, size, fit.minZoom)) {
      // Too big to fit even at the smallest zoom: show the top-left corner (the first nodes' heads),
      // not a slice of the middle.
      void flow.setViewport({ x: 8, y: 8, zoom: fit.minZoom }, { duration: ms(300) });
    } else void flow.fitView({ ...fit, duration: ms(300) });
    // `key` stands for `rect` (a new object every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, size, flow, ready, refitKey, whole, presentation]);

  // A focus on a group the scenario no longer has is dropped.
  useEffect(() => {
    if (focus && !scenario.groups.some((g) => g.name === focus)) usePanels.getState().setFocus(null);
  }, [focus, scenario]);
  return null;
}
