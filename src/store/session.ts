/**
 * The whole state of a session is the scenario, the user's actions with their times, and the
 * current time (re-simulation rebuilds the rest). This file turns that into share links and
 * local-storage records and back.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { AppliedAction } from '../engine';
import { isAppliedAction, parseBranches, type Branch } from './branches';
import type { AppStore } from './createAppStore';
import type { SessionStorage } from './types';

export interface Session {
  source: unknown;
  actions: AppliedAction[];
  t: number;
  branches?: Branch[];
  branchId?: string;
}

/**
 * Branches add at most this many characters to a link (compressed): beyond it a link carries the
 * current branch only, so it still fits in chat tools and browsers' address bars (Chromium takes
 * 2 MB, but many tools cut links at a few thousand characters).
 */
export const BRANCHES_LINK_LIMIT = 4000;

export interface ShareHash {
  hash: string;
  /** Branches left out of the link because all of them would be too long (0 when all travel). */
  omitted: number;
  /** What carrying them all would have added, in characters. */
  branchesLength: number;
}

/** `#scenario=<lz JSON>&actions=<lz JSON array of {at, action}>` (actions only when there are some). */
export function encodeShareHash(source: unknown, actions: readonly AppliedAction[]): string {
  let hash = `#scenario=${compressToEncodedURIComponent(JSON.stringify(source))}`;
  if (actions.length) hash += `&actions=${compressToEncodedURIComponent(JSON.stringify(actions))}`;
  return hash;
}

/**
 * The old link (which old versions still open: the current branch's actions) plus
 * `&branches=<lz {current, list}>` with every branch, or only the current one when all would pass
 * BRANCHES_LINK_LIMIT.
 */
export function encodeBranchesHash(
  source: unknown,
  actions: readonly AppliedAction[],
  branches: readonly Branch[],
  branchId: string,
): ShareHash {
  const hash = encodeShareHash(source, actions);
  const pack = (list: readonly Branch[]) => compressToEncodedURIComponent(JSON.stringify({ current: branchId, list }));
  const all = pack(branches);
  if (all.length <= BRANCHES_LINK_LIMIT)
    return { hash: `${hash}&branches=${all}`, omitted: 0, branchesLength: all.length };
  const cur = branches.filter((b) => b.id === branchId).map((b) => ({ ...b, parent: null }));
  return { hash: `${hash}&branches=${pack(cur)}`, omitted: branches.length - cur.length, branchesLength: all.length };
}

export type DecodedLink =
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  | { kind: 'ok'; source: unknown; actions: AppliedAction[]; branches?: Branch[]; branchId?: string };

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
  const packedBranches = params.get('branches');
  if (packedBranches) {
    try {
      const parsed = JSON.parse(unpack(packedBranches) ?? '') as { current?: unknown; list?: unknown };
      const branches = parseBranches(parsed.list);
      if (!branches) throw new Error('not a list of branches');
      // parseBranches refuses an empty list, so there is a first branch.
      const current = branches.find((b) => b.id === parsed.current) ?? branches[0]!;
      return { kind: 'ok', source, actions: current.actions, branches, branchId: current.id };
    } catch (e) {
      return { kind: 'error', message: `the link's branches are invalid: ${(e as Error).message}` };
    }
  }
  return { kind: 'ok', source, actions };
}

export function parseSession(text: string | null): Session | null {
  if (!text) return null;
  try {
    const s = JSON.parse(text) as Partial<Session> & { v?: number };
    if (
      (s.v !== 1 && s.v !== 2) ||
      !Array.isArray(s.actions) ||
      !s.actions.every(isAppliedAction) ||
      typeof s.t !== 'number'
    )
      return null;
    // v1 (before branches) had one timeline; a v2 record whose branches do not parse falls back to it.
    const branches = s.v === 2 ? parseBranches(s.branches) : null;
    if (!branches) return { source: s.source, actions: s.actions, t: s.t };
    const current = branches.find((b) => b.id === s.branchId) ?? branches[0]!; // parseBranches: never empty
    return { source: s.source, actions: current.actions, t: s.t, branches, branchId: current.id };
  } catch {
    return null;
  }
}

export function serializeSession(s: Session): string {
  return JSON.stringify({ v: 2, ...s });
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
 * Save on every meaningful change. While playing, the time alone moving is not saved (it moves
 * every frame, and at WSFC's maximum the record is 1.5 MB, a long write): it is saved when play
 * stops, and by the flush function the app calls on `pagehide`. Returns that flush and an unsubscribe.
 */
export function persistSession(store: AppStore, storage: SessionStorage) {
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
    const rest = JSON.stringify({ actions: s.actions, t: s.view.t, branches: s.branches, branchId: s.branchId }).slice(
      1,
    );
    storage.save(`{"v":2,"source":${json},${rest}`);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const structural =
      s.source !== prev.source ||
      s.actions !== prev.actions ||
      s.branches !== prev.branches ||
      s.branchId !== prev.branchId;
    if (structural || (s.view.t !== prev.view.t && !s.playing) || s.playing !== prev.playing) write();
  });
  return { flush: write, unsubscribe };
}
