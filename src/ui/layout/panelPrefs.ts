/**
 * How the Simulate screen is arranged: presentation mode, which panels are collapsed, their sizes
 * and the canvas text size. Presentation state the simulation knows nothing about, so it lives in
 * its own small store and is remembered in localStorage (a bad or old entry falls back to defaults).
 */
import { create } from 'zustand';

export type PanelId = 'inspector' | 'timeline' | 'bottom' | 'table' | 'log';

/** Size limits (px); the inspector and the table are widths, the timeline and the bottom band heights. */
export const PANEL_LIMITS: Record<PanelId, { min: number; max: number; initial: number }> = {
  inspector: { min: 220, max: 720, initial: 340 },
  timeline: { min: 60, max: 480, initial: 150 },
  bottom: { min: 100, max: 640, initial: 240 },
  table: { min: 220, max: 900, initial: 420 },
  // The log takes what the table leaves: it collapses but has no size of its own.
  log: { min: 0, max: 0, initial: 0 },
};

/** Canvas text sizes offered (a multiplier of the cards' fonts). */
export const TEXT_SCALES = [1, 1.25, 1.5, 1.75, 2] as const;

export interface PanelPrefs {
  presentation: boolean;
  collapsed: Record<PanelId, boolean>;
  sizes: Record<PanelId, number>;
  /** Text size in normal and in presentation mode (a projector wants bigger text by default). */
  textScale: { normal: number; presentation: number };
}

export interface PanelStore extends PanelPrefs {
  /** Group the canvas keeps in view (not remembered: a scenario may not have it next time). */
  focus: string | null;
  /** A lesson is playing (set by the lesson player): the canvas shows the whole cluster in presentation. */
  lesson: boolean;
  setLesson(on: boolean): void;
  togglePresentation(): void;
  setCollapsed(id: PanelId, collapsed: boolean): void;
  setSize(id: PanelId, px: number): void;
  setTextScale(scale: number): void;
  setFocus(group: string | null): void;
}

export const PREFS_KEY = 'failover-lab:layout';

export const clampSize = (id: PanelId, px: number) =>
  Math.round(Math.min(PANEL_LIMITS[id].max, Math.max(PANEL_LIMITS[id].min, px)));

/** Under this window height (a 768-px projector) the bands start smaller, so the canvas keeps room. */
export const SHORT_WINDOW = 860;

/**
 * The defaults for a window `height` px tall. A short one gives the timeline and the bottom band
 * (log and table) a share of its height, near their minimums, so the canvas keeps about 40% of the
 * window (300 px at 768) under the header, a lesson's panel and the time controls.
 */
export function defaultPrefs(height: number | null): PanelPrefs {
  const short = height !== null && height < SHORT_WINDOW;
  const share = (id: PanelId, f: number) => clampSize(id, (height ?? 0) * f);
  return {
    presentation: false,
    collapsed: { inspector: false, timeline: false, bottom: false, table: false, log: false },
    sizes: {
      inspector: PANEL_LIMITS.inspector.initial,
      timeline: short ? share('timeline', 0.08) : PANEL_LIMITS.timeline.initial,
      bottom: short ? share('bottom', 0.135) : PANEL_LIMITS.bottom.initial,
      table: PANEL_LIMITS.table.initial,
      log: 0,
    },
    textScale: { normal: 1, presentation: 1.5 },
  };
}

const windowHeight = () => (typeof window === 'undefined' ? null : window.innerHeight);

/** The defaults of a tall window (and of no window: tests, the CLI). */
export const DEFAULT_PREFS: PanelPrefs = defaultPrefs(null);

const IDS = Object.keys(PANEL_LIMITS) as PanelId[];

const clampScale = (x: unknown, fallback: number) =>
  typeof x === 'number' && Number.isFinite(x) ? Math.min(2, Math.max(1, x)) : fallback;

/** Read remembered prefs, keeping only well-formed values (the rest from `defaults`). */
export function parsePrefs(text: string | null, defaults: PanelPrefs = DEFAULT_PREFS): PanelPrefs {
  if (!text) return defaults;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return defaults;
  }
  if (!raw || typeof raw !== 'object') return defaults;
  const r = raw as Partial<Record<keyof PanelPrefs, unknown>>;
  const collapsed = { ...defaults.collapsed };
  const sizes = { ...defaults.sizes };
  const rc = (r.collapsed ?? {}) as Record<string, unknown>;
  const rs = (r.sizes ?? {}) as Record<string, unknown>;
  for (const id of IDS) {
    if (typeof rc[id] === 'boolean') collapsed[id] = rc[id];
    if (typeof rs[id] === 'number' && Number.isFinite(rs[id])) sizes[id] = clampSize(id, rs[id]);
  }
  const ts = (r.textScale ?? {}) as Record<string, unknown>;
  return {
    presentation: r.presentation === true,
    collapsed,
    sizes,
    textScale: {
      normal: clampScale(ts.normal, defaults.textScale.normal),
      presentation: clampScale(ts.presentation, defaults.textScale.presentation),
    },
  };
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function createPanelStore(store: Storage | null = storage(), height: number | null = windowHeight()) {
  // The window's height when the prefs are created (not when this module was first imported).
  const defaults = defaultPrefs(height);
  let initial = defaults;
  try {
    initial = parsePrefs(store?.getItem(PREFS_KEY) ?? null, defaults);
  } catch {
    /* storage blocked: defaults */
  }
  const useStore = create<PanelStore>()((set, get) => {
    const save = (patch: Partial<PanelPrefs>) => {
      set(patch);
      const { presentation, collapsed, sizes, textScale } = get();
      try {
        store?.setItem(PREFS_KEY, JSON.stringify({ presentation, collapsed, sizes, textScale }));
      } catch {
        /* quota or blocked: the layout still works, it is just not remembered */
      }
    };
    return {
      ...initial,
      focus: null,
      lesson: false,
      setLesson: (lesson) => set({ lesson }),
      togglePresentation: () => save({ presentation: !get().presentation }),
      setCollapsed: (id, collapsed) => save({ collapsed: { ...get().collapsed, [id]: collapsed } }),
      setSize: (id, px) => save({ sizes: { ...get().sizes, [id]: clampSize(id, px) } }),
      setTextScale: (scale) => {
        const key = get().presentation ? 'presentation' : 'normal';
        save({ textScale: { ...get().textScale, [key]: clampScale(scale, 1) } });
      },
      setFocus: (focus) => set({ focus }),
    };
  });
  return useStore;
}

/** The app's one layout store. */
export const usePanels = createPanelStore();

export const selectTextScale = (s: PanelStore) => (s.presentation ? s.textScale.presentation : s.textScale.normal);
