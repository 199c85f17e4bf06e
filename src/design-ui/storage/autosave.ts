/**
 * Autosave: after every change of the editor's document, save within AUTOSAVE_MS (debounced), and
 * at once on `pagehide` / `visibilitychange` to hidden (also stashed synchronously, see
 * designStorage). So a reload or a crashed tab loses at most the last second of work.
 */
import type { EditorStore } from '../store/editorStore';
import type { DesignStorage } from './designStorage';

export const AUTOSAVE_MS = 500;

export interface Autosave {
  /** Saves now if anything is pending. */
  flush(): Promise<void>;
  dispose(): void;
}

export function startAutosave(
  store: EditorStore,
  storage: DesignStorage,
  opts: {
    delayMs?: number;
    target?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
    doc?: Document | null;
    onSaved?: () => void;
    now?: () => number;
  } = {},
): Autosave {
  const delay = opts.delayMs ?? AUTOSAVE_MS;
  const now = opts.now ?? (() => Date.now());
  let timer: ReturnType<typeof setTimeout> | null = null;
  let savedRevision = store.getState().revision;
  let chain: Promise<void> = Promise.resolve();

  const record = () => {
    const { raw, designId } = store.getState();
    return designId ? { id: designId, raw, updatedAt: now() } : null;
  };

  const save = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const { revision } = store.getState();
    const rec = record();
    if (!rec || revision === savedRevision) return chain;
    savedRevision = revision;
    chain = chain
      .then(() => storage.put(rec))
      .then(
        () => opts.onSaved?.(),
        () => {
          savedRevision = -1;
        },
      );
    return chain;
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.revision === prev.revision) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save(), delay);
  });

  const onHide = () => {
    if (store.getState().revision !== savedRevision) {
      const rec = record();
      if (rec) storage.stashSync(rec);
    }
    void save();
  };
  const onVisibility = () => {
    if (!doc || doc.visibilityState === 'hidden') onHide();
  };
  const target = opts.target === undefined ? (typeof window === 'undefined' ? null : window) : opts.target;
  const doc = opts.doc === undefined ? (typeof document === 'undefined' ? null : document) : opts.doc;
  target?.addEventListener('pagehide', onHide);
  doc?.addEventListener('visibilitychange', onVisibility);

  return {
    flush: save,
    dispose() {
      unsubscribe();
      if (timer) clearTimeout(timer);
      target?.removeEventListener('pagehide', onHide);
      doc?.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
