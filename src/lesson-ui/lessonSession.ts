/** The lesson being played, kept in localStorage so a reload returns to the same stop. */

export interface LessonSession {
  /** The lesson file, as JSON text (compared with the restored scenario). */
  source: string;
  origin: string;
  /** The stop index. */
  index: number;
}

const KEY = 'failover-lab:lesson-session';

export function loadLessonSession(): LessonSession | null {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<LessonSession> | null;
    return v && typeof v.source === 'string' && typeof v.index === 'number' && typeof v.origin === 'string'
      ? (v as LessonSession)
      : null;
  } catch {
    return null;
  }
}

let last: string | null = null;
export function saveLessonSession(s: LessonSession | null) {
  const text = s ? JSON.stringify(s) : null;
  if (text === last) return;
  last = text;
  try {
    if (text) localStorage.setItem(KEY, text);
    else localStorage.removeItem(KEY);
  } catch {
    /* storage disabled: a reload opens the playground instead */
  }
}
