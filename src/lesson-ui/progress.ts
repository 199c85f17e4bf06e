/** Lesson progress kept in the browser (localStorage): finished or not, and each question's last answer. */

export interface LessonProgress {
  finished: boolean;
  /** Step index → whether the last answer given was right. */
  answers: Record<string, boolean>;
}

const KEY = 'failover-lab:lesson-progress';
type All = Record<string, LessonProgress>;
const listeners = new Set<() => void>();

function read(): All {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as All) : {};
  } catch {
    return {};
  }
}

let cache: All | null = null;

function write(all: All) {
  cache = all;
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    /* storage disabled or full: progress lasts for this page only */
  }
  listeners.forEach((l) => l());
}

export function allProgress(): All {
  return (cache ??= read());
}

export function progressOf(id: string): LessonProgress {
  return allProgress()[id] ?? { finished: false, answers: {} };
}

export function recordAnswer(id: string, step: number, right: boolean) {
  const all = allProgress();
  const p = progressOf(id);
  write({ ...all, [id]: { ...p, answers: { ...p.answers, [step]: right } } });
}

export function recordFinished(id: string) {
  const all = allProgress();
  const p = progressOf(id);
  if (!p.finished) write({ ...all, [id]: { ...p, finished: true } });
}

export function subscribeProgress(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
