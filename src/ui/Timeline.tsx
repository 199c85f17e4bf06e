/** Swimlanes: each group's and node's state over time, owner changes marked, fault windows shaded. */
import { memo, useEffect, useMemo, useRef } from 'react';
import { formatClock } from '../store/format';
import { useAppStore, useAppStoreApi } from '../store/context';
import { selectHorizon, selectScenario } from '../store/selectors';
import { LaneBuilder, sameLane, type Lane } from './timelineModel';
import { axisTicks } from './timeAxis';
import { TimelineMarks } from './TimelineMarks';
import { quantize } from './timeSteps';
import { useThrottledAppStore } from './throttle';
import { parseRefKey } from '../store/refs';
import type { AppState } from '../store/types';

const MAX_LANES = 40;

/**
 * A lane's state now, looked up for the lanes drawn (40) when they are built, not collected for
 * every group (8,000 at WSFC's maximum) each time one of them changes.
 */
function currentState(index: AppState['index']) {
  return (laneKey: string) => {
    const r = parseRefKey(laneKey);
    return r?.kind === 'group'
      ? index.groups[r.name]?.state
      : r?.kind === 'node'
        ? index.nodes[r.name]?.state
        : undefined;
  };
}

/**
 * The lanes are drawn to the end of the run and re-rendered only when the trace changes (and then
 * only the lanes that changed); what moves every frame is one overlay: the "now" line and the
 * blank beyond the last known event.
 */
export function Timeline() {
  const api = useAppStoreApi();
  const scenario = useAppStore(selectScenario);
  // The lanes are throttled at high speed (./throttle); the "now" line is not.
  const horizon = useThrottledAppStore(selectHorizon);
  const end = scenario.until;
  const previous = useRef<Lane[]>([]);
  const builder = useRef<LaneBuilder | null>(null);
  const lanes = useMemo(() => {
    const current = currentState(api.getState().index);
    // One fold kept across renders; started over for a new scenario or a trace that is not a continuation.
    let b = builder.current;
    if (!b || b.scenario !== scenario || !b.continues(horizon))
      b = builder.current = new LaneBuilder(scenario, MAX_LANES);
    b.feed(horizon, b.count, end);
    const next = b.lanes(end, current);
    const old = new Map(previous.current.map((l) => [`${l.kind}:${l.name}`, l]));
    return next.map((l) => {
      const o = old.get(`${l.kind}:${l.name}`);
      return o && sameLane(o, l) ? o : l;
    });
  }, [api, scenario, horizon, end]);
  // Remembered for the next build, so unchanged lanes keep their identity (and skip render).
  useEffect(() => {
    previous.current = lanes;
  }, [lanes]);
  const seek = (t: number) => api.getState().seek(t);

  return (
    <section className="timeline" aria-label="Timeline">
      <h2 className="visually-hidden">Timeline</h2>
      <div className="lanes">
        <TimeAxis end={end} />
        {lanes.map((lane) => (
          <LaneRow key={`${lane.kind}:${lane.name}`} lane={lane} end={end} onSeek={seek} />
        ))}
        <NowOverlay end={end} />
        <TimelineMarks />
      </div>
    </section>
  );
}

/** The time axis above the lanes: round ticks from 0 to the end of the run. */
const TimeAxis = memo(function TimeAxis({ end }: { end: number }) {
  const ticks = axisTicks(end);
  return (
    <div className="lane timeline-axis" aria-hidden="true">
      <div className="lane-label muted">time</div>
      <div className="axis-track">
        {ticks.map((k) => (
          // A label near the right end hangs to the left of its tick, so it is not cut off.
          <span
            key={k.t}
            className={`axis-tick${k.t / end > 0.92 ? ' axis-tick-end' : ''}`}
            style={{ left: `${(k.t / end) * 100}%` }}
          >
            {k.label}
          </span>
        ))}
      </div>
    </div>
  );
});

/**
 * The "now" line and the blank beyond the last known event: paused, at the exact time; playing, in
 * steps of about a pixel (./timeSteps), so they move every few frames, not on every one.
 */
const selectNowMark = (s: AppState) => (s.playing ? quantize(s.view.t, s.scenario.until) : s.view.t);
const selectHorizonEnd = (s: AppState) => {
  const end = Math.min(s.scenario.until, Math.max(s.horizon.at(-1)?.t ?? 0, s.view.t));
  return s.playing ? quantize(end, s.scenario.until) : end;
};

function NowOverlay({ end }: { end: number }) {
  const now = useAppStore(selectNowMark);
  const horizonEnd = useAppStore(selectHorizonEnd);
  const pct = (t: number) => `${(Math.min(Math.max(t, 0), end) / end) * 100}%`;
  return (
    <div className="timeline-overlay" aria-hidden="true">
      <div className="timeline-unknown" style={{ left: pct(horizonEnd) }} />
      <div className="timeline-now" style={{ left: pct(now) }} />
    </div>
  );
}

const LaneRow = memo(function LaneRow({ lane, end, onSeek }: { lane: Lane; end: number; onSeek: (t: number) => void }) {
  const pct = (t: number) => `${(t / end) * 100}%`;
  return (
    <div className="lane">
      <div className="lane-label" title={lane.name}>
        <span className="muted">{lane.kind}</span> {lane.name}
      </div>
      <svg
        className="lane-track"
        role="img"
        aria-label={`${lane.name}: ${lane.segments.map((g) => `${g.state} from ${formatClock(g.from)}`).join(', ')}`}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          onSeek(((e.clientX - r.left) / r.width) * end);
        }}
      >
        {lane.segments.map((g, i) => (
          <rect
            key={i}
            className={`seg state-fill-${g.state}`}
            x={pct(g.from)}
            width={pct(g.to - g.from)}
            y="3"
            height="14"
          >
            <title>
              {g.open
                ? `${g.state} from ${formatClock(g.from)}`
                : `${g.state} ${formatClock(g.from)}–${formatClock(g.to)}`}
            </title>
          </rect>
        ))}
        {lane.faults.map((f, i) => (
          <rect
            key={`f${i}`}
            className="fault"
            x={pct(f.from)}
            width={pct(Math.max(f.to - f.from, end / 400))}
            y="0"
            height="20"
          >
            <title>{`${f.state} ${formatClock(f.from)}–${formatClock(f.to)}`}</title>
          </rect>
        ))}
        {lane.marks.map((m, i) => (
          <g key={`m${i}`}>
            <line className="owner-mark" x1={pct(m.t)} x2={pct(m.t)} y1="0" y2="20" />
            <title>{`${formatClock(m.t)} ${m.label}`}</title>
          </g>
        ))}
      </svg>
    </div>
  );
});
