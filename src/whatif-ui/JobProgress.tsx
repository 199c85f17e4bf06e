/** A job's progress bar, counts, time left and Cancel; the outcome of a cancelled or failed job. */
import type { JobState } from './useJob';
import { timeLeftWords } from './model';

export function JobProgress<T>({
  state,
  label,
  unit,
  onCancel,
}: {
  state: JobState<T>;
  label: string;
  unit: string;
  onCancel(): void;
}) {
  if (state.status === 'running') {
    const { done, total, elapsedMs } = state.progress;
    return (
      <div className="w-progress" data-testid={`${label}-progress`}>
        <progress aria-label={`${label} progress`} value={done} max={Math.max(1, total)} />
        <span role="status">
          {done} / {total} {unit} · {timeLeftWords(elapsedMs, done, total)}
        </span>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  }
  if (state.status === 'cancelled') {
    return (
      <p role="status" className="w-note">
        Cancelled after {state.progress.done} of {state.progress.total} {unit}; nothing kept from this run.
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p role="alert" className="w-error">
        The {label.toLowerCase()} failed: {state.message}
      </p>
    );
  }
  return null;
}
