/** Canvas-only UI state of the network view: the split dialog and the routes toggle. */
import { create } from 'zustand';

interface NetUi {
  splitOpen: boolean;
  routes: boolean;
  openSplit(): void;
  closeSplit(): void;
  toggleRoutes(): void;
}

export const useNetUi = create<NetUi>((set) => ({
  splitOpen: false,
  routes: false,
  openSplit: () => set({ splitOpen: true }),
  closeSplit: () => set({ splitOpen: false }),
  toggleRoutes: () => set((s) => ({ routes: !s.routes })),
}));
