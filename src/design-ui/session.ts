/**
 * The design session: the editor store, the saved designs and autosave. Created once per page and
 * kept when Design mode is left, so switching to Simulate and back keeps the design and its undo
 * history.
 */
import { startAutosave, type Autosave } from './storage/autosave';
import {
  designTitle,
  indexedDbStorage,
  newDesignId,
  type DesignRecord,
  type DesignStorage,
} from './storage/designStorage';
import { createEditorStore, type EditorStore } from './store/editorStore';
import { asRawScenario, emptyScenario, type RawScenario } from '../design/edit/ops';

export class DesignSession {
  readonly store: EditorStore;
  readonly autosave: Autosave;
  readonly ready: Promise<void>;
  private listeners = new Set<() => void>();
  /** The editor revision last written to storage. */
  savedRevision = -1;

  constructor(
    readonly storage: DesignStorage,
    initialScenario: unknown,
    autosaveMs?: number,
  ) {
    this.store = createEditorStore();
    this.autosave = startAutosave(this.store, storage, {
      delayMs: autosaveMs,
      onSaved: () => {
        this.savedRevision = this.store.getState().revision;
        this.changed();
      },
    });
    this.ready = this.boot(initialScenario).catch(() => this.fresh(emptyScenario()));
  }

  /** Subscribe to changes of the saved-design list. */
  onListChange(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  private changed() {
    for (const f of this.listeners) f();
  }

  private async boot(initialScenario: unknown) {
    const stash = this.storage.takeStash();
    const lastId = this.storage.lastId();
    let rec: DesignRecord | undefined = lastId ? await this.storage.get(lastId) : undefined;
    if (stash && (!rec || (stash.id === rec.id && stash.updatedAt >= rec.updatedAt))) {
      rec = stash;
      await this.storage.put(stash);
    }
    if (!rec) {
      const list = await this.storage.list();
      if (list.length) rec = await this.storage.get(list[0]!.id);
    }
    if (rec) this.show(rec);
    else {
      const initial = asRawScenario(initialScenario);
      await this.fresh(initial.ok ? initial.raw : emptyScenario());
    }
  }

  private show(rec: DesignRecord) {
    this.store.getState().load(rec.raw, rec.id);
    this.storage.setLastId(rec.id);
    this.changed();
  }

  /** Saves `raw` as a new design and opens it. */
  async fresh(raw: RawScenario): Promise<void> {
    await this.autosave.flush();
    const rec = { id: newDesignId(), raw, updatedAt: Date.now() };
    await this.storage.put(rec);
    this.show(rec);
  }

  async open(id: string): Promise<void> {
    await this.autosave.flush();
    const rec = await this.storage.get(id);
    if (rec) this.show(rec);
  }

  async duplicate(id: string): Promise<void> {
    await this.autosave.flush();
    const rec = await this.storage.get(id);
    if (!rec) return;
    await this.fresh({ ...structuredClone(rec.raw), name: `${designTitle(rec.raw)} (copy)` });
  }

  async rename(id: string, name: string): Promise<void> {
    const s = this.store.getState();
    if (id === s.designId) {
      s.edit((raw) => ({ ok: true, raw: { ...raw, name } }));
      await this.autosave.flush();
    } else {
      const rec = await this.storage.get(id);
      if (rec) await this.storage.put({ ...rec, raw: { ...rec.raw, name }, updatedAt: Date.now() });
    }
    this.changed();
  }

  async remove(id: string): Promise<void> {
    await this.storage.remove(id);
    if (id === this.store.getState().designId) {
      const list = await this.storage.list();
      if (list.length) await this.open(list[0]!.id);
      else await this.fresh(emptyScenario());
    }
    this.changed();
  }
}

let page: DesignSession | null = null;

/** The page's session (created on first use, with IndexedDB storage). */
export function pageSession(initialScenario: unknown): DesignSession {
  return (page ??= new DesignSession(indexedDbStorage(), initialScenario));
}
