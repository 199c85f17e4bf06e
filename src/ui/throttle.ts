/**
 * Panels that nobody reads frame by frame at high speed (the log, the timeline's lanes) follow the
 * store at most PANEL_INTERVAL_MS apart while playing at PANEL_THROTTLE_SPEED or faster: at 1,000×
 * the log would otherwise re-render and scroll on every frame in which anything happened (60 times
 * a second), for rows that scroll past unread. Slower play, a pause, a seek or any change while
 * paused shows at once, and the last change while playing always shows within the interval.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useAppStoreApi } from '../store/context';
import type { AppState } from '../store/types';

export const PANEL_THROTTLE_SPEED = 100;
export const PANEL_INTERVAL_MS = 250;

const fast = (s: AppState) => s.playing && s.speed >= PANEL_THROTTLE_SPEED;
const clock: () => number = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();

/** `useAppStore(selector)`, throttled as above. The selector must be stable (module level). */
export function useThrottledAppStore<T>(selector: (s: AppState) => T): T {
  const api = useAppStoreApi();
  const shown = useRef<{ value: T; at: number; selector: (s: AppState) => T } | null>(null);
  if (shown.current === null || shown.current.selector !== selector)
    shown.current = { value: selector(api.getState()), at: -Infinity, selector };
  const subscribe = useCallback(
    (notify: () => void) => {
      let timer: ReturnType<typeof setTimeout> | null = null;
      const show = () => {
        const cur = shown.current!;
        const next = selector(api.getState());
        if (timer !== null) clearTimeout(timer);
        timer = null;
        if (Object.is(next, cur.value)) return;
        shown.current = { value: next, at: clock(), selector };
        notify();
      };
      const unsubscribe = api.subscribe((s) => {
        const cur = shown.current!;
        if (Object.is(selector(s), cur.value)) return;
        const wait = fast(s) ? cur.at + PANEL_INTERVAL_MS - clock() : 0;
        if (wait <= 0) show();
        else timer ??= setTimeout(show, wait);
      });
      return () => {
        unsubscribe();
        if (timer !== null) clearTimeout(timer);
      };
    },
    [api, selector],
  );
  return useSyncExternalStore(subscribe, () => shown.current!.value);
}
