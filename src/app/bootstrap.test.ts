import { describe, expect, it } from 'vitest';
import { encodeBranchesHash, encodeShareHash, serializeSession } from '../store/session';
import { realEngine, realStore } from '../store/test/realStore';
import { fakeEngine } from '../ui/test/fakeSimulation';
import { bootstrap } from './bootstrap';

const crash = { action: 'crashNode', node: 'SQL-A' } as const;
const memory = (text: string | null = null) => ({ load: () => text, save: (t: string) => void (text = t) });

describe('bootstrap', () => {
  it('opens a share link paused at t=0 with its actions waiting, and clears the hash', () => {
    let cleared = false;
    const hash = encodeShareHash({ format: 'failover-scenario@1', name: 'Linked' }, [{ at: 5000, action: crash }]);
    const { store } = bootstrap({ engine: fakeEngine, storage: memory(), hash, clearHash: () => (cleared = true) });
    expect(store.getState().scenario.name).toBe('Linked');
    expect(store.getState().view.t).toBe(0);
    expect(store.getState().actions).toHaveLength(1);
    expect(cleared).toBe(true);
    store.getState().seek(20_000);
    expect(store.getState().view.groups[0]!.owner).toBe('SQL-B');
  });

  it('restores the saved session exactly', () => {
    const saved = serializeSession({
      source: { format: 'failover-scenario@1', name: 'Saved' },
      actions: [{ at: 1000, action: crash }],
      t: 42_000,
    });
    const { store } = bootstrap({ engine: fakeEngine, storage: memory(saved), hash: '' });
    expect(store.getState().scenario.name).toBe('Saved');
    expect(store.getState().view.t).toBe(42_000);
    expect(store.getState().appliedCount).toBe(1);
  });

  it('an invalid link shows its issues and keeps the saved session', () => {
    const saved = serializeSession({ source: { format: 'failover-scenario@1', name: 'Saved' }, actions: [], t: 0 });
    const hash = encodeShareHash({ format: 'nope' }, []);
    const { store } = bootstrap({ engine: fakeEngine, storage: memory(saved), hash });
    expect(store.getState().scenario.name).toBe('Saved');
    expect(store.getState().loadError).toEqual({
      origin: 'the share link',
      issues: [{ path: 'format', message: 'format must be "failover-scenario@1"' }],
    });
  });

  it('restores the branches, the current one with its edited script and run length, from a reload and from a link', () => {
    const first = realStore();
    first.getState().runToEnd();
    first.getState().seek(20_000);
    first.getState().editUpcoming({ kind: 'remove', source: 'script', index: 0 }); // forks "b2"
    first.getState().setUntil(900_000);
    const s = first.getState();
    const saved = serializeSession({
      source: s.source,
      actions: s.actions,
      t: 30_000,
      branches: s.branches,
      branchId: 'b2',
    });
    const fromReload = bootstrap({ engine: realEngine, storage: memory(saved), hash: '' }).store.getState();
    expect(fromReload.branches.map((b) => [b.id, b.script.length, b.until])).toEqual([
      ['b1', 1, 600_000],
      ['b2', 0, 900_000],
    ]);
    expect(fromReload.branchId).toBe('b2');
    expect(fromReload.scenario.until).toBe(900_000);
    expect(fromReload.scenario.script).toEqual([]);
    expect(fromReload.view.t).toBe(30_000);
    const { hash } = encodeBranchesHash(s.source, s.actions, s.branches, 'b1');
    const fromLink = bootstrap({ engine: realEngine, storage: memory(), hash }).store.getState();
    expect(fromLink.branches).toHaveLength(2);
    expect(fromLink.branchId).toBe('b1');
    expect(fromLink.scenario.script).toHaveLength(1);
    expect(fromLink.view.t).toBe(0);
  });
});
