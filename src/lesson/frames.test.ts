import { describe, expect, it } from 'vitest';
import { createSimulation, validateScenario } from '../engine';
import type { ClusterView } from '../engine';
import { BUILTIN_LESSONS } from './builtins';
import { createFrameSource } from './frames';
import { validateLesson } from './validate';

const checked = (id: string) => {
  const r = validateLesson(BUILTIN_LESSONS.find((b) => b.id === id)!.source);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

/** What the table shows: state and owner of every row. */
const table = (v: ClusterView) => ({
  nodes: v.nodes.map((n) => [n.name, n.state]),
  groups: v.groups.map((g) => [g.name, g.state, g.owner]),
  resources: v.resources.map((r) => [r.name, r.state]),
});

describe('lesson frames: the screen shows exactly events 0..p', () => {
  it.each(BUILTIN_LESSONS.map((b) => b.id))(
    "%s: at the end of every instant, the states are the engine's own",
    (id) => {
      const c = checked(id);
      const frames = createFrameSource(createSimulation, c.scenario, c.events);
      const sim = createSimulation(c.scenario);
      for (let p = 0; p < c.events.length; p++) {
        const last = p + 1 === c.events.length || c.events[p + 1]!.t > c.events[p]!.t;
        if (!last) continue;
        sim.advanceTo(c.events[p]!.t);
        const f = frames.frame(p);
        expect(table(f.view)).toEqual(table(sim.view()));
        expect(f.view.localTime).toBe(sim.view().localTime);
        expect(f.events).toHaveLength(p + 1);
      }
    },
  );

  it('before the first event (p = −1): nothing has started, t = 0, no timers and no faults', () => {
    const c = checked('L03'); // the share's Online stall is injected by a script action at t = 0
    const f = createFrameSource(createSimulation, c.scenario, c.events).frame(-1);
    expect(f.events).toEqual([]);
    expect(f.view.t).toBe(0);
    expect(f.view.timers).toEqual([]);
    expect(f.view.resources.every((r) => r.state === 'Offline' && r.node === null)).toBe(true);
    expect(f.view.groups.map((g) => [g.state, g.owner])).toEqual([['Offline', 'N1']]);
    expect(f.view.resources.find((r) => r.name === 'Files Share')!.faults.online).toBe('ok');
  });

  it('a stop between two events of one instant shows the first ones only (L05: the failover refused at 240 s)', () => {
    const c = checked('L05');
    const q = c.positions[5]!;
    expect(q.kind).toBe('question');
    if (q.kind !== 'question') return;
    // The pause (the failResource action) and the reveal (FailoverThresholdExceeded) share t = 240 s.
    expect(c.events[q.at]!.t).toBe(c.events[q.reveal]!.t);
    const frames = createFrameSource(createSimulation, c.scenario, c.events);
    const f = frames.frame(q.at);
    expect(f.clock).toBe(240_000);
    expect(f.events.at(-1)).toMatchObject({ type: 'action', action: { action: 'failResource' } });
    // The resource has not failed yet on screen, although the engine failed it at this instant.
    expect(f.view.resources.find((r) => r.name === 'SQL Server')!.state).toBe('Online');
    const at = frames.frame(q.reveal);
    expect(at.view.resources.find((r) => r.name === 'SQL Server')!.state).toBe('Failed');
    // Timers and counters come from before the instant: nothing armed later is shown.
    const before = createSimulation(c.scenario);
    before.advanceTo(239_999);
    expect(f.view.timers).toEqual(before.view().timers);
  });

  it('a timer that fired in the part of the instant shown is gone (L01: App Server Online at 5 s)', () => {
    const c = checked('L01');
    const q = c.positions[3]!;
    if (q.kind !== 'question') throw new Error('L01 step 3');
    const f = createFrameSource(createSimulation, c.scenario, c.events).frame(q.reveal);
    expect(f.view.resources.find((r) => r.name === 'App Server')!.state).toBe('Online');
    expect(f.view.timers.filter((t) => t.subject === 'App Server')).toEqual([]);
  });

  it("a resource's owner is the node of its last resource.state shown, a group's its owner after the last group.owner", () => {
    const c = checked('L05');
    const frames = createFrameSource(createSimulation, c.scenario, c.events);
    const owner = c.positions[4]!; // group.owner SQL N1 → N2, before its resources start on N2
    const f = frames.frame(owner.at);
    expect(f.view.groups[0]!.owner).toBe('N2');
    expect(f.view.resources.map((r) => [r.name, r.node])).toEqual([
      ['SQL Disk', 'N1'],
      ['SQL Server', 'N1'],
    ]);
  });

  it('an {at} stop shows the events before MS with the clock at MS; frames can go back and forth', () => {
    const v = validateScenario(BUILTIN_LESSONS[8]!.source); // L09: two hours
    if (!v.ok) throw new Error('L09');
    const c = checked('L09');
    const frames = createFrameSource(createSimulation, v.scenario, c.events);
    const first = c.events.findIndex((e) => e.t >= 600_000);
    const f = frames.frame(first - 1, 600_000);
    expect(f.view.t).toBe(600_000);
    expect(f.view.localTime).toBe('21:10:00');
    expect(f.events.every((e) => e.t < 600_000)).toBe(true);
    const later = frames.frame(c.events.length - 1);
    const again = frames.frame(first - 1, 600_000);
    expect(table(again.view)).toEqual(table(f.view));
    expect(later.view.t).toBe(c.events.at(-1)!.t);
  });
});
