import { describe, expect, it } from 'vitest';
import { fakeEngine } from '../ui/test/fakeSimulation';
import { VALID_SOURCE } from '../ui/test/fixtures';
import { createAppStore } from './createAppStore';
import { decodeShareHash, encodeShareHash, parseSession, persistSession } from './session';

const make = () => createAppStore({ engine: fakeEngine }, VALID_SOURCE);
const crash = { action: 'crashNode', node: 'SQL-A' } as const;

describe('app store', () => {
  it('starts paused at t=0 with the scenario loaded', () => {
    const s = make().getState();
    expect(s.view.t).toBe(0);
    expect(s.playing).toBe(false);
    expect(s.scenario.name).toBe('Test cluster');
  });

  it('applies an action and advances to its consequences', () => {
    const store = make();
    store.getState().seek(5000);
    store.getState().apply(crash);
    store.getState().stepToNextEvent();
    const s = store.getState();
    expect(s.view.t).toBe(15_000);
    expect(s.view.groups[0]!.owner).toBe('SQL-B');
    expect(s.actions).toEqual([{ at: 5000, action: crash }]);
  });

  it('rewinds by re-simulation and replays waiting actions going forward', () => {
    const store = make();
    store.getState().seek(5000);
    store.getState().apply(crash);
    store.getState().seek(60_000);
    store.getState().seek(1000);
    let s = store.getState();
    expect(s.view.groups[0]!.owner).toBe('SQL-A');
    expect(s.appliedCount).toBe(0);
    expect(s.horizon.length).toBeGreaterThan(s.events.length);
    store.getState().seek(60_000);
    s = store.getState();
    expect(s.view.groups[0]!.owner).toBe('SQL-B');
    expect(s.appliedCount).toBe(1);
  });

  it('acting in the past forks a branch: the later actions stay in the old one, and the notice says so', () => {
    const store = make();
    store.getState().seek(5000);
    store.getState().apply(crash);
    store.getState().seek(1000);
    store.getState().apply({ action: 'failResource', resource: 'Disk' });
    const s = store.getState();
    expect(s.actions).toEqual([{ at: 1000, action: { action: 'failResource', resource: 'Disk' } }]);
    expect(s.branches.map((b) => [b.name, b.actions.length])).toEqual([
      ['main', 1],
      ['simulate failure of Disk at 0:01.000', 1],
    ]);
    expect(s.notice).toMatch(/"main" is kept as it was \(with its 1 later action\)/);
    expect(s.noticeBranch).toBe('b1');
  });

  it('refuses a disallowed action with the engine reason and changes nothing', () => {
    const store = make();
    store.getState().apply(crash);
    store.getState().seek(20_000);
    const verdict = store.getState().apply(crash);
    expect(verdict).toEqual({ allowed: false, reason: 'node "SQL-A" is Down' });
    expect(store.getState().refusal?.reason).toBe('node "SQL-A" is Down');
    expect(store.getState().actions).toHaveLength(1);
  });

  it('keeps the current scenario when a load is invalid', () => {
    const store = make();
    expect(store.getState().loadScenario({ format: 'nope' }, { origin: 'bad.json' })).toBe(false);
    const s = store.getState();
    expect(s.scenario.name).toBe('Test cluster');
    expect(s.loadError).toEqual({
      origin: 'bad.json',
      issues: [{ path: 'format', message: 'format must be "failover-scenario@1"' }],
    });
    // The engine's reader, as the CLI uses it: the place of a syntax error is named.
    expect(store.getState().loadScenarioText('{oops', 'x.json')).toBe(false);
    expect(store.getState().loadError?.issues[0]!.message).toMatch(/^invalid JSON at line 1, column 2/);
    expect(store.getState().scenario.name).toBe('Test cluster');
  });

  it('refuses a file with a repeated key or bytes that are not UTF-8, naming the place (§1)', () => {
    const store = make();
    const twice = '{"format":"failover-scenario@1","name":"a","name":"b"}';
    expect(store.getState().loadScenarioText(new TextEncoder().encode(twice), 'twice.json')).toBe(false);
    expect(store.getState().loadError?.issues).toEqual([{ path: '(root)', message: 'duplicate key "name"' }]);
    const latin1 = new Uint8Array([0x7b, 0x22, 0x6e, 0xe9, 0x22, 0x3a, 0x31, 0x7d]); // {"né":1} in Latin-1
    expect(store.getState().loadScenarioText(latin1, 'latin1.json')).toBe(false);
    expect(store.getState().loadError?.issues[0]!.message).toMatch(/not valid UTF-8/);
    expect(store.getState().scenario.name).toBe('Test cluster');
  });

  it('plays at speed and stops at until', () => {
    const store = make();
    store.getState().setSpeed(100);
    store.getState().tick(1000);
    expect(store.getState().view.t).toBe(100_000);
    store.getState().setSpeed(10_000);
    store.getState().play();
    store.getState().tick(1000);
    expect(store.getState().view.t).toBe(600_000);
    expect(store.getState().playing).toBe(false);
  });

  it('advances slowly at 0.1× by accumulating fractions', () => {
    const store = make();
    store.getState().setSpeed(0.1);
    for (let i = 0; i < 10; i++) store.getState().tick(16);
    expect(store.getState().view.t).toBe(16);
  });

  it('clamps speed to 0.1–10000', () => {
    const store = make();
    store.getState().setSpeed(1e9);
    expect(store.getState().speed).toBe(10_000);
    store.getState().setSpeed(0);
    expect(store.getState().speed).toBe(0.1);
  });
});

describe('session', () => {
  it('round-trips a share link', () => {
    const actions = [{ at: 5000, action: crash }];
    const hash = encodeShareHash(VALID_SOURCE, actions);
    expect(hash).toMatch(/^#scenario=[^&]+&actions=/);
    expect(decodeShareHash(hash)).toEqual({ kind: 'ok', source: VALID_SOURCE, actions });
    expect(decodeShareHash('#other=1')).toEqual({ kind: 'none' });
    expect(decodeShareHash('#scenario=%%%').kind).toBe('error');
  });

  it('persists scenario, actions and time, and restores them', () => {
    const store = make();
    let saved: string | null = null;
    persistSession(store, { load: () => saved, save: (t) => (saved = t) });
    store.getState().seek(5000);
    store.getState().apply(crash);
    store.getState().seek(42_000);
    const session = parseSession(saved)!;
    expect(session).toMatchObject({ source: VALID_SOURCE, actions: [{ at: 5000, action: crash }], t: 42_000 });
    expect(session.branches).toHaveLength(1);
    const restored = make();
    restored.getState().loadScenario(session.source, { actions: session.actions, t: session.t });
    expect(restored.getState().view.t).toBe(42_000);
    expect(restored.getState().view.groups[0]!.owner).toBe('SQL-B');
  });

  it('while playing, time alone is not saved every frame: pausing saves it, and so does flush', () => {
    const store = make();
    const writes: string[] = [];
    const { flush } = persistSession(store, { load: () => null, save: (t) => writes.push(t) });
    store.getState().setSpeed(1000);
    store.getState().play();
    const atPlay = writes.length;
    for (let i = 0; i < 30; i++) store.getState().tick(16);
    expect(writes.length).toBe(atPlay);
    flush();
    expect(parseSession(writes.at(-1)!)!.t).toBe(store.getState().view.t);
    store.getState().tick(16);
    store.getState().pause();
    expect(writes.length).toBe(atPlay + 2);
    expect(parseSession(writes.at(-1)!)!.t).toBe(store.getState().view.t);
    expect(store.getState().view.t).toBeGreaterThan(400_000);
  });
});

describe('decisions', () => {
  it('keeps the latest decision per entity and recomputes after a rewind', () => {
    const store = make();
    store.getState().apply(crash);
    store.getState().seek(20_000);
    expect(store.getState().decisions['group:SQL']).toMatchObject({ type: 'group.owner', to: 'SQL-B' });
    store.getState().seek(5000);
    expect(store.getState().decisions['group:SQL']).toBeUndefined();
  });

  it('resets the horizon when acting, and keeps the log non-empty', () => {
    const store = make();
    store.getState().seek(5000);
    store.getState().apply(crash);
    expect(store.getState().horizon).toBe(store.getState().events);
    expect(store.getState().events.length).toBeGreaterThan(0);
  });
});
