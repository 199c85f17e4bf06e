/** The lesson list: title, objective, length, and progress kept in this browser; plus opening a file. */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { BUILTIN_LESSONS } from '../lesson/builtins';
import { allProgress, subscribeProgress } from './progress';
import type { SavedLessonMeta } from './recordingStorage';

export function LessonList({
  onStart,
  onOpenText,
  onClose,
  saved,
  onOpenSaved,
  onEditSaved,
}: {
  onStart: (id: string) => void;
  onOpenText: (text: string, origin: string) => void;
  onClose: () => void;
  saved: SavedLessonMeta[];
  onOpenSaved: (id: string) => void;
  onEditSaved: (id: string) => void;
}) {
  const progress = useSyncExternalStore(subscribeProgress, allProgress);
  const file = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.querySelector<HTMLButtonElement>('.lesson-card button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="lesson-list-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="lesson-list" role="dialog" aria-modal="true" aria-label="Lessons" ref={dialog}>
        <div className="lesson-list-head">
          <h2>Lessons</h2>
          <button type="button" onClick={() => file.current?.click()}>
            Open lesson file…
          </button>
          <input
            ref={file}
            type="file"
            accept=".json,application/json"
            aria-label="Lesson file"
            className="visually-hidden"
            tabIndex={-1}
            onChange={async (e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) onOpenText(await f.text(), `"${f.name}"`);
            }}
          />
          <button type="button" onClick={onClose} aria-label="Close the lesson list">
            ✕
          </button>
        </div>
        <ol className="lesson-cards">
          {BUILTIN_LESSONS.map((b) => {
            const p = progress[b.id];
            const right = p ? Object.values(p.answers).filter(Boolean).length : 0;
            return (
              <li key={b.id} className="lesson-card" aria-label={`${b.id} ${b.title}`}>
                <h3>
                  <span className="muted">{b.id}</span> {b.title}
                </h3>
                <p className="lesson-objective">{b.objective}</p>
                <p className="lesson-meta">
                  <span>
                    {b.steps} steps · {b.questions} question{b.questions === 1 ? '' : 's'}
                  </span>
                  <span className="lesson-progress" data-testid={`progress-${b.id}`}>
                    {p?.finished ? '✓ Finished' : p && Object.keys(p.answers).length ? 'Started' : 'Not started'}
                    {p && Object.keys(p.answers).length
                      ? ` · ${right} of ${b.questions} question${b.questions === 1 ? '' : 's'} right`
                      : ''}
                  </span>
                </p>
                <button type="button" onClick={() => onStart(b.id)} aria-label={`Start ${b.id} ${b.title}`}>
                  {p?.finished ? 'Play again' : 'Start'}
                </button>
              </li>
            );
          })}
        </ol>
        {saved.length > 0 && (
          <>
            <h3 className="lesson-saved-head">Your recorded lessons</h3>
            <ul className="lesson-saved">
              {saved.map((m) => (
                <li key={m.id}>
                  <span className="lesson-saved-title">{m.title}</span> <span className="muted">{m.steps} steps</span>{' '}
                  <button type="button" onClick={() => onOpenSaved(m.id)} aria-label={`Play ${m.title}`}>
                    Play
                  </button>{' '}
                  <button type="button" onClick={() => onEditSaved(m.id)} aria-label={`Edit ${m.title}`}>
                    Edit
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
