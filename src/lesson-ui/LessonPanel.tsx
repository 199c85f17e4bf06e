/** The "Lesson" region: the step's text, "3 / 9", Continue and Back, questions and their reveal. */
import type { CSSProperties } from 'react';
import { useStore } from 'zustand';
import type { Player } from './controller';
import { RichText } from './RichText';
import { isQuestion } from '../lesson/types';
import { nextStop, previousStop } from '../lesson/player';

export function LessonPanel({ player }: { player: Player }) {
  const s = useStore(player.store);
  if (!s.lesson) return null;
  const { lesson } = s.lesson;
  const title = `${lesson.id} · ${lesson.title}`;

  if (s.status === 'left') {
    return (
      <section className="lesson-panel is-left" role="region" aria-label="Lesson">
        <div className="lesson-head">
          <span className="lesson-title">{title}</span>
        </div>
        <p className="lesson-text" role="status">
          {s.leftBecause}: you left the lesson, and this is the playground now.
        </p>
        <div className="lesson-buttons">
          <button type="button" className="primary" onClick={() => player.resume()}>
            Return to the lesson
          </button>
          <button type="button" onClick={() => player.close()}>
            Close lesson
          </button>
        </div>
      </section>
    );
  }

  const stop = s.stops[s.index]!;
  const step = lesson.steps[stop.step]!;
  const atEnd = nextStop(s.stops, s.index) === null && !s.animating;
  const canBack = previousStop(s.stops, s.index) !== null || s.animating;
  const question = isQuestion(step) ? step : null;
  const asking = stop.phase === 'ask' && question;
  const revealed = stop.phase === 'reveal' && question ? s.answer : null;
  const continueDisabled = !s.animating && ((asking && s.chosen === null) || atEnd);

  return (
    <section
      className="lesson-panel"
      role="region"
      aria-label="Lesson"
      aria-busy={s.animating}
      data-stop={`${stop.step}:${stop.phase}`}
    >
      <div className="lesson-head">
        <span className="lesson-title">{title}</span>
        <span className="lesson-stepno" aria-label="Step number" data-testid="lesson-step">
          {stop.step + 1} / {lesson.steps.length}
        </span>
        <div
          className="lesson-buttons"
          title="Keyboard and clicker: Space, → or PageDown to continue; ← or PageUp to go back"
        >
          <button type="button" onClick={() => player.back()} disabled={!canBack} aria-label="Back">
            ‹ Back
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => player.continue()}
            disabled={!!continueDisabled}
            aria-label="Continue"
            title={asking && s.chosen === null ? 'Choose an answer first' : undefined}
          >
            Continue ›
          </button>
          {atEnd && (
            <button type="button" onClick={() => player.openInSimulate()}>
              Open in Simulate
            </button>
          )}
        </div>
        <span className="muted lesson-keys" aria-hidden="true">
          Space / → / PageDown · ← / PageUp
        </span>
        <button type="button" className="lesson-close" onClick={() => player.close()}>
          Close lesson
        </button>
      </div>
      {s.animating && s.caption ? (
        <p className="lesson-text lesson-caption" aria-live="polite">
          <RichText text={s.caption} />
        </p>
      ) : question ? (
        <div className="lesson-question">
          <p className="lesson-text" aria-live="polite">
            <RichText text={question.ask} />
          </p>
          <div
            className="lesson-choices"
            role="group"
            aria-label="Choices"
            // A short window lays the choices out in two rows at most (./lesson.css).
            style={{ '--choice-cols': Math.ceil(question.choices.length / 2) } as CSSProperties}
          >
            {question.choices.map((c, i) => {
              const chosen = revealed ? revealed.choice === i : s.chosen === i;
              const mark = revealed ? (i === question.answer ? ' is-right' : chosen ? ' is-wrong' : '') : '';
              return (
                <button
                  key={i}
                  type="button"
                  className={`lesson-choice${chosen ? ' is-chosen' : ''}${mark}`}
                  aria-pressed={chosen}
                  disabled={!asking || s.animating}
                  onClick={() => player.choose(i)}
                >
                  {c}
                </button>
              );
            })}
          </div>
          {revealed && (
            <div className="lesson-reveal" role="status" aria-label="Answer">
              <p className={revealed.right ? 'verdict right' : 'verdict wrong'}>
                {revealed.right ? 'Right.' : 'Not quite.'} The answer is: {question.choices[question.answer]}
              </p>
              <p className="lesson-why">
                <RichText text={question.why} />
              </p>
            </div>
          )}
        </div>
      ) : (
        <p className="lesson-text" aria-live="polite">
          <RichText text={'say' in step ? step.say : ''} />
        </p>
      )}
    </section>
  );
}
