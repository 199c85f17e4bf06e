/** Play/pause, speed (log scale 0.1×–10,000×), next event, run to end, clocks and the scrubber. */
import { formatSimTime, formatSpeed } from '../store/format';
import { useAppStore, useAppStoreApi } from '../store/context';
import { selectLocalTime, selectNow, selectPlaying, selectSpeed, selectUntil } from '../store/selectors';
import type { AppState } from '../store/types';
import { RunLength, ScriptDrawerToggle, ScrubberMarks } from './ScriptControls';

const selectCanStep = (s: AppState) => s.view.t < s.scenario.until && s.nextEventTime() !== null;

export function TimeControls() {
  const api = useAppStoreApi();
  const now = useAppStore(selectNow);
  const until = useAppStore(selectUntil);
  const localTime = useAppStore(selectLocalTime);
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const canStep = useAppStore(selectCanStep);
  const atEnd = now >= until;
  const { togglePlay, setSpeed, stepToNextEvent, runToEnd, seek } = api.getState();

  return (
    <section className="time-controls" aria-label="Time controls">
      <button type="button" className="primary" onClick={togglePlay} aria-pressed={playing}>
        {playing ? '❚❚ Pause' : atEnd ? '↺ Replay' : '▶ Play'}
      </button>
      <label className="speed">
        <span>Speed</span>
        <input
          type="range"
          aria-label="Speed"
          aria-valuetext={formatSpeed(speed)}
          min={-1}
          max={4}
          step={0.01}
          value={Math.log10(speed)}
          onChange={(e) => setSpeed(roundSpeed(10 ** Number(e.target.value)))}
        />
        <output aria-label="Speed value">{formatSpeed(speed)}</output>
      </label>
      <button
        type="button"
        onClick={stepToNextEvent}
        disabled={!canStep}
        title="Jump to the next scheduled engine event or action"
      >
        Next event ›
      </button>
      <button
        type="button"
        onClick={runToEnd}
        disabled={atEnd}
        title={`Run to the scenario's end (${formatSimTime(until)})`}
      >
        Run to end »
      </button>
      <RunLength />
      <ScriptDrawerToggle />
      <div className="clocks">
        <span aria-label="Simulated time" data-testid="sim-time">
          t = {formatSimTime(now)}
        </span>
        <span aria-label="Cluster local time" className="local-time">
          local {localTime}
        </span>
      </div>
      <div className="scrub-wrap">
        <input
          className="scrubber"
          type="range"
          aria-label="Timeline position"
          aria-valuetext={`t = ${formatSimTime(now)}`}
          min={0}
          max={until}
          step={1}
          value={now}
          onChange={(e) => seek(Number(e.target.value))}
        />
        <ScrubberMarks />
      </div>
    </section>
  );
}

/** Snap the log slider to friendly values (1×, 2×, 50×, 1,000×) rather than 1.0233×. */
function roundSpeed(v: number): number {
  if (v < 1) return Math.round(v * 10) / 10;
  const mag = 10 ** Math.floor(Math.log10(v));
  return (Math.round((v / mag) * 2) / 2) * mag;
}
