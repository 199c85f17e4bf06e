/**
 * State icons as inline SVG: a font glyph (⏸ was one) renders as an empty box where the font lacks
 * it. Each icon is drawn in currentColor at 1em and is decorative: the state's text is always next to it.
 */
import type { ReactElement } from 'react';

const circle = (fill: string) => <circle cx="8" cy="8" r="5.5" fill={fill} stroke="currentColor" strokeWidth="1.8" />;

const SHAPES: Record<string, ReactElement> = {
  Up: <path d="M8 2.5 14 13H2z" fill="currentColor" />,
  Down: <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />,
  Paused: (
    <g fill="currentColor">
      <rect x="3.5" y="3" width="3" height="10" rx="0.6" />
      <rect x="9.5" y="3" width="3" height="10" rx="0.6" />
    </g>
  ),
  Joining: (
    <g fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M13 8a5 5 0 1 1-1.6-3.7" />
      <path d="M12.2 1.8v3.2H9" strokeLinejoin="round" />
    </g>
  ),
  Crashed: <path d="M9.5 1 3.5 9h4l-1 6 6-8.5h-4z" fill="currentColor" />,
  Warning: (
    <g>
      <path d="M8 1.8 15 14H1z" fill="currentColor" />
      <path d="M8 6v4M8 11.6v.6" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
    </g>
  ),
  QuorumStopped: <rect x="3" y="3" width="10" height="10" rx="1.5" fill="currentColor" />,
  Online: circle('currentColor'),
  PartialOnline: (
    <g>
      {circle('none')}
      <path d="M8 2.5a5.5 5.5 0 0 1 0 11z" fill="currentColor" />
    </g>
  ),
  Pending: <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeDasharray="2.6 2" />,
  Offline: circle('none'),
  Failed: (
    <g>
      {circle('none')}
      <path d="M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </g>
  ),
};
SHAPES.OnlinePending = SHAPES.Pending!;
SHAPES.OfflinePending = SHAPES.Pending!;

export function StateIcon({ state }: { state: string }) {
  return (
    <svg className="state-icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      {SHAPES[state] ?? <circle cx="8" cy="8" r="2.5" fill="currentColor" />}
    </svg>
  );
}
