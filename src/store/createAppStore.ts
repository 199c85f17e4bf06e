/** One vanilla zustand store built from slices; React reaches it through context (./context). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createPlaybackSlice } from './playbackSlice';
import type { Runtime } from './runtime';
import { createSimulationSlice, initialSimulationState } from './simulationSlice';
import type { AppState, StoreDeps } from './types';
import type { Scenario } from '../engine';
import { createUiSlice } from './uiSlice';

export type AppStore = StoreApi<AppState>;

/** `validated`: the engine's validation of `initialSource`, when the caller already has it. */
export function createAppStore(deps: StoreDeps, initialSource: unknown, validated?: Scenario): AppStore {
  const rt = { deps, playhead: 0, rafId: null, lastFrame: null, lastSave: 0 } as unknown as Runtime;
  const { own } = initialSimulationState(rt, initialSource, validated);
  return createStore<AppState>()((set, get) => ({
    ...own,
    ...createSimulationSlice(rt, set, get),
    ...createPlaybackSlice(rt, set, get),
    ...createUiSlice(set, get),
  }));
}
