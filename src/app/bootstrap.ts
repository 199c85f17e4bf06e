/**
 * Startup order: a share link in the address bar wins (opened paused at t = 0); otherwise the
 * session saved in local storage is restored exactly; otherwise the default built-in scenario.
 */
import type { AppStore } from '../store/createAppStore';
import { createAppStore } from '../store/createAppStore';
import { decodeShareHash, parseSession, persistSession, type Session } from '../store/session';
import { scenarioTooLarge } from '../store/limits';
import type { AppliedAction } from '../engine';
import type { AppState } from '../store/types';
import type { EngineApi, LoadError, SessionStorage } from '../store/types';
import { DEFAULT_BUILTIN } from '../store/builtins';

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
  const link = decodeShareHash(o.hash);
  const saved = parseSession(o.storage.load());
  const candidates: (Session & { origin: string })[] = [];
  if (link.kind === 'ok') candidates.push({ ...link, t: 0, origin: 'the share link' });
  if (saved) candidates.push({ ...saved, origin: 'the saved session' });
  candidates.push({ source: DEFAULT_BUILTIN.source, actions: [], t: 0, origin: DEFAULT_BUILTIN.title });

  let linkError: LoadError | null =
    link.kind === 'error' ? { origin: 'the share link', issues: [{ path: '(link)', message: link.message }] } : null;
  let store: AppStore | null = null;
  // Build the simulation once, for the first candidate that validates (a big scenario costs).
  for (const c of candidates) {
    const tooLarge = scenarioTooLarge(c.source);
    if (tooLarge) {
      linkError = { origin: c.origin, issues: [{ path: '(scenario)', message: tooLarge }] };
      continue;
    }
    const v = o.engine.validateScenario(c.source);
    if (!v.ok) {
      // An invalid link is reported; a saved session that no longer validates just falls back.
      if (c.origin === 'the share link') linkError = { origin: c.origin, issues: v.errors };
      continue;
    }
    store = createAppStore({ engine: o.engine, raf: o.raf, caf: o.caf }, c.source, v.scenario);
    const current = c.branches?.find((b) => b.id === c.branchId);
    const asLoaded =
      current &&
      current.until === v.scenario.until &&
      JSON.stringify(current.script) === JSON.stringify(v.scenario.script);
    if (c.branches && current && !asLoaded) {
      // The current branch edited the script or the run length: the full load validates its scenario.
      store.getState().loadScenario(c.source, { origin: c.origin, branches: c.branches, branchId: c.branchId, t: c.t });
    } else {
      // The simulation just built is the current branch's (validating and building twice costs on big clusters).
      if (c.actions.length) store.setState(withActions(store.getState(), c.actions));
      if (c.branches && current) {
        const script = v.scenario.script;
        store.setState({
          branches: c.branches.map((b) => (b === current ? { ...b, script } : b)),
          branchId: current.id,
        });
      }
      if (c.t > 0) store.getState().seek(c.t);
    }
    break;
  }
  if (!store) throw new Error('the default scenario does not validate');
  if (linkError) store.setState({ loadError: linkError });
  if (link.kind !== 'none') o.clearHash?.();
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
    store.getState().loadScenario(link.source, {
      origin: 'the share link',
      actions: link.actions,
      branches: link.branches,
      branchId: link.branchId,
      t: 0,
    });
  }
  if (link.kind !== 'none') clearHash?.();
}

/** The one branch of a session without branches (v1 records, old links) gets its actions. */
function withActions(s: AppState, actions: AppliedAction[]): Partial<AppState> {
  const sorted = actions.slice().sort((a, b) => a.at - b.at);
  return { actions: sorted, branches: s.branches.map((b) => ({ ...b, actions: sorted })) };
}
