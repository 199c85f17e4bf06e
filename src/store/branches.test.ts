import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeBranchesHash, BRANCHES_LINK_LIMIT, parseSession, persistSession } from './session';
import { realStore, SQL_GROUP } from './test/realStore';
import type { AppStore } from './createAppStore';

const crashB = { action: 'crashNode', node: 'SQL-B' } as const;
const owner = (store: AppStore) => store.getState().view.groups.find((g) => g.name === SQL_GROUP)!.owner;

const failSql = { action: 'failResource', resource: 'SQL Server' } as const;

/**
 * Crash SQL-B at 0:30 (live edge: no fork), run to the end (the scripted crash of SQL-A at 1:00
 * then loses quorum), rewind to 0:10 and fail SQL Server there instead (a new branch).
 */
function forked() {
  const store = realStore();
  store.getState().seek(30_000);
  store.getState().apply(crashB);
  store.getState().runToEnd();
  store.getState().seek(10_000);
  store.getState().apply(failSql);
  return store;
}

describe('branches', () => {
  it('acting at the live edge extends the branch; acting on a seen future forks and keeps the old one whole', () => {
    const store = realStore();
    store.getState().seek(30_000);
    store.getState().apply(crashB);
    expect(store.getState().branches).toHaveLength(1);
    expect(store.getState().notice).toBeNull();
    store.getState().runToEnd();
    store.getState().seek(10_000);
    store.getState().apply(failSql);
    const s = store.getState();
    expect(s.branches.map((b) => ({ id: b.id, parent: b.parent, at: b.forkedAt, n: b.actions.length }))).toEqual([
      { id: 'b1', parent: null, at: 0, n: 1 },
      { id: 'b2', parent: 'b1', at: 10_000, n: 1 },
    ]);
    expect(s.branchId).toBe('b2');
    expect(s.branches[1]!.name).toBe('simulate failure of SQL Server at 0:10.000');
    expect(s.notice).toContain('"main" is kept as it was (with its 1 later action)');
    expect(s.noticeBranch).toBe('b1');
  });

  it('a rewind with nothing of the user ahead still forks: the seen future (the scripted crash) is kept', () => {
    const store = realStore();
    store.getState().runToEnd();
    store.getState().seek(20_000);
    store.getState().apply(crashB);
    expect(store.getState().branches).toHaveLength(2);
    expect(store.getState().branches[0]!.actions).toEqual([]);
  });

  it('switches between branches at the same instant, replaying each one', () => {
    const store = forked();
    store.getState().seek(120_000);
    expect(owner(store)).toBe('SQL-B'); // SQL-A's scripted crash at 1:00 → SQL-B
    expect(store.getState().view.quorum.hasQuorum).toBe(true);
    store.getState().switchBranch('b1');
    expect(store.getState().view.t).toBe(120_000);
    expect(store.getState().actions).toEqual([{ at: 30_000, action: crashB }]);
    expect(store.getState().view.quorum.hasQuorum).toBe(false); // SQL-B, then SQL-A: no majority
    expect(store.getState().notice).toBeNull();
  });

  it('renames (trimmed, names as text) and ignores an empty name', () => {
    const store = forked();
    store.getState().renameBranch('b2', '  <b>SQL-C first</b>  ');
    expect(store.getState().branches[1]!.name).toBe('<b>SQL-C first</b>');
    store.getState().renameBranch('b2', '   ');
    expect(store.getState().branches[1]!.name).toBe('<b>SQL-C first</b>');
  });

  it('deletes: the current branch goes back to its parent, children are re-attached, the last one stays', () => {
    const store = forked();
    store.getState().seek(5000);
    store.getState().apply({ action: 'crashNode', node: 'SQL-A' }); // b3, child of b2
    expect(store.getState().branches.map((b) => [b.id, b.parent])).toEqual([
      ['b1', null],
      ['b2', 'b1'],
      ['b3', 'b2'],
    ]);
    store.getState().switchBranch('b2');
    store.getState().deleteBranch('b2');
    const s = store.getState();
    expect(s.branchId).toBe('b1');
    expect(s.actions).toEqual([{ at: 30_000, action: crashB }]);
    expect(s.branches.map((b) => [b.id, b.parent])).toEqual([
      ['b1', null],
      ['b3', 'b1'],
    ]);
    store.getState().deleteBranch('b3');
    store.getState().deleteBranch('b1');
    expect(store.getState().branches.map((b) => b.id)).toEqual(['b1']);
  });

  it("compares two branches' outcomes: final state and owner per group, downtime", () => {
    const store = forked();
    const a = store.getState().outcome('b1')!;
    const b = store.getState().outcome('b2')!;
    expect(a).toMatchObject({ until: 600_000, quorum: false });
    expect(a.groups[SQL_GROUP]).toEqual({ state: 'Offline', owner: null, downtime: 542_000 });
    expect(b).toMatchObject({ until: 600_000, quorum: true });
    // Down while forming at t=0, for the restart at 0:10 and during the failover after SQL-A's crash.
    expect(b.groups[SQL_GROUP]).toEqual({ state: 'Online', owner: 'SQL-B', downtime: 32_500 });
    expect(store.getState().outcome('b2')).toBe(b); // cached per branch
    expect(store.getState().outcome('nope')).toBeNull();
  });

  it('survive a reload: the session record carries every branch and the current one', () => {
    const store = forked();
    let saved: string | null = null;
    persistSession(store, { load: () => saved, save: (t) => (saved = t) });
    store.getState().renameBranch('b1', 'crash B');
    const session = parseSession(saved)!;
    expect(session.branches?.map((b) => b.name)).toEqual(['crash B', 'simulate failure of SQL Server at 0:10.000']);
    expect(session.branchId).toBe('b2');
    const restored = realStore();
    restored.getState().loadScenario(session.source, { ...session, origin: 'the saved session' });
    expect(restored.getState().branches.map((b) => b.name)).toEqual([
      'crash B',
      'simulate failure of SQL Server at 0:10.000',
    ]);
    expect(restored.getState().branchId).toBe('b2');
    expect(restored.getState().view.t).toBe(10_000);
    // A v1 record (before branches) still restores, as one branch.
    const v1 = parseSession(JSON.stringify({ v: 1, source: {}, actions: [{ at: 5, action: crashB }], t: 5 }));
    expect(v1).toEqual({ source: {}, actions: [{ at: 5, action: crashB }], t: 5 });
  });

  it('travel in share links; past the size limit only the current branch does, and the link says how much was left out', () => {
    const store = forked();
    const s = store.getState();
    const small = encodeBranchesHash(s.source, s.actions, s.branches, s.branchId);
    expect(small.omitted).toBe(0);
    const back = decodeShareHash(small.hash);
    expect(back.kind === 'ok' && back.branches?.map((b) => b.id)).toEqual(['b1', 'b2']);
    expect(back.kind === 'ok' && back.branchId).toBe('b2');
    // Many branches with many actions: past the limit.
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...s.branches[0]!,
      id: `b${i + 1}`,
      name: `branch ${i} ${'x'.repeat(i)}`,
      actions: Array.from({ length: 20 }, (_, k) => ({ at: k * 997 + i, action: crashB })),
    }));
    const big = encodeBranchesHash(s.source, many[7]!.actions, many, 'b8');
    expect(big.branchesLength).toBeGreaterThan(BRANCHES_LINK_LIMIT);
    expect(big.omitted).toBe(59);
    const only = decodeShareHash(big.hash);
    expect(only.kind === 'ok' && only.branches?.map((b) => [b.id, b.parent])).toEqual([['b8', null]]);
    // Old links (no branches) still open.
    expect(decodeShareHash(big.hash.replace(/&branches=.*$/, ''))).toMatchObject({
      kind: 'ok',
      actions: many[7]!.actions,
    });
    expect(decodeShareHash(`${small.hash.replace(/&branches=.*$/, '')}&branches=zzz`).kind).toBe('error');
  });
});
