/**
 * Windowing for long lists and tables: only the rows in (or near) the scroll box are rendered,
 * with padding standing in for the rest, so every row stays reachable by scrolling while a
 * 1,000-row table costs what a 30-row one does. Rows have a fixed height (set in app.css).
 */
import { useLayoutEffect, useRef, useState } from 'react';

/** Viewport height to assume before layout (and in jsdom, which has none). */
const FALLBACK_HEIGHT = 480;

export interface ScrollBox {
  top: number;
  height: number;
}

/** Rows [start, end) to render for a scroll position; `overscan` extra rows on each side. */
export function rowWindow(
  top: number,
  height: number,
  rowH: number,
  total: number,
  overscan: number,
): { start: number; end: number } {
  const start = Math.min(total, Math.max(0, Math.floor(top / rowH) - overscan));
  const end = Math.min(total, Math.max(start, Math.ceil((top + height) / rowH) + overscan));
  return { start, end };
}

/** Track an element's scroll position and height (scroll events and resizes). */
export function useScrollBox<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [box, setBox] = useState<ScrollBox>({ top: 0, height: FALLBACK_HEIGHT });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const next = { top: el.scrollTop, height: el.clientHeight || FALLBACK_HEIGHT };
      setBox((b) => (b.top === next.top && b.height === next.height ? b : next));
    };
    // No synchronous read here: it would force the page's first layout inside React's commit.
    // The ResizeObserver reports the size after layout (and jsdom, without one, keeps the fallback).
    el.addEventListener('scroll', update, { passive: true });
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      ro?.disconnect();
    };
  }, []);
  return { ref, box };
}
