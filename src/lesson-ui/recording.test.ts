import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine';
import { draftLesson, recordingFile, recordingFromFile, triggerHere, type Recording } from './recording';

const rec = (): Recording => ({
  key: 'k',
  id: 'my-lesson',
  title: 'Mine',
  objective: '',
  steps: [
    { kind: 'beat', key: 1, trigger: 'start', say: 'Hello', hold: true, focus: '' },
    {
      kind: 'question',
      key: 2,
      trigger: '{"type":"action","t":10}',
      ask: 'Where?',
      choices: 'A\n\n B \n',
      answer: 1,
      revealOn: '{"type":"group.owner"}',
      why: 'Because',
      focus: 'Web, A',
    },
    { kind: 'beat', key: 3, trigger: '{"at":40}', say: 'Bye', hold: false, focus: '' },
  ],
});

describe('recording drafts', () => {
  it('become ui.lesson: JSON triggers, one choice per line, focus names, hold only when false', () => {
    expect(draftLesson(rec())).toEqual({
      ok: true,
      lesson: {
        id: 'my-lesson',
        title: 'Mine',
        steps: [
          { on: 'start', say: 'Hello' },
          {
            pauseAfter: { type: 'action', t: 10 },
            ask: 'Where?',
            choices: ['A', 'B'],
            answer: 1,
            revealOn: { type: 'group.owner' },
            why: 'Because',
            focus: ['Web', 'A'],
          },
          { on: { at: 40 }, say: 'Bye', hold: false },
        ],
      },
    });
  });

  it('a field that is not JSON is reported at its lesson path', () => {
    const r = rec();
    (r.steps[1] as { revealOn: string }).revealOn = '{"type":';
    const d = draftLesson(r);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.issues[0]!.path).toBe('ui.lesson.steps[1].revealOn');
  });

  it('the file carries the actions as script; a saved file gives the drafts back', () => {
    const built = recordingFile(rec(), { format: 'failover-scenario@1', name: 'S' }, [
      { at: 10, action: { action: 'crashNode', node: 'A' } },
    ]);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.file.script).toEqual([{ at: 10, action: 'crashNode', node: 'A' }]);
    const back = recordingFromFile('k', built.file)!;
    expect(draftLesson(back)).toEqual(draftLesson(rec()));
  });

  it('"here": start for a first step at t = 0, else the event on screen, else the time', () => {
    const e = { t: 5, type: 'group.state', group: 'G', from: 'Pending', to: 'Online', reason: 'x' } as TraceEvent;
    expect(triggerHere([e], 0, true)).toBe('start');
    expect(triggerHere([e], 5, false)).toBe('{"type":"group.state","t":5,"group":"G","from":"Pending","to":"Online"}');
    expect(triggerHere([], 7, false)).toBe('{"at":7}');
  });
});

describe('the recorded run', () => {
  it("is the current branch's scenario (its edited script and run length) and the actions applied so far", async () => {
    const { recordedRun } = await import('./recording');
    const source = { format: 'failover-scenario@1', name: 'S', script: [], until: 10 };
    const s = {
      source,
      branchId: 'b2',
      branches: [
        { id: 'b1', script: [], until: 10 },
        { id: 'b2', script: [{ at: 5, action: 'heal', resource: 'R' }], until: 99 },
      ],
      actions: [
        { at: 1, action: { action: 'crashNode', node: 'A' } },
        { at: 7, action: { action: 'startNode', node: 'A' } },
      ],
      appliedCount: 1,
    } as unknown as Parameters<typeof recordedRun>[0];
    expect(recordedRun(s)).toEqual({
      source: { ...source, script: [{ at: 5, action: 'heal', resource: 'R' }], until: 99 },
      actions: [{ at: 1, action: { action: 'crashNode', node: 'A' } }],
    });
  });
});
