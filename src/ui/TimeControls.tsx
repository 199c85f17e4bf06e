/** Play/pause, speed (log scale 0.1×–10,000×), next event, run to end, clocks and the scrubber. */
import { memo, useLayoutEffect, useRef } from 'react';
import { formatSimTime, formatSpeed } from '../store/format';
import { useAppStore, useAppStoreApi } from '../store/context';
import { selectPlaying, selectSpeed, selectUntil } from '../store/selectors';
import type { AppState } from '../store/types';
import { RunLength, ScriptDrawerToggle, ScrubberMarks } from './ScriptControls';
import { quantize } from './timeSteps';
import './clocks.css';

const selectCanStep = (s: AppState) => s.view.t < s.scenario.until && s.nextEventTime() !== null;
const selectAtEnd = (s: AppState) => s.view.t >= s.scenario.until;

/** Paused, the exact time; playing, in steps of about a pixel (./timeSteps). */
const selectScrubValue = (s: AppState) => (s.playing ? quantize(s.view.t, s.scenario.until) : s.view.t);

/**
 * Only the clocks and the scrubber follow the time; the rest of the bar re-renders when play,
 * speed, the end or the next event's availability change, not on every frame.
 */
export function TimeControls() {
  const api = useAppStoreApi();
  const until = useAppStore(selectUntil);
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const canStep = useAppStore(selectCanStep);
  const atEnd = useAppStore(selectAtEnd);
  const { togglePlay, setSpeed, stepToNextEvent, runToEnd } = api.getState();
  const speedText = formatSpeed(speed);

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
          aria-valuetext={speedText}
          min={-1}
          max={4}
          step={0.01}
          value={Math.log10(speed)}
          onChange={(e) => setSpeed(roundSpeed(10 ** Number(e.target.value)))}
        />
        <output aria-label="Speed value">{speedText}</output>
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
      <Clocks />
      <div className="scrub-wrap">
        <Scrubber until={until} />
        <ScrubberMarks />
      </div>
    </section>
  );
}

/**
 * The two clocks: the only part of the bar that changes on every frame while playing. They are
 * written straight into their boxes on each store update that moves them, not rendered: a React
 * commit for one text per frame cost more than the text (the boxes are layout boundaries, ./clocks.css).
 */
const Clocks = memo(function Clocks() {
  const api = useAppStoreApi();
  const sim = useRef<HTMLSpanElement>(null);
  const local = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    let t: number | null = null;
    let localTime: string | null = null;
    const write = (s: AppState) => {
      if (s.view.t !== t && sim.current) sim.current.textContent = `t = ${formatSimTime((t = s.view.t))}`;
      if (s.view.localTime !== localTime && local.current)
        local.current.textContent = `local ${(localTime = s.view.localTime)}`;
    };
    write(api.getState());
    return api.subscribe(write);
  }, [api]);
  return (
    <div className="clocks">
      <span ref={sim} aria-label="Simulated time" data-testid="sim-time" className="clock" />
      <span ref={local} aria-label="Cluster local time" className="clock local-time" />
    </div>
  );
});

function Scrubber({ until }: { until: number }) {
  const api = useAppStoreApi();
  const value = useAppStore(selectScrubValue);
  return (
    <input
      className="scrubber"
      type="range"
      aria-label="Timeline position"
      aria-valuetext={`t = ${formatSimTime(value)}`}
      min={0}
      max={until}
      step={1}
      value={value}
      onChange={(e) => api.getState().seek(Number(e.target.value))}
    />
  );
}

/** Snap the log slider to friendly values (1×, 2×, 50×, 1,000×) rather than 1.0233×. */
function roundSpeed(v: number): number {
  if (v < 1) return Math.round(v * 10) / 10;
  const mag = 10 ** Math.floor(Math.log10(v));
  return (Math.round((v / mag) * 2) / 2) * mag;
}
