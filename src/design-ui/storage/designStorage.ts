/**
 * Saved designs: IndexedDB (idb-keyval, one object store) behind a small adapter so tests can use
 * fake-indexeddb or memory. Each design is one record `{ id, raw, updatedAt }`; its title is the
 * scenario's own `name`. The id of the design last open is kept in localStorage (synchronous, so a
 * reload knows it at once), and on `pagehide` the open design is also written to localStorage
 * synchronously: an IndexedDB write started while the tab dies may not finish, a localStorage write
 * does. On open, the newer of the two copies wins.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { RawScenario } from '../../design/edit/ops';

export interface DesignRecord {
  id: string;
  raw: RawScenario;
  updatedAt: number;
}

export interface DesignMeta {
  id: string;
  name: string;
  updatedAt: number;
}

export interface DesignStorage {
  list(): Promise<DesignMeta[]>;
  get(id: string): Promise<DesignRecord | undefined>;
  put(rec: DesignRecord): Promise<void>;
  remove(id: string): Promise<void>;
  /** Synchronous last-chance copy (pagehide) and the id of the design last open. */
  lastId(): string | null;
  setLastId(id: string | null): void;
  stashSync(rec: DesignRecord): void;
  takeStash(): DesignRecord | null;
}

const LAST_KEY = 'failover-lab.design.last';
const STASH_KEY = 'failover-lab.design.stash';

export const designTitle = (raw: RawScenario): string =>
  typeof raw.name === 'string' && raw.name.trim() ? raw.name : 'Untitled design';

function toMeta(rec: DesignRecord): DesignMeta {
  return { id: rec.id, name: designTitle(rec.raw), updatedAt: rec.updatedAt };
}

function sortMeta(list: DesignMeta[]): DesignMeta[] {
  return list.sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
}

interface SyncKV {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
}

function syncPart(kv: SyncKV | null): Pick<DesignStorage, 'lastId' | 'setLastId' | 'stashSync' | 'takeStash'> {
  const safe = <T>(f: () => T, fallback: T): T => {
    try {
      return f();
    } catch {
      return fallback;
    }
  };
  return {
    lastId: () => safe(() => kv?.getItem(LAST_KEY) ?? null, null),
    setLastId: (id) => safe(() => (id ? kv?.setItem(LAST_KEY, id) : kv?.removeItem(LAST_KEY)), undefined),
    stashSync: (rec) => safe(() => kv?.setItem(STASH_KEY, JSON.stringify(rec)), undefined),
    takeStash: () =>
      safe(() => {
        const text = kv?.getItem(STASH_KEY);
        kv?.removeItem(STASH_KEY);
        return text ? (JSON.parse(text) as DesignRecord) : null;
      }, null),
  };
}

export function indexedDbStorage(
  dbName = 'failover-lab-designs',
  kv: SyncKV | null = typeof localStorage === 'undefined' ? null : localStorage,
): DesignStorage {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(dbName, 'designs'));
  return {
    async list() {
      const all = await entries<string, DesignRecord>(db());
      return sortMeta(all.map(([, rec]) => toMeta(rec)));
    },
    get: (id) => get<DesignRecord>(id, db()),
    put: (rec) => set(rec.id, rec, db()),
    remove: (id) => del(id, db()),
    ...syncPart(kv),
  };
}

/** For tests: everything in memory. */
export function memoryStorage(): DesignStorage & { records: Map<string, DesignRecord> } {
  const records = new Map<string, DesignRecord>();
  const kv = new Map<string, string>();
  return {
    records,
    list: async () => sortMeta([...records.values()].map(toMeta)),
    get: async (id) => structuredClone(records.get(id)),
    put: async (rec) => {
      records.set(rec.id, structuredClone(rec));
    },
    remove: async (id) => {
      records.delete(id);
    },
    ...syncPart({
      getItem: (k) => kv.get(k) ?? null,
      setItem: (k, v) => kv.set(k, v),
      removeItem: (k) => kv.delete(k),
    }),
  };
}

let counter = 0;
export function newDesignId(now = Date.now()): string {
  counter++;
  return `d${now.toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
