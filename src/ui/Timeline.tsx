/** Swimlanes: each group's and node's state over time, owner changes marked, fault windows shaded. */
import { useMemo } from 'react';
import { formatClock } from '../app/format';
import { useAppStore, useAppStoreApi } from '../store/context';
import { selectHorizon, selectNow, selectScenario } from '../store/selectors';
import { buildLanes } from './timelineModel';

const MAX_LANES = 40;

export function Timeline() {
  const api = useAppStoreApi();
  const scenario = useAppStore(selectScenario);
  const horizon = useAppStore(selectHorizon);
  const now = useAppStore(selectNow);
  const end = scenario.until;
  const lanes = useMemo(() => {
    const s = api.getState();
    const current: Record<string, string> = {};
    s.view.groups.forEach((g) => (current[g.name] = g.state));
    s.view.nodes.forEach((n) => (current[n.name] = n.state));
    return buildLanes(scenario, horizon, Math.max(horizon.at(-1)?.t ?? 0, s.view.t, 1), current).slice(0, MAX_LANES);
  }, [api, scenario, horizon]);
  const horizonEnd = Math.max(horizon.at(-1)?.t ?? 0, now);
  const pct = (t: number) => `${(t / end) * 100}%`;

  return (
    <section className="timeline" aria-label="Timeline">
      <h2 className="visually-hidden">Timeline</h2>
      <div className="lanes">
        {lanes.map((lane) => (
          <div className="lane" key={`${lane.kind}:${lane.name}`}>
            <div className="lane-label" title={lane.name}><span className="muted">{lane.kind}</span> {lane.name}</div>
            <svg
              className="lane-track"
              role="img"
              aria-label={`${lane.name}: ${lane.segments.map((g) => `${g.state} from ${formatClock(g.from)}`).join(', ')}`}
              onClick={(e) => {
                const r = e.currentTarget.getBoundingClientRect();
                api.getState().seek(((e.clientX - r.left) / r.width) * end);
              }}
            >
              {lane.segments.filter((g) => g.from <= horizonEnd).map((g, i) => (
                <rect key={i} className={`seg state-fill-${g.state}`} x={pct(g.from)} width={pct(Math.min(g.to, horizonEnd) - g.from)} y="3" height="14">
                  <title>{`${g.state} ${formatClock(g.from)}–${formatClock(g.to)}`}</title>
                </rect>
              ))}
              {lane.faults.map((f, i) => (
                <rect key={`f${i}`} className="fault" x={pct(f.from)} width={pct(Math.max(f.to - f.from, end / 400))} y="0" height="20">
                  <title>{`${f.state} ${formatClock(f.from)}–${formatClock(f.to)}`}</title>
                </rect>
              ))}
              {lane.marks.map((m, i) => (
                <g key={`m${i}`}>
                  <line className="owner-mark" x1={pct(m.t)} x2={pct(m.t)} y1="0" y2="20" />
                  <title>{`${formatClock(m.t)} ${m.label}`}</title>
                </g>
              ))}
              <line className="now-line" x1={pct(now)} x2={pct(now)} y1="0" y2="20" />
            </svg>
          </div>
        ))}
      </div>
    </section>
  );
}
