/** Real-time playback: each animation frame advances virtual time by realDelta × speed. */
import type { GetState, Runtime, SetState } from './runtime';
import type { AppState, PlaybackSlice } from './types';

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 10_000;

export function createPlaybackSlice(rt: Runtime, set: SetState<AppState>, get: GetState<AppState>): PlaybackSlice {
  const stopLoop = () => {
    if (rt.rafId !== null) rt.deps.caf?.(rt.rafId);
    rt.rafId = null;
    rt.lastFrame = null;
  };

  const frame = (ts: number) => {
    rt.rafId = null;
    if (!get().playing) return;
    const delta = rt.lastFrame === null ? 0 : Math.min(ts - rt.lastFrame, 250); // a background tab must not leap
    rt.lastFrame = ts;
    get().tick(delta);
    if (get().playing && rt.deps.raf) rt.rafId = rt.deps.raf(frame);
  };

  return {
    playing: false,
    speed: 1,

    play() {
      const { scenario, view, seek } = get();
      if (view.t >= scenario.until) seek(0); // playing from the end starts over
      set({ playing: true });
      if (rt.rafId === null && rt.deps.raf) {
        rt.lastFrame = null;
        rt.rafId = rt.deps.raf(frame);
      }
    },

    pause() {
      stopLoop();
      if (get().playing) set({ playing: false });
    },

    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },

    setSpeed(speed) {
      set({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) });
    },

    tick(realDeltaMs) {
      const { speed, scenario, seek } = get();
      const target = Math.min(rt.playhead + realDeltaMs * speed, scenario.until);
      seek(Math.floor(target + 1e-6)); // 1.6 × 10 is 15.999… in floating point
      rt.playhead = target; // keep the fraction so 0.1× still moves
      if (target >= scenario.until) get().pause();
    },
  };
}
