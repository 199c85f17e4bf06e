/**
 * Startup order: a share link in the address bar wins (opened paused at t = 0); otherwise the
 * session saved in local storage is restored exactly; otherwise the default built-in scenario.
 */
import type { AppStore } from '../store/createAppStore';
import { createAppStore } from '../store/createAppStore';
import { decodeShareHash, parseSession, persistSession } from '../store/session';
import type { EngineApi, SessionStorage } from '../store/types';
import { DEFAULT_BUILTIN } from './builtins';

export interface BootOptions {
  engine: EngineApi;
  storage: SessionStorage;
  hash: string;
  /** Remove the consumed share link from the address bar (so a reload restores the session instead). */
  clearHash?: () => void;
  raf?: (cb: (ts: number) => void) => number;
  caf?: (id: number) => void;
}

export function bootstrap(o: BootOptions): { store: AppStore; flush: () => void } {
  const store = createAppStore({ engine: o.engine, raf: o.raf, caf: o.caf }, DEFAULT_BUILTIN.source);
  const saved = parseSession(o.storage.load());
  if (saved) {
    // A saved session whose scenario no longer validates (the format evolved) just falls back.
    if (!store.getState().loadScenario(saved.source, { origin: 'the saved session', actions: saved.actions, t: saved.t })) {
      store.getState().dismissLoadError();
    }
  }
  openShareLink(store, o.hash, o.clearHash);
  const { flush } = persistSession(store, o.storage);
  return { store, flush };
}

/**
 * Open a `#scenario=` link (at startup, or pasted into the address bar of an open tab): paused at
 * t = 0 with its actions waiting for their times. An invalid link keeps the current scenario.
 */
export function openShareLink(store: AppStore, hash: string, clearHash?: () => void): void {
  const link = decodeShareHash(hash);
  if (link.kind === 'error') {
    store.setState({ loadError: { origin: 'the share link', issues: [{ path: '(link)', message: link.message }] } });
  } else if (link.kind === 'ok') {
    store.getState().loadScenario(link.source, { origin: 'the share link', actions: link.actions, t: 0 });
  }
  if (link.kind !== 'none') clearHash?.();
}
