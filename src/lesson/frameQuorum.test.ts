/**
 * The quorum line at a lesson frame (the canvas's quorum banner reads it) agrees with the nodes and
 * votes shown, also at a stop in the middle of an instant, where the rest of the frame already shows
 * that instant's first events.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine';
import type { ClusterView, TraceEvent } from '../engine';
import { BUILTIN_LESSONS } from './builtins';
import { createFrameSource } from './frames';
import { buildStops } from './player';
import { validateLesson } from './validate';

const checked = (id: string) => {
  const r = validateLesson(BUILTIN_LESSONS.find((b) => b.id === id)!.source);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

/** Events that can change votes held, the total, quorum or the witness. */
const touchesQuorum = (e: TraceEvent) =>
  e.type === 'quorum.vote' ||
  e.type === 'node.state' ||
  (e.type === 'policy' && (e.rule === 'QuorumLost' || e.rule === 'QuorumRegained')) ||
  (e.type === 'action' && (e.action.action === 'failWitness' || e.action.action === 'restoreWitness'));

/** Votes held by what the nodes on screen show (§4.7): voters Up or Paused, plus the witness. */
const heldShown = (v: ClusterView) =>
  v.quorum.hasQuorum
    ? v.nodes.filter((n) => n.vote === 1 && (n.state === 'Up' || n.state === 'Paused')).length + v.quorum.witness.vote
    : 0;

describe('lesson frames: the quorum line', () => {
  it.each(BUILTIN_LESSONS.map((b) => b.id))(
    "%s: at every event it counts the votes shown, and it is the engine's own once the instant's quorum changes are all shown",
    (id) => {
      const c = checked(id);
      const frames = createFrameSource(createSimulation, c.scenario, c.events);
      const sim = createSimulation(c.scenario);
      for (let p = 0; p < c.events.length; p++) {
        const t = c.events[p]!.t;
        const f = frames.frame(p);
        expect(f.view.quorum.votes, `${id} event ${p}`).toBe(heldShown(f.view));
        let rest = p + 1;
        while (rest < c.events.length && c.events[rest]!.t === t && !touchesQuorum(c.events[rest]!)) rest++;
        const settled = rest === c.events.length || c.events[rest]!.t > t;
        if (!settled) continue;
        sim.advanceTo(t);
        expect(f.view.quorum, `${id} event ${p} at t=${t}`).toEqual(sim.view().quorum);
      }
    },
  );

  it('L12: at the stop where N3 is declared Down (70 s), 2 of 3 votes are held, before dynamic quorum drops any', () => {
    const c = checked('L12');
    const frames = createFrameSource(createSimulation, c.scenario, c.events);
    const stops = buildStops(c.lesson, c.positions);
    const down = stops.find((s) => s.step === 1)!;
    const f = frames.frame(down.cursor, down.clock);
    expect(f.clock).toBe(70_000);
    expect(f.view.nodes.map((n) => [n.name, n.state, n.vote])).toEqual([
      ['N1', 'Up', 1],
      ['N2', 'Up', 1],
      ['N3', 'Down', 1],
    ]);
    expect(f.view.quorum).toMatchObject({ hasQuorum: true, votes: 2, total: 3 });
    // The next stop, same instant, shows N2's vote removed (the even rule) but not yet N3's: N1 holds
    // 1 of the 2 votes still in the set (N1's and N3's); the engine's trace removes N3's right after.
    const even = stops.find((s) => s.step === 2)!;
    expect(frames.frame(even.cursor, even.clock).view.quorum).toMatchObject({ hasQuorum: true, votes: 1, total: 2 });
    expect(frames.frame(even.cursor + 1, even.clock).view.quorum).toMatchObject({ votes: 1, total: 1 });
  });

  it('L12: at the reveal of the regained quorum (215 s) the line is no longer "0 votes held"', () => {
    const c = checked('L12');
    const frames = createFrameSource(createSimulation, c.scenario, c.events);
    const reveal = buildStops(c.lesson, c.positions).find((s) => s.step === 5 && s.phase === 'reveal')!;
    const q = frames.frame(reveal.cursor, reveal.clock).view.quorum;
    expect(q.hasQuorum).toBe(true);
    expect(q.votes).toBeGreaterThan(q.total / 2);
  });
});
