/**
 * The lesson player's state and commands (lesson-format §3). It drives the app's own store, so the
 * whole Simulate screen (canvas, table, log, timeline, clock) shows the lesson: at each frame the
 * store's engine is moved to the frame's clock (so acting on the cluster happens "at that moment"),
 * then the displayed projection is replaced by the frame's (exactly events 0..p). Any change the
 * player did not make itself (an action, Play, a seek) leaves the lesson for the playground.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createSimulation } from '../engine';
import type { CheckedLesson } from '../lesson/validate';
import { hasLesson, validateLesson } from '../lesson/validate';
import { createFrameSource, type Frame, type FrameSource } from '../lesson/frames';
import { buildStops, captionsBetween, firstStop, keyframes, nextStop, previousStop, schedule } from '../lesson/player';
import type { Stop } from '../lesson/player';
import { isQuestion } from '../lesson/types';
import type { AppStore } from '../store/createAppStore';
import { latestDecisions } from '../store/decisions';
import { buildViewIndex } from '../store/viewIndex';
import { frameOfView } from '../engine';
import type { AppState } from '../store/types';
import { recordAnswer, recordFinished } from './progress';

export interface PlayerState {
  status: 'idle' | 'playing' | 'left';
  lesson: CheckedLesson | null;
  stops: Stop[];
  index: number;
  /** The choice made at the current question (before Continue reveals it). */
  chosen: number | null;
  /** At a reveal: what was chosen and whether it was right. */
  answer: { choice: number; right: boolean } | null;
  /** A `hold: false` beat's text, shown while playing through it. */
  caption: string | null;
  animating: boolean;
  /** Opened from the recorder: progress is not recorded. */
  preview: boolean;
  /** Why the lesson was left ("you crashed N1 at t = 61 s"). */
  leftBecause: string | null;
}

export interface PlayerDeps {
  raf: (cb: () => void) => number;
  caf: (id: number) => void;
  now: () => number;
}

export type Player = ReturnType<typeof createPlayer>;

const fmt = (ms: number) => `${(ms / 1000).toLocaleString('en', { maximumFractionDigits: 3 })} s`;

export function createPlayer(app: AppStore, deps: PlayerDeps) {
  const store: StoreApi<PlayerState> = createStore<PlayerState>()(() => ({
    status: 'idle',
    lesson: null,
    stops: [],
    index: 0,
    chosen: null,
    answer: null,
    caption: null,
    animating: false,
    preview: false,
    leftBecause: null,
  }));
  let frames: FrameSource | null = null;
  let driving = false;
  let shown: AppState['view'] | null = null;
  let anim: { id: number | null; target: number; finish: () => void } | null = null;
  // The store's own loader, before the player intercepts lesson files (see install).
  let loadPlain = app.getState().loadScenario;

  const get = () => store.getState();
  const set = (patch: Partial<PlayerState>) => store.setState(patch);

  /** Put the app store at the frame: its engine at the clock, its projection exactly events 0..p. */
  function show(frame: Frame) {
    driving = true;
    try {
      const s = app.getState();
      if (s.playing) s.pause();
      s.seek(frame.clock);
      const view = frameOfView(frame.view);
      const index = buildViewIndex(view, app.getState().index);
      app.setState({
        view,
        index,
        events: frame.events,
        horizon: frame.events,
        decisions: latestDecisions({}, [], frame.events),
      });
      shown = view;
    } finally {
      driving = false;
    }
  }

  const frameOf = (stop: Stop) => frames!.frame(stop.cursor, stop.clock);

  function focusFor(stop: Stop | undefined) {
    const l = get().lesson;
    const step = stop && l ? l.lesson.steps[stop.step] : undefined;
    driving = true;
    app.getState().setFocus(step?.focus ?? []);
    driving = false;
  }

  function arrive(target: number, answer: PlayerState['answer']) {
    const { stops, lesson, preview } = get();
    const stop = stops[target]!;
    const frame = frameOf(stop);
    // At a question's pause the countdowns would give the answer away ("PendingTimeout in 180 s"):
    // the learner predicts from what has happened, not from the engine's deadlines.
    show(stop.phase === 'ask' ? { ...frame, view: { ...frame.view, timers: [] } } : frame);
    focusFor(stop);
    set({ index: target, chosen: null, answer, caption: null, animating: false });
    if (lesson && !preview) {
      if (answer) recordAnswer(lesson.lesson.id, stop.step, answer.right);
      if (nextStop(stops, target) === null) recordFinished(lesson.lesson.id);
    }
  }

  function cancelAnimation() {
    if (anim?.id != null) deps.caf(anim.id);
    anim = null;
  }

  /** Play from the current stop to `target`, animating the changes, in about 1.2 s of wall time at most. */
  function playTo(target: number, answer: PlayerState['answer']) {
    const { stops, index, lesson } = get();
    const from = stops[index];
    const to = stops[target];
    if (!lesson || !from || !to) return;
    const kfs = keyframes(lesson.events, from, to);
    const times = schedule(kfs.length);
    const captions = captionsBetween(stops, index, target);
    const t0 = deps.now();
    let lastKey = '';
    let lastCursor = from.cursor;
    let lastShown = -Infinity;
    set({ animating: true });
    const finish = () => {
      cancelAnimation();
      arrive(target, answer);
    };
    const tick = () => {
      if (!anim) return;
      anim.id = null;
      const el = deps.now() - t0;
      let k = -1;
      while (k + 1 < kfs.length && times[k + 1]! <= el) k++;
      if (k >= kfs.length - 1) return finish();
      // Between keyframes the clock runs on from the last one shown (nothing happens in between).
      // 0 ≤ k < kfs.length − 1 here, and `times` has one entry per keyframe.
      const prev = k >= 0 ? kfs[k]! : { cursor: from.cursor, clock: from.clock };
      const next = kfs[k + 1]!;
      const prevTime = k >= 0 ? times[k]! : 0;
      const frac = Math.min(1, (el - prevTime) / Math.max(1, times[k + 1]! - prevTime));
      const clock = Math.max(prev.clock, Math.floor(prev.clock + (next.clock - prev.clock) * frac));
      const safeClock = next.clock > prev.clock && clock >= next.clock ? next.clock - 1 : clock;
      // A new keyframe is shown at once; the running clock alone at most every 60 ms (each frame
      // re-renders the whole screen).
      const due = prev.cursor !== lastCursor || el - lastShown >= 60;
      const key = `${prev.cursor}:${safeClock}`;
      if (key !== lastKey && due) {
        lastKey = key;
        lastCursor = prev.cursor;
        lastShown = el;
        show(frames!.frame(prev.cursor, Math.max(safeClock, prev.clock)));
        const passed = captions.filter((c) => c.cursor <= prev.cursor && c.clock <= safeClock).at(-1);
        if (passed) {
          const step = lesson.lesson.steps[passed.step]!;
          set({ caption: 'say' in step ? step.say : null });
        }
      }
      if (anim) anim.id = deps.raf(tick);
    };
    anim = { id: null, target, finish };
    anim.id = deps.raf(tick);
  }

  function leave(because: string) {
    cancelAnimation();
    set({ status: 'left', animating: false, caption: null, leftBecause: because });
    driving = true;
    app.getState().setFocus([]);
    driving = false;
  }

  const describeChange = (s: AppState, prev: AppState): string => {
    if (s.actions !== prev.actions && s.actions.length > prev.actions.length) {
      const a = s.actions.at(-1)!;
      const what = Object.entries(a.action)
        .filter(([k]) => k !== 'action')
        .map(([, v]) => String(v))
        .join(' ');
      return `You applied ${a.action.action}${what ? ` (${what})` : ''} at t = ${fmt(a.at)}`;
    }
    if (s.playing) return `You pressed Play at t = ${fmt(prev.view.t)}`;
    return `You moved the time to t = ${fmt(s.view.t)}`;
  };

  const onAppChange = (s: AppState, prev: AppState) => {
    if (driving || get().status !== 'playing') return;
    const lesson = get().lesson;
    if (s.source !== lesson?.source) {
      // Another scenario was opened: the lesson is over.
      cancelAnimation();
      set({ status: 'idle', lesson: null, animating: false, caption: null });
      return;
    }
    if (s.actions !== prev.actions || (s.playing && !prev.playing) || (s.view !== prev.view && s.view !== shown)) {
      leave(describeChange(s, prev));
    }
  };

  const api = {
    store,
    /** Validate and open; an invalid lesson is reported in the app's load error and nothing else changes. */
    open(source: unknown, origin: string, opts: { preview?: boolean; at?: number } = {}): boolean {
      const r = validateLesson(source);
      if (!r.ok) {
        app.setState({ loadError: { origin, issues: r.issues } });
        return false;
      }
      cancelAnimation();
      driving = true;
      try {
        if (!loadPlain.call(null, source, { origin })) return false;
      } finally {
        driving = false;
      }
      const c = r.value;
      frames = createFrameSource(createSimulation, app.getState().scenario, c.events);
      const stops = buildStops(c.lesson, c.positions);
      set({
        status: 'playing',
        lesson: c,
        stops,
        index: 0,
        chosen: null,
        answer: null,
        caption: null,
        animating: false,
        preview: !!opts.preview,
        leftBecause: null,
      });
      // `at`: a stop to resume at (after a reload); a reveal resumes at its question's pause.
      const at = opts.at !== undefined && opts.at >= 0 && opts.at < stops.length && stops[opts.at]!.hold ? opts.at : -1;
      arrive(at < 0 ? firstStop(stops) : stops[at]!.phase === 'reveal' ? at - 1 : at, null);
      return true;
    },

    continue() {
      const s = get();
      if (s.status !== 'playing') return;
      if (anim) return anim.finish();
      const stop = s.stops[s.index];
      if (stop?.phase === 'ask') {
        if (s.chosen === null || !s.lesson) return;
        const step = s.lesson.lesson.steps[stop.step]!;
        const right = isQuestion(step) && step.answer === s.chosen;
        return playTo(s.index + 1, { choice: s.chosen, right });
      }
      const target = nextStop(s.stops, s.index);
      if (target !== null) playTo(target, null);
    },

    back() {
      const s = get();
      if (s.status !== 'playing') return;
      if (anim) {
        // Back while playing: return to where the play started, as it was shown.
        cancelAnimation();
        return arrive(s.index, s.answer);
      }
      const target = previousStop(s.stops, s.index);
      if (target !== null) arrive(target, null);
    },

    choose(choice: number) {
      const s = get();
      if (s.status === 'playing' && !anim && s.stops[s.index]?.phase === 'ask') set({ chosen: choice });
    },

    /** Back from the playground to the stop where the lesson was left, exactly as it was. */
    resume() {
      const s = get();
      if (s.status !== 'left' || !s.lesson) return;
      driving = true;
      try {
        loadPlain.call(null, s.lesson.source, { origin: s.lesson.lesson.title });
      } finally {
        driving = false;
      }
      frames = createFrameSource(createSimulation, app.getState().scenario, s.lesson.events);
      set({ status: 'playing', leftBecause: null });
      arrive(s.index, s.stops[s.index]!.phase === 'reveal' ? s.answer : null);
    },

    /** Load a scenario as a plain playground (what the recorder edits), not as a lesson. */
    loadPlain(source: unknown, origin: string): boolean {
      api.close();
      return loadPlain.call(null, source, { origin });
    },

    close() {
      cancelAnimation();
      set({ status: 'idle', lesson: null, animating: false, caption: null, leftBecause: null });
      driving = true;
      app.getState().setFocus([]);
      driving = false;
    },

    /** The lesson's scenario in Simulate, from t = 0, as a plain playground. */
    openInSimulate() {
      const l = get().lesson;
      api.close();
      if (l) loadPlain.call(null, l.source, { origin: l.lesson.title });
    },

    /** Route lesson files opened through the app's own paths (Open scenario…, drop) to the player. */
    install(): () => void {
      loadPlain = app.getState().loadScenario;
      const original = loadPlain;
      const unsubscribe = app.subscribe(onAppChange);
      app.setState({
        loadScenario: (source, opts) => {
          if (!driving && hasLesson(source)) return api.open(source, opts?.origin ?? 'the lesson');
          return original(source, opts);
        },
      });
      return () => {
        app.setState({ loadScenario: original });
        unsubscribe();
        cancelAnimation();
      };
    },
  };
  return api;
}
