/** The script's and the user's actions as dashed lines across the timeline's lanes. */
import { formatClock } from '../store/format';
import { useActionMarks } from './ScriptControls';

export function TimelineMarks() {
  const marks = useActionMarks();
  return (
    <div className="timeline-marks" data-testid="timeline-marks">
      {marks.map((m) => (
        <span
          key={`${m.source}:${m.index}`}
          className={`timeline-mark mark-${m.source}`}
          style={{ left: `${m.pct}%` }}
          title={`${formatClock(m.at)} ${m.text}`}
          aria-label={`${m.source === 'script' ? 'scripted' : 'your action'}: ${m.text} at ${formatClock(m.at)}`}
        />
      ))}
    </div>
  );
}
