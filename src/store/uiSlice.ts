/** Selection and log filters: presentation state that the simulation does not know about. */
import type { SetState, GetState } from './runtime';
import type { AppState, UiSlice } from './types';

export function createUiSlice(set: SetState<AppState>, get: GetState<AppState>): UiSlice {
  return {
    selected: null,
    logFilter: { entity: '', type: '', decisionsOnly: false },
    expanded: null,
    select: (ref) => set({ selected: ref }),
    expand: (index) => set({ expanded: index }),
    setLogFilter: (patch) => set({ logFilter: { ...get().logFilter, ...patch } }),
    focus: [],
    setFocus: (names) => set({ focus: names }),
  };
}
