import { describe, expect, it } from 'vitest';
import { createPanelStore, DEFAULT_PREFS, defaultPrefs, PANEL_LIMITS, parsePrefs, PREFS_KEY } from './panelPrefs';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(initial));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('panel prefs', () => {
  it('falls back to defaults for missing, broken or odd entries, keeping the good parts', () => {
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('{not json')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('42')).toEqual(DEFAULT_PREFS);
    const p = parsePrefs(
      JSON.stringify({
        presentation: true,
        collapsed: { timeline: true, inspector: 'yes' },
        sizes: { inspector: 99_999, bottom: 300, table: 'wide' },
        textScale: { presentation: 9, normal: 1.25 },
      }),
    );
    expect(p.presentation).toBe(true);
    expect(p.collapsed.timeline).toBe(true);
    expect(p.collapsed.inspector).toBe(false);
    expect(p.sizes.inspector).toBe(720); // clamped to its maximum
    expect(p.sizes.bottom).toBe(300);
    expect(p.sizes.table).toBe(DEFAULT_PREFS.sizes.table);
    expect(p.textScale).toEqual({ normal: 1.25, presentation: 2 });
  });

  it('remembers every change and reads it back in a new store', () => {
    const storage = memoryStorage();
    const a = createPanelStore(storage);
    a.getState().setCollapsed('bottom', true);
    a.getState().setSize('timeline', 10); // below the minimum
    a.getState().togglePresentation();
    a.getState().setTextScale(1.75); // presentation's own text size
    a.getState().setFocus('SQL'); // not remembered
    const b = createPanelStore(storage).getState();
    expect(b.collapsed.bottom).toBe(true);
    expect(b.sizes.timeline).toBe(60);
    expect(b.presentation).toBe(true);
    expect(b.textScale).toEqual({ normal: 1, presentation: 1.75 });
    expect(b.focus).toBeNull();
    expect(JSON.parse(storage.getItem(PREFS_KEY)!)).not.toHaveProperty('focus');
  });

  it('keeps working when storage refuses to save', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const s = createPanelStore(storage);
    s.getState().setCollapsed('inspector', true);
    expect(s.getState().collapsed.inspector).toBe(true);
  });
});

describe('panel defaults by window height', () => {
  it('a short window (768 px) starts with smaller timeline and bottom bands, within their limits', () => {
    const s = createPanelStore(memoryStorage(), 768).getState();
    expect(s.sizes.timeline).toBeLessThan(DEFAULT_PREFS.sizes.timeline);
    expect(s.sizes.bottom).toBeLessThan(DEFAULT_PREFS.sizes.bottom);
    expect(s.sizes.timeline).toBeGreaterThanOrEqual(PANEL_LIMITS.timeline.min);
    expect(s.sizes.bottom).toBeGreaterThanOrEqual(PANEL_LIMITS.bottom.min);
    // Shrunk, never collapsed: the log and the table stay on screen.
    expect(Object.values(s.collapsed).every((c) => !c)).toBe(true);
    // The canvas keeps 40% of the window: the two bands and their bars take at most a third.
    expect(s.sizes.timeline + s.sizes.bottom + 24).toBeLessThanOrEqual(768 / 3);
  });

  it('a tall window (900 px) keeps the usual sizes; the height is read when the store is created', () => {
    expect(createPanelStore(memoryStorage(), 900).getState().sizes).toEqual(DEFAULT_PREFS.sizes);
    expect(defaultPrefs(859).sizes.bottom).toBeLessThan(defaultPrefs(860).sizes.bottom);
  });

  it('sizes the user set win over the short-window defaults', () => {
    const storage = memoryStorage();
    createPanelStore(storage, 900).getState().setSize('bottom', 300);
    expect(createPanelStore(storage, 768).getState().sizes.bottom).toBe(300);
  });
});
