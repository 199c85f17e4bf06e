import { describe, expect, it } from 'vitest';
import { createPanelStore, DEFAULT_PREFS, parsePrefs, PREFS_KEY } from './panelPrefs';

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
