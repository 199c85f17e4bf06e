import { describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import { addGroup, addNode, addDependency, addResource, emptyScenario } from '../../design/edit/ops';
import { createEditorStore, HISTORY_LIMIT } from './editorStore';
import { indexedDbStorage, memoryStorage } from '../storage/designStorage';
import { startAutosave } from '../storage/autosave';

describe('editor store', () => {
  it('one successful edit is one undo step; undo and redo walk the history', () => {
    const s = createEditorStore(emptyScenario());
    s.getState().edit((r) => addNode(r));
    s.getState().edit((r) => addNode(r));
    expect(s.getState().raw.nodes).toHaveLength(2);
    s.getState().undo();
    expect(s.getState().raw.nodes).toHaveLength(1);
    s.getState().undo();
    expect(s.getState().raw.nodes).toHaveLength(0);
    s.getState().redo();
    expect(s.getState().raw.nodes).toHaveLength(1);
    s.getState().edit((r) => addGroup(r));
    expect(s.getState().future).toHaveLength(0);
  });
  it('a refused edit changes nothing and shows the reason', () => {
    const s = createEditorStore(emptyScenario());
    s.getState().edit((r) => addNode(r));
    s.getState().edit((r) => addGroup(r, 'G'));
    s.getState().edit((r) => addResource(r, 'G', 'IP Address', 'A'));
    const before = s.getState().raw;
    const res = s.getState().edit((r) => addDependency(r, 'A', 'A'), { at: { x: 5, y: 6 } });
    expect(res.ok).toBe(false);
    expect(s.getState().raw).toBe(before);
    expect(s.getState().message).toMatchObject({
      tone: 'error',
      text: '"A" cannot depend on itself',
      at: { x: 5, y: 6 },
    });
  });
  it('caps the history', () => {
    const s = createEditorStore(emptyScenario());
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) s.getState().edit((r) => addNode(r));
    expect(s.getState().past).toHaveLength(HISTORY_LIMIT);
  });
  it('keeps the engine validation and lint current', () => {
    const s = createEditorStore(emptyScenario());
    s.getState().edit((r) => addNode(r));
    s.getState().edit((r) => addNode(r));
    expect(s.getState().errors).toEqual([]);
    expect(s.getState().warnings.map((w) => w.id)).toContain('even-votes-no-witness');
    s.getState().edit((r) => ({ ok: true, raw: { ...r, until: -5 } }));
    expect(s.getState().errors[0]!.path).toBe('until');
  });
  it('drops a selection whose element was undone away', () => {
    const s = createEditorStore(emptyScenario());
    s.getState().edit((r) => addNode(r, 'N'));
    s.getState().select({ kind: 'node', name: 'N' });
    s.getState().undo();
    expect(s.getState().selection).toBeNull();
  });
});

describe('autosave', () => {
  it('saves within the debounce after an edit, and at once on pagehide with a synchronous stash', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const s = createEditorStore(emptyScenario('x'), 'd1');
    const target = new EventTarget() as unknown as Window;
    const a = startAutosave(s, storage, { delayMs: 500, target, doc: null });
    s.getState().edit((r) => addNode(r));
    expect(storage.records.size).toBe(0);
    await vi.advanceTimersByTimeAsync(499);
    expect(storage.records.size).toBe(0);
    await vi.advanceTimersByTimeAsync(2);
    expect(storage.records.get('d1')!.raw.nodes).toHaveLength(1);
    s.getState().edit((r) => addNode(r));
    target.dispatchEvent(new Event('pagehide'));
    expect(storage.takeStash()!.raw.nodes).toHaveLength(2);
    await a.flush();
    expect(storage.records.get('d1')!.raw.nodes).toHaveLength(2);
    a.dispose();
    vi.useRealTimers();
  });
  it('IndexedDB storage lists, gets, renames (put) and deletes designs', async () => {
    const db = indexedDbStorage('test-designs', null);
    await db.put({ id: 'a', raw: emptyScenario('Alpha'), updatedAt: 1 });
    await db.put({ id: 'b', raw: emptyScenario('Beta'), updatedAt: 2 });
    expect((await db.list()).map((m) => m.name)).toEqual(['Beta', 'Alpha']);
    expect((await db.get('a'))!.raw.name).toBe('Alpha');
    await db.remove('b');
    expect((await db.list()).map((m) => m.id)).toEqual(['a']);
  });
});
