/**
 * The whole state of a session is the scenario, the user's actions with their times, and the
 * current time (re-simulation rebuilds the rest). This file turns that into share links and
 * local-storage records and back.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { AppliedAction } from '../engine/api';
import type { AppStore } from './createAppStore';
import type { SessionStorage } from './types';

export interface Session {
  source: unknown;
  actions: AppliedAction[];
  t: number;
}

/** `#scenario=<lz JSON>&actions=<lz JSON array of {at, action}>` (actions only when there are some). */
export function encodeShareHash(source: unknown, actions: readonly AppliedAction[]): string {
  let hash = `#scenario=${compressToEncodedURIComponent(JSON.stringify(source))}`;
  if (actions.length) hash += `&actions=${compressToEncodedURIComponent(JSON.stringify(actions))}`;
  return hash;
}

export type DecodedLink =
  { kind: 'none' } | { kind: 'error'; message: string } | { kind: 'ok'; source: unknown; actions: AppliedAction[] };

export function decodeShareHash(hash: string): DecodedLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get('scenario');
  if (packed === null) return { kind: 'none' };
  // URLSearchParams turns '+' into ' '; lz-string's URI alphabet uses '+'.
  const unpack = (s: string) => decompressFromEncodedURIComponent(s.replace(/ /g, '+'));
  const text = unpack(packed);
  if (!text) return { kind: 'error', message: "the link's scenario could not be decompressed (truncated link?)" };
  let source: unknown;
  try {
    source = JSON.parse(text);
  } catch (e) {
    return { kind: 'error', message: `the link's scenario is not valid JSON: ${(e as Error).message}` };
  }
  const packedActions = params.get('actions');
  let actions: AppliedAction[] = [];
  if (packedActions) {
    try {
      const parsed: unknown = JSON.parse(unpack(packedActions) ?? '');
      if (!Array.isArray(parsed) || !parsed.every(isAppliedAction)) throw new Error('not a list of {at, action}');
      actions = parsed;
    } catch (e) {
      return { kind: 'error', message: `the link's actions are invalid: ${(e as Error).message}` };
    }
  }
  return { kind: 'ok', source, actions };
}

function isAppliedAction(x: unknown): x is AppliedAction {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.at === 'number' &&
    r.at >= 0 &&
    typeof r.action === 'object' &&
    r.action !== null &&
    typeof (r.action as Record<string, unknown>).action === 'string'
  );
}

export function parseSession(text: string | null): Session | null {
  if (!text) return null;
  try {
    const s = JSON.parse(text) as Partial<Session> & { v?: number };
    if (s.v !== 1 || !Array.isArray(s.actions) || !s.actions.every(isAppliedAction) || typeof s.t !== 'number')
      return null;
    return { source: s.source, actions: s.actions, t: s.t };
  } catch {
    return null;
  }
}

export function serializeSession(s: Session): string {
  return JSON.stringify({ v: 1, ...s });
}

export const localSessionStorage = (key = 'failover-lab:session'): SessionStorage => ({
  load: () => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  save: (text) => {
    try {
      window.localStorage.setItem(key, text);
    } catch {
      /* storage full or disabled: the session just will not survive a reload */
    }
  },
});

/**
 * Save on every meaningful change; while playing, at most twice a second (the time moves every
 * frame). Returns a flush function for `pagehide` and an unsubscribe.
 */
export function persistSession(store: AppStore, storage: SessionStorage, now: () => number = () => performance.now()) {
  let last = -Infinity;
  // The scenario is most of the record (150 KB for 1,000 resources) and changes rarely:
  // serialise it once per scenario, not twice a second while playing.
  const cache: { source: unknown; json: string | null } = { source: undefined, json: null };
  const write = () => {
    const s = store.getState();
    if (cache.json === null || cache.source !== s.source) {
      cache.source = s.source;
      cache.json = JSON.stringify(s.source) ?? 'null';
    }
    const json = cache.json;
    const rest = JSON.stringify({ actions: s.actions, t: s.view.t }).slice(1);
    storage.save(`{"v":1,"source":${json},${rest}`);
    last = now();
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const structural = s.source !== prev.source || s.actions !== prev.actions;
    if (structural || (s.view.t !== prev.view.t && (!s.playing || now() - last > 500)) || s.playing !== prev.playing)
      write();
  });
  return { flush: write, unsubscribe };
}
