/**
 * Recording a lesson in Simulate: narrate at the moment on screen (a matcher built from the event
 * shown last, editable) or at a time, ask a question and set its reveal to a later event, reorder,
 * edit and delete steps, preview in the player, export the file and copy its #lesson= link.
 */
import { useState } from 'react';
import { useAppStoreApi } from '../store/context';
import { encodeLessonHash } from '../lesson/link';
import { matcherFromEvent, triggerText } from '../lesson/record';
import { validateLesson } from '../lesson/validate';
import type { LessonIssue } from '../lesson/types';
import {
  newKey,
  recordedRun,
  recordingFile,
  splitChoices,
  triggerHere,
  type DraftStep,
  type Recording,
} from './recording';

interface Props {
  recording: Recording;
  onChange: (r: Recording) => void;
  onPreview: (file: unknown) => void;
  onSave: (file: unknown) => void;
  onStop: () => void;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function Recorder({ recording: r, onChange, onPreview, onSave, onStop }: Props) {
  const api = useAppStoreApi();
  const [issues, setIssues] = useState<LessonIssue[]>([]);
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const patch = (p: Partial<Recording>) => onChange({ ...r, ...p });
  const setStep = (i: number, p: Partial<DraftStep>) =>
    patch({ steps: r.steps.map((s, k) => (k === i ? ({ ...s, ...p } as DraftStep) : s)) });
  const here = () => {
    const s = api.getState();
    return triggerHere(s.events, s.view.t, r.steps.length === 0);
  };
  const add = (step: DraftStep) => patch({ steps: [...r.steps, step] });
  const move = (i: number, d: -1 | 1) => {
    const steps = r.steps.slice();
    const a = steps[i];
    const b = steps[i + d];
    if (a === undefined || b === undefined) return; // the first step has no "up", the last no "down"
    [steps[i], steps[i + d]] = [b, a];
    patch({ steps });
  };

  /** The file, checked as a lesson: on any problem, the `path: message` lines and nothing else. */
  const checkedFile = (): unknown => {
    const run = recordedRun(api.getState());
    const built = recordingFile(r, run.source, run.actions);
    if (!built.ok) {
      setIssues(built.issues);
      return null;
    }
    const v = validateLesson(built.file);
    setIssues(v.ok ? [] : v.issues);
    return v.ok ? built.file : null;
  };

  return (
    <aside className="recorder" role="region" aria-label="Lesson recorder">
      <div className="recorder-head">
        <h2>Recording a lesson</h2>
        <button type="button" onClick={onStop}>
          Stop recording
        </button>
      </div>
      <p className="muted">
        Play the scenario and inject faults as usual: they become the lesson&apos;s script. Add a step at the moment on
        screen.
      </p>
      <div className="recorder-meta">
        <label>
          Id <input value={r.id} onChange={(e) => patch({ id: e.target.value })} aria-label="Lesson id" />
        </label>
        <label>
          Title <input value={r.title} onChange={(e) => patch({ title: e.target.value })} aria-label="Lesson title" />
        </label>
        <label>
          Objective{' '}
          <input
            value={r.objective}
            onChange={(e) => patch({ objective: e.target.value })}
            aria-label="Lesson objective"
          />
        </label>
      </div>
      <div className="recorder-add">
        <button
          type="button"
          onClick={() => add({ kind: 'beat', key: newKey(), trigger: here(), say: '', hold: true, focus: '' })}
        >
          Narrate here
        </button>
        <button
          type="button"
          onClick={() =>
            add({
              kind: 'beat',
              key: newKey(),
              trigger: triggerText({ at: api.getState().view.t }),
              say: '',
              hold: true,
              focus: '',
            })
          }
        >
          Narrate at this time
        </button>
        <button
          type="button"
          onClick={() =>
            add({
              kind: 'question',
              key: newKey(),
              trigger: here(),
              ask: '',
              choices: '',
              answer: 0,
              revealOn: '',
              why: '',
              focus: '',
            })
          }
        >
          Ask a question here
        </button>
      </div>
      <ol className="recorder-steps">
        {r.steps.map((s, i) => {
          const n = i + 1;
          return (
            <li key={s.key} className="recorder-step" aria-label={`Step ${n}`}>
              <div className="recorder-step-head">
                <strong>
                  Step {n} · {s.kind}
                </strong>
                <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move step ${n} up`}>
                  ↑
                </button>
                <button
                  type="button"
                  onClick={() => move(i, 1)}
                  disabled={i === r.steps.length - 1}
                  aria-label={`Move step ${n} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  onClick={() => patch({ steps: r.steps.filter((_, k) => k !== i) })}
                  aria-label={`Delete step ${n}`}
                >
                  Delete
                </button>
              </div>
              <label>
                {s.kind === 'beat' ? 'When' : 'Pause after'}
                <textarea
                  rows={2}
                  value={s.trigger}
                  onChange={(e) => setStep(i, { trigger: e.target.value })}
                  aria-label={`Trigger of step ${n}`}
                />
              </label>
              {s.kind === 'beat' ? (
                <>
                  <label>
                    Narration
                    <textarea
                      rows={3}
                      value={s.say}
                      onChange={(e) => setStep(i, { say: e.target.value })}
                      aria-label={`Narration of step ${n}`}
                    />
                  </label>
                  <label className="inline">
                    <input
                      type="checkbox"
                      checked={!s.hold}
                      onChange={(e) => setStep(i, { hold: !e.target.checked })}
                    />{' '}
                    caption only (keep playing)
                  </label>
                </>
              ) : (
                <>
                  <label>
                    Question
                    <textarea
                      rows={2}
                      value={s.ask}
                      onChange={(e) => setStep(i, { ask: e.target.value })}
                      aria-label={`Question of step ${n}`}
                    />
                  </label>
                  <label>
                    Choices (one per line)
                    <textarea
                      rows={3}
                      value={s.choices}
                      onChange={(e) => setStep(i, { choices: e.target.value })}
                      aria-label={`Choices of step ${n}`}
                    />
                  </label>
                  <label>
                    Right answer{' '}
                    <select
                      value={s.answer}
                      onChange={(e) => setStep(i, { answer: Number(e.target.value) })}
                      aria-label={`Right answer of step ${n}`}
                    >
                      {splitChoices(s.choices).map((c, k) => (
                        <option key={k} value={k}>
                          {c}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Revealed by
                    <textarea
                      rows={2}
                      value={s.revealOn}
                      onChange={(e) => setStep(i, { revealOn: e.target.value })}
                      aria-label={`Reveal event of step ${n}`}
                    />
                  </label>
                  <button
                    type="button"
                    onClick={() => {
                      const last = api.getState().events.at(-1);
                      if (last) setStep(i, { revealOn: triggerText(matcherFromEvent(last)) });
                    }}
                  >
                    Reveal at the event on screen
                  </button>
                  <label>
                    Why
                    <textarea
                      rows={3}
                      value={s.why}
                      onChange={(e) => setStep(i, { why: e.target.value })}
                      aria-label={`Why of step ${n}`}
                    />
                  </label>
                </>
              )}
              <label>
                Focus (names, comma-separated)
                <input
                  value={s.focus}
                  onChange={(e) => setStep(i, { focus: e.target.value })}
                  aria-label={`Focus of step ${n}`}
                />
              </label>
            </li>
          );
        })}
      </ol>
      {issues.length > 0 && (
        <div role="alert" className="notice error" aria-label="Lesson problems">
          <ul>
            {issues.map((x, k) => (
              <li key={k}>
                <code>{x.path}</code>: {x.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="recorder-out">
        <button
          type="button"
          className="primary"
          onClick={() => {
            const f = checkedFile();
            if (f) onPreview(f);
          }}
        >
          Preview
        </button>
        <button
          type="button"
          onClick={() => {
            const f = checkedFile();
            if (!f) return;
            download(`${r.id || 'lesson'}.json`, `${JSON.stringify(f, null, 2)}\n`);
            onSave(f);
            setStatus('Lesson file exported');
          }}
        >
          Export lesson file
        </button>
        <button
          type="button"
          onClick={async () => {
            const f = checkedFile();
            if (!f) return;
            const url = `${location.origin}${location.pathname}${encodeLessonHash(f)}`;
            setLink(url);
            onSave(f);
            try {
              await navigator.clipboard.writeText(url);
              setStatus('Lesson link copied');
            } catch {
              setStatus('Clipboard blocked: copy the link from the field');
            }
          }}
        >
          Copy lesson link
        </button>
        <span role="status" className="muted">
          {status}
        </span>
      </div>
      {link && (
        <input
          className="share-link"
          readOnly
          aria-label="Lesson link"
          value={link}
          onFocus={(e) => e.target.select()}
        />
      )}
    </aside>
  );
}
