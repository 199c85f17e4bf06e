/**
 * Lessons in the app (lesson-format §3): the "Lessons" list, the player's "Lesson" region, the
 * recorder, #lesson= links, lesson files opened through "Open scenario…", and the clicker keys.
 * Loaded lazily by App; everything it shows sits in this folder.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useAppStoreApi } from '../store/context';
import { usePanels } from '../ui/layout/panelPrefs';
import { BUILTIN_LESSONS, builtinLesson } from '../lesson/builtins';
import { decodeLessonHash } from '../lesson/link';
import { createPlayer } from './controller';
import { LessonList } from './LessonList';
import { LessonPanel } from './LessonPanel';
import { Recorder } from './Recorder';
import { newKey, recordedRun, recordingFile, recordingFromFile, type Recording } from './recording';
import { indexedDbLessons, type SavedLessonMeta } from './recordingStorage';
import { loadLessonSession, saveLessonSession } from './lessonSession';
import './lesson.css';

const BUILTIN_IDS = BUILTIN_LESSONS.map((b) => b.id);
const CONTINUE_KEYS = [' ', 'ArrowRight', 'PageDown'];
const BACK_KEYS = ['ArrowLeft', 'PageUp'];

export default function LessonHost() {
  const app = useAppStoreApi();
  const [player] = useState(() =>
    createPlayer(app, {
      raf: (cb) => requestAnimationFrame(cb),
      caf: (id) => cancelAnimationFrame(id),
      now: () => performance.now(),
    }),
  );
  const status = useStore(player.store, (s) => s.status);
  const [listOpen, setListOpen] = useState(false);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [saved, setSaved] = useState<SavedLessonMeta[]>([]);
  const storage = useMemo(() => indexedDbLessons(), []);
  const refreshSaved = useCallback(() => {
    storage.list().then(setSaved, () => setSaved([]));
  }, [storage]);

  useEffect(() => player.install(), [player]);
  // While a lesson plays, the script's future is not on screen (./lesson.css): no marks of the rig's
  // faults on the scrubber or the timeline, no "upcoming" list. Nothing later is hinted (§3).
  useEffect(() => {
    document.documentElement.classList.toggle('lesson-playing', status === 'playing');
    usePanels.getState().setLesson(status === 'playing');
    return () => {
      document.documentElement.classList.remove('lesson-playing');
      usePanels.getState().setLesson(false);
    };
  }, [status]);
  useEffect(refreshSaved, [refreshSaved]);

  // A reload mid-lesson comes back to the same stop (the app's session already restored its scenario).
  useEffect(() => {
    const saved = loadLessonSession();
    if (saved && !location.hash.includes('lesson=') && JSON.stringify(app.getState().source) === saved.source)
      player.open(JSON.parse(saved.source), saved.origin, { at: saved.index });
    return player.store.subscribe((s, prev) => {
      if (s.status === prev.status && s.index === prev.index && s.lesson === prev.lesson) return;
      // Only a lesson at rest is resumed; once left for the playground, the app's session is the one kept.
      if (s.status === 'playing' && s.lesson && !s.preview)
        saveLessonSession({ source: JSON.stringify(s.lesson.source), origin: s.lesson.lesson.title, index: s.index });
      else saveLessonSession(null);
    });
  }, [app, player]);

  // #lesson= links: at startup and whenever the address changes.
  useEffect(() => {
    const openLink = () => {
      const link = decodeLessonHash(location.hash, BUILTIN_IDS);
      if (link.kind === 'none') return;
      history.replaceState(null, '', location.pathname + location.search);
      if (link.kind === 'error')
        app.setState({ loadError: { origin: 'the lesson link', issues: [{ path: '(link)', message: link.message }] } });
      else if (link.kind === 'builtin') player.open(builtinLesson(link.id)!.source, `lesson ${link.id}`);
      else player.open(link.source, 'the lesson link');
    };
    openLink();
    addEventListener('hashchange', openLink);
    return () => removeEventListener('hashchange', openLink);
  }, [app, player]);

  // A presentation clicker sends PageDown/PageUp or the arrows; Space is Continue too.
  useEffect(() => {
    let swallowKeyUp = false;
    const inField = (t: EventTarget | null) =>
      t instanceof Element && !!t.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
    const onKeyDown = (e: KeyboardEvent) => {
      if (player.store.getState().status !== 'playing' || e.altKey || e.ctrlKey || e.metaKey || inField(e.target))
        return;
      if (CONTINUE_KEYS.includes(e.key)) {
        e.preventDefault();
        swallowKeyUp = e.key === ' ';
        player.continue();
      } else if (BACK_KEYS.includes(e.key)) {
        e.preventDefault();
        player.back();
      }
    };
    // Space on a focused button would also click it on key up.
    const onKeyUp = (e: KeyboardEvent) => {
      if (swallowKeyUp && e.key === ' ') e.preventDefault();
      swallowKeyUp = false;
    };
    addEventListener('keydown', onKeyDown);
    addEventListener('keyup', onKeyUp);
    return () => {
      removeEventListener('keydown', onKeyDown);
      removeEventListener('keyup', onKeyUp);
    };
  }, [player]);

  // Recorded lessons are kept in IndexedDB as they are edited.
  useEffect(() => {
    if (!recording) return;
    const id = setTimeout(() => {
      const run = recordedRun(app.getState());
      const built = recordingFile(recording, run.source, run.actions);
      const file = built.ok ? built.file : null;
      storage.put({ id: recording.key, file, draft: recording, updatedAt: Date.now() }).then(refreshSaved, () => {});
    }, 400);
    return () => clearTimeout(id);
  }, [app, recording, storage, refreshSaved]);

  const startRecording = () => {
    const s = app.getState();
    setRecording({
      key: `rec-${Date.now().toString(36)}`,
      id: 'my-lesson',
      title: `A walk through ${s.scenario.name}`,
      objective: '',
      steps: [],
    });
    setListOpen(false);
  };

  const openSaved = async (id: string, edit: boolean) => {
    const rec = await storage.get(id);
    if (!rec) return;
    setListOpen(false);
    const draft = (rec.draft as Recording | undefined) ?? recordingFromFile(rec.id, rec.file);
    if (edit || !rec.file) {
      if (rec.file) player.loadPlain(rec.file, draft?.title ?? 'the recording');
      if (draft) setRecording({ ...draft, steps: draft.steps.map((x) => ({ ...x, key: newKey() })) });
    } else player.open(rec.file, draft?.title ?? 'the recorded lesson');
  };

  return (
    <>
      {status === 'idle' && (
        <div className="lesson-bar">
          <button type="button" onClick={() => setListOpen(true)}>
            Lessons…
          </button>
          {!recording && (
            <button type="button" onClick={startRecording}>
              ● Record a lesson
            </button>
          )}
          {recording && <span className="recording-dot">● Recording “{recording.title}”</span>}
        </div>
      )}
      {status !== 'idle' && <LessonPanel player={player} />}
      {status === 'idle' && recording && (
        <Recorder
          recording={recording}
          onChange={setRecording}
          onPreview={(file) => player.open(file, 'the recording', { preview: true })}
          onSave={(file) =>
            void storage
              .put({ id: recording.key, file, draft: recording, updatedAt: Date.now() })
              .then(refreshSaved, () => {})
          }
          onStop={() => setRecording(null)}
        />
      )}
      {listOpen && (
        <LessonList
          saved={saved}
          onClose={() => setListOpen(false)}
          onStart={(id) => {
            setListOpen(false);
            player.open(builtinLesson(id)!.source, `lesson ${id}`);
          }}
          onOpenText={(text, origin) => {
            setListOpen(false);
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch (e) {
              app.setState({
                loadError: { origin, issues: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }] },
              });
              return;
            }
            player.open(json, origin);
          }}
          onOpenSaved={(id) => void openSaved(id, false)}
          onEditSaved={(id) => void openSaved(id, true)}
        />
      )}
    </>
  );
}
