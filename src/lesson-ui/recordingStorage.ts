/**
 * Recorded lessons, saved in IndexedDB with idb-keyval (like the designs in src/design-ui/storage;
 * a database of their own, since idb-keyval keeps one object store per database). One record per
 * lesson: `{ id, file, updatedAt }`, `file` being the whole lesson file.
 */
import { createStore, del, entries, set, get, type UseStore } from 'idb-keyval';

export interface SavedLesson {
  id: string;
  /** The lesson file, or null while the drafts do not make one yet. */
  file: unknown;
  /** The recorder's drafts, to edit the lesson again. */
  draft?: unknown;
  updatedAt: number;
}

export interface SavedLessonMeta {
  id: string;
  title: string;
  steps: number;
  updatedAt: number;
}

export interface LessonStorage {
  list(): Promise<SavedLessonMeta[]>;
  get(id: string): Promise<SavedLesson | undefined>;
  put(rec: SavedLesson): Promise<void>;
  remove(id: string): Promise<void>;
}

function meta(rec: SavedLesson): SavedLessonMeta {
  const d = rec.draft as { title?: unknown; steps?: unknown } | undefined;
  const lesson = (rec.file as { ui?: { lesson?: { title?: unknown; steps?: unknown } } } | null)?.ui?.lesson ?? d;
  return {
    id: rec.id,
    title: typeof lesson?.title === 'string' && lesson.title.trim() ? lesson.title : rec.id,
    steps: Array.isArray(lesson?.steps) ? lesson.steps.length : 0,
    updatedAt: rec.updatedAt,
  };
}

const sorted = (list: SavedLessonMeta[]) => list.sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));

export function indexedDbLessons(dbName = 'failover-lab-lessons'): LessonStorage {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(dbName, 'lessons'));
  return {
    list: async () => sorted((await entries<string, SavedLesson>(db())).map(([, r]) => meta(r))),
    get: (id) => get<SavedLesson>(id, db()),
    put: (rec) => set(rec.id, rec, db()),
    remove: (id) => del(id, db()),
  };
}

export function memoryLessons(): LessonStorage {
  const m = new Map<string, SavedLesson>();
  return {
    list: async () => sorted([...m.values()].map(meta)),
    get: async (id) => structuredClone(m.get(id)),
    put: async (rec) => void m.set(rec.id, structuredClone(rec)),
    remove: async (id) => void m.delete(id),
  };
}
