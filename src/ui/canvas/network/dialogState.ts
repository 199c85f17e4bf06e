/**
 * Canvas-only UI state of the network view: the split dialog, the routes toggle, and whether the
 * network rows above the canvas are collapsed and the partition and regroup details open (both
 * remembered, as the other panels are; a bad or missing entry falls back to the defaults).
 */
import { create } from 'zustand';

const KEY = 'failover-lab:network-rows';

interface Remembered {
  collapsed: boolean;
  reason: boolean;
}

/** A short window (a 768-px projector) starts with the rows collapsed, as the panels start smaller there. */
const short = typeof window !== 'undefined' && window.innerHeight < 860;

function load(): Remembered {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as Partial<Remembered> | null;
    return { collapsed: typeof raw?.collapsed === 'boolean' ? raw.collapsed : short, reason: raw?.reason === true };
  } catch {
    return { collapsed: short, reason: false };
  }
}

function save(r: Remembered) {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(r));
  } catch {
    // Storage full or disabled: the choice holds for this page only.
  }
}

interface NetUi extends Remembered {
  splitOpen: boolean;
  routes: boolean;
  /** The pair whose route row is focused or hovered ("a\0b"): its lane and cards are outlined. */
  hot: string | null;
  setHot(pair: string | null): void;
  openSplit(): void;
  closeSplit(): void;
  toggleRoutes(): void;
  toggleCollapsed(): void;
  toggleReason(): void;
}

export const useNetUi = create<NetUi>((set, get) => ({
  ...load(),
  splitOpen: false,
  routes: false,
  hot: null,
  setHot: (hot) => set({ hot }),
  openSplit: () => set({ splitOpen: true }),
  closeSplit: () => set({ splitOpen: false }),
  toggleRoutes: () => set((s) => ({ routes: !s.routes })),
  toggleCollapsed: () => {
    set((s) => ({ collapsed: !s.collapsed }));
    save({ collapsed: get().collapsed, reason: get().reason });
  },
  toggleReason: () => {
    set((s) => ({ reason: !s.reason }));
    save({ collapsed: get().collapsed, reason: get().reason });
  },
}));
