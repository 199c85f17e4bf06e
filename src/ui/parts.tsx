/** Small shared pieces: state badges (icon + text, never colour alone), countdowns, timers, meters. */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatClock, formatCountdown } from '../store/format';
import { rowSummary } from './rowSummary';
import type { TimerView } from '../engine';
import { useAppStore } from '../store/context';
import { refKey } from '../store/refs';
import { selectNow } from '../store/selectors';
import type { EntityKind } from '../store/types';
import { StateIcon } from './icons';

export function StateBadge({ state, label }: { state: string; label?: string }) {
  return (
    <span className={`badge state-${state}`} data-state={state}>
      <StateIcon state={state} /> {label ?? state}
    </span>
  );
}

/** Re-renders every frame (it reads the clock); keep it a leaf. */
export function Countdown({ deadline }: { deadline: number }) {
  const now = useAppStore(selectNow);
  return <span className="countdown">{formatCountdown(deadline - now)}</span>;
}

const EMPTY: TimerView[] = [];

export const Timers = memo(function Timers({
  kind,
  subject,
  skip,
}: {
  kind: EntityKind;
  subject: string;
  skip?: TimerView['kind'];
}) {
  const timers = useAppStore(useShallow((s) => s.index.timersBySubject[refKey(kind, subject)] ?? EMPTY));
  const shown = skip ? timers.filter((t) => t.kind !== skip) : timers;
  if (!shown.length) return null;
  return (
    <ul className="timers" aria-label={`Timers of ${subject}`}>
      {shown.map((t) => (
        <li key={`${t.kind}:${t.armedAt}:${t.deadline}`} className={`timer timer-${t.kind}`} title={t.label}>
          {t.label}: <Countdown deadline={t.deadline} />
        </li>
      ))}
    </ul>
  );
});

/**
 * "restarts 1/1 · window resets in 14 min" — a budget meter with its own reset countdown.
 * The two budgets count differently: a resource restarts while its failures in the window are at
 * most RestartThreshold (so 1/1 is the last restart, still allowed), a group fails over only while
 * its failovers in the period are below FailoverThreshold (so 1/1 means the next failure stays).
 */
export function Meter({
  label,
  count,
  threshold,
  endsAt,
  endsLabel,
  allowsAtThreshold = label === 'restarts',
}: {
  label: string;
  count: number;
  threshold: number;
  endsAt: number | null;
  endsLabel: string;
  allowsAtThreshold?: boolean;
}) {
  const { level, note } = meterLevel(count, threshold, allowsAtThreshold);
  return (
    <div className={`meter meter-${level}`} title={`${label}: ${count} of ${threshold} used`} data-level={level}>
      <span>
        {label} {count}/{threshold}
        {note}
      </span>
      {endsAt !== null && (
        <span>
          {' '}
          · {endsLabel} <Countdown deadline={endsAt} />
        </span>
      )}
    </div>
  );
}

/** ok: room left; last: the budget is at its limit; over: exceeded (the policy has given up). */
export function meterLevel(
  count: number,
  threshold: number,
  allowsAtThreshold: boolean,
): { level: 'ok' | 'last' | 'over'; note: string } {
  if (allowsAtThreshold) {
    if (count > threshold) return { level: 'over', note: ' (exceeded)' };
    if (count === threshold && count > 0) return { level: 'last', note: ' (last one allowed)' };
    return { level: 'ok', note: '' };
  }
  if (count >= threshold) return { level: 'last', note: ' (used up: the next failure stays)' };
  return { level: 'ok', note: '' };
}

/** The latest decision about an entity, with the engine's reason: the canvas answers "why?". */
export const LastDecision = memo(function LastDecision({ kind, name }: { kind: EntityKind; name: string }) {
  const e = useAppStore((s) => s.decisions[refKey(kind, name)]);
  if (!e) return null;
  return (
    <div className="decision" title={`${rowSummary(e)} — ${e.reason}`}>
      <span className="muted">t={formatClock(e.t)}</span>{' '}
      {e.type === 'policy' ? e.rule : e.type === 'group.owner' ? `moved to ${e.to ?? '(none)'} (${e.cause})` : e.type}:{' '}
      {e.reason}
    </div>
  );
});
