import { describe, expect, it } from 'vitest';
import { createSimulation, validateScenario } from '../engine';
import { createAppStore } from '../store/createAppStore';
import type { AppState } from '../store/types';
import { BUILTIN_LESSONS } from '../lesson/builtins';
import { validateLesson } from '../lesson/validate';
import { createPlayer } from './controller';

const L05 = BUILTIN_LESSONS.find((b) => b.id === 'L05')!;
const checked = validateLesson(L05.source);
if (!checked.ok) throw new Error('L05');
const c = checked.value;
/** Every resource's view, in scenario order (the store reads them on demand, by name). */
const resourcesOf = (s: AppState) =>
  s.scenario.groups.flatMap((g) => g.resources.map((r) => s.index.resource(r.name)!));
const PLAIN = { format: 'failover-scenario@1', name: 'Plain', nodes: [{ name: 'X' }] };

/** An app store and a player with a hand-cranked frame clock. */
function setup() {
  const app = createAppStore({ engine: { createSimulation, validateScenario } }, PLAIN);
  let now = 0;
  const frames: (() => void)[] = [];
  const player = createPlayer(app, {
    raf: (cb) => frames.push(cb),
    caf: () => {},
    now: () => now,
  });
  const uninstall = player.install();
  /** Run animation frames until the player rests. */
  const settle = Object.assign(
    () => {
      for (let i = 0; i < 10_000 && player.store.getState().animating; i++) {
        now += 16;
        frames.shift()?.();
      }
    },
    {
      /** One animation frame. */
      step: () => {
        now += 16;
        frames.shift()?.();
      },
    },
  );
  return { app, player, settle, uninstall };
}

describe('the lesson player drives the app store', () => {
  it('opens at the first stop: nothing has happened, t = 0', () => {
    const { app, player } = setup();
    expect(player.open(L05.source, 'L05')).toBe(true);
    expect(app.getState().scenario.name).toBe('L5 The failover budget');
    expect(app.getState().events).toEqual([]);
    expect(app.getState().view.t).toBe(0);
    expect(resourcesOf(app.getState()).every((r) => r.state === 'Offline')).toBe(true);
    expect(player.store.getState().index).toBe(0);
  });

  it('Continue plays to the next stop and shows exactly events 0..p there', () => {
    const { app, player, settle } = setup();
    player.open(L05.source, 'L05');
    player.continue();
    expect(player.store.getState().animating).toBe(true);
    settle();
    const p = c.positions[1]!;
    expect(app.getState().events).toHaveLength(p.at + 1);
    expect(app.getState().horizon).toHaveLength(p.at + 1);
    expect(app.getState().view.t).toBe(p.t);
  });

  it('Continue while playing jumps to the stop; Back returns exactly to the stop before', () => {
    const { app, player, settle } = setup();
    player.open(L05.source, 'L05');
    player.continue();
    settle();
    const before = app.getState().view;
    const beforeResources = resourcesOf(app.getState());
    player.continue();
    player.continue(); // skip the animation
    expect(player.store.getState().animating).toBe(false);
    expect(app.getState().events).toHaveLength(c.positions[2]!.at + 1);
    player.back();
    expect(app.getState().events).toHaveLength(c.positions[1]!.at + 1);
    expect(app.getState().view.groups).toEqual(before.groups);
    expect(resourcesOf(app.getState()).map((r) => [r.state, r.node])).toEqual(
      beforeResources.map((r) => [r.state, r.node]),
    );
  });

  it('a question waits for a choice, then reveals; Back from the reveal is the pause, unanswered', () => {
    const { app, player, settle } = setup();
    player.open(L05.source, 'L05');
    for (let i = 0; i < 5; i++) {
      player.continue();
      settle();
    }
    expect(player.store.getState().stops[player.store.getState().index]!.phase).toBe('ask');
    player.continue();
    expect(player.store.getState().animating).toBe(false);
    player.choose(0);
    player.continue();
    settle();
    expect(player.store.getState().answer).toEqual({ choice: 0, right: false });
    const q = c.positions[5]!;
    if (q.kind !== 'question') throw new Error('L05 step 5');
    expect(app.getState().events).toHaveLength(q.reveal + 1);
    player.back();
    expect(player.store.getState()).toMatchObject({ answer: null, chosen: null });
    expect(app.getState().events).toHaveLength(q.at + 1);
  });

  it('acting on the cluster leaves the lesson at that moment; Return restores the stop', () => {
    const { app, player, settle } = setup();
    player.open(L05.source, 'L05');
    player.continue();
    settle();
    app.getState().apply({ action: 'crashNode', node: 'N2' });
    const s = player.store.getState();
    expect(s.status).toBe('left');
    expect(s.leftBecause).toBe('You applied crashNode (N2) at t = 60.5 s');
    // The playground continues from the whole instant, with the action at the end.
    expect(app.getState().events.at(-1)).toMatchObject({ type: 'action', t: 60_500 });
    player.resume();
    expect(player.store.getState().status).toBe('playing');
    expect(app.getState().events).toHaveLength(c.positions[1]!.at + 1);
    expect(app.getState().actions).toEqual([]);
  });

  it('seeking or playing leaves too; opening another scenario ends the lesson', () => {
    const { app, player } = setup();
    player.open(L05.source, 'L05');
    app.getState().seek(1000);
    expect(player.store.getState().status).toBe('left');
    player.resume();
    app.getState().play();
    expect(player.store.getState().status).toBe('left');
    player.resume();
    app.getState().loadScenario(PLAIN);
    expect(player.store.getState().status).toBe('idle');
  });

  it('a lesson file opened the usual way opens as a lesson; an invalid one keeps what was open', () => {
    const { app, player, uninstall } = setup();
    expect(app.getState().loadScenarioText(JSON.stringify(L05.source), '"l05.json"')).toBe(true);
    expect(player.store.getState().status).toBe('playing');
    const bad = structuredClone(L05.source) as { ui: { lesson: { steps: Record<string, unknown>[] } } };
    bad.ui.lesson.steps[1]!.sey = 'typo';
    expect(app.getState().loadScenario(bad, { origin: '"bad.json"' })).toBe(false);
    expect(app.getState().loadError).toEqual({
      origin: '"bad.json"',
      issues: [{ path: 'ui.lesson.steps[1].sey', message: 'unknown key; did you mean "say"?' }],
    });
    expect(player.store.getState().status).toBe('playing');
    expect(app.getState().scenario.name).toBe('L5 The failover budget');
    uninstall();
    expect(app.getState().loadScenario(L05.source)).toBe(true);
    expect(app.getState().events.length).toBeGreaterThan(0); // a plain scenario again
  });

  it('Open in Simulate: the lesson scenario as a playground at t = 0', () => {
    const { app, player } = setup();
    player.open(L05.source, 'L05');
    player.openInSimulate();
    expect(player.store.getState().status).toBe('idle');
    expect(app.getState().source).toBe(L05.source);
    expect(app.getState().view.t).toBe(0);
  });
});

describe('captions (hold: false)', () => {
  it('are shown while playing through and never stopped at', () => {
    const { player, settle, app } = setup();
    const src = structuredClone(L05.source) as { ui: { lesson: { steps: Record<string, unknown>[] } } };
    src.ui.lesson.steps[1]!.hold = false;
    expect(player.open(src, 'caption test')).toBe(true);
    player.continue();
    // Play until the caption's event has been shown, but not to the end.
    const frames: (string | null)[] = [];
    for (let i = 0; i < 200 && player.store.getState().animating; i++) {
      frames.push(player.store.getState().caption);
      settle.step();
    }
    expect(frames).toContain(src.ui.lesson.steps[1]!.say);
    settle();
    // It went on to step 2: the caption is not a stop.
    expect(player.store.getState().stops[player.store.getState().index]!.step).toBe(2);
    expect(player.store.getState().caption).toBeNull();
    expect(app.getState().events).toHaveLength(c.positions[2]!.at + 1);
    player.back();
    expect(player.store.getState().stops[player.store.getState().index]!.step).toBe(0);
  });
});

describe('at a question', () => {
  it("no countdown gives the answer away (L03: the stalled Online call's PendingTimeout)", () => {
    const { app, player, settle } = setup();
    player.open(BUILTIN_LESSONS.find((b) => b.id === 'L03')!.source, 'L03');
    player.continue();
    settle();
    player.continue();
    settle();
    const s = player.store.getState();
    expect(s.stops[s.index]).toMatchObject({ step: 2, phase: 'ask' });
    expect(app.getState().view.timers).toEqual([]);
    expect(app.getState().index.timersBySubject).toEqual({});
    player.choose(1);
    player.continue();
    settle();
    expect(player.store.getState().answer).toEqual({ choice: 1, right: true });
  });
});
