import { describe, expect, it } from 'vitest';
import { runScenario, validateScenario } from '../engine';
import type { TraceEvent } from '../engine';
import { eventMatches } from './match';
import { lessonFile, matcherFromEvent, mergeScript, parseTriggerText, triggerText } from './record';
import { BUILTIN_LESSONS } from './builtins';

describe('recording helpers', () => {
  it('a matcher from an event picks out that very event among the trace (and not an earlier look-alike)', () => {
    const v = validateScenario(BUILTIN_LESSONS[4]!.source);
    if (!v.ok) throw new Error('L05');
    const events = runScenario(v.scenario).events;
    events.forEach((e, i) => {
      const m = matcherFromEvent(e);
      expect(m).not.toHaveProperty('reason');
      expect(events.findIndex((x) => eventMatches(x, m))).toBeLessThanOrEqual(i);
      expect(eventMatches(e, m)).toBe(true);
    });
    const action = events.find((e) => e.type === 'action')!;
    expect(matcherFromEvent(action)).toEqual({
      type: 'action',
      t: 60_000,
      action: { action: 'failResource', resource: 'SQL Server' },
    });
  });

  it('trigger text round-trips', () => {
    expect(parseTriggerText(triggerText('start'))).toEqual({ ok: true, value: 'start' });
    expect(parseTriggerText(triggerText({ at: 5 }))).toEqual({ ok: true, value: { at: 5 } });
    expect(parseTriggerText('{oops')).toMatchObject({ ok: false });
  });

  it("the trainer's actions join the script after the entries of their instant", () => {
    const script = [
      { at: 10, action: 'heal', resource: 'A' },
      { at: 30, action: 'heal', resource: 'B' },
    ];
    const merged = mergeScript(script, [
      { at: 10, action: { action: 'crashNode', node: 'N1' } },
      { at: 20, action: { action: 'startNode', node: 'N1' } },
    ]);
    expect(merged).toEqual([
      { at: 10, action: 'heal', resource: 'A' },
      { at: 10, action: 'crashNode', node: 'N1' },
      { at: 20, action: 'startNode', node: 'N1' },
      { at: 30, action: 'heal', resource: 'B' },
    ]);
  });

  it('the lesson file keeps the scenario and its other ui data, and replaces an old lesson', () => {
    const src = { format: 'failover-scenario@1', name: 'X', ui: { positions: { a: 1 }, lesson: { id: 'old' } } };
    const f = lessonFile(src, [], { id: 'new' });
    expect(f).toEqual({ format: 'failover-scenario@1', name: 'X', ui: { positions: { a: 1 }, lesson: { id: 'new' } } });
    expect(src.ui.lesson.id).toBe('old');
  });

  it("an action event's matcher drops the script entry's at", () => {
    const e = { t: 5, type: 'action', action: { action: 'heal', resource: 'R', at: 5 }, reason: 'x' } as TraceEvent;
    expect(matcherFromEvent(e)).toEqual({ type: 'action', t: 5, action: { action: 'heal', resource: 'R' } });
  });
});
