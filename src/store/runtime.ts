/**
 * The live Simulation and its bookkeeping live here, outside React and outside the store's state:
 * the store holds only plain projections (view, events) and the commands reach the engine through
 * this object.
 */
import type { Simulation } from '../engine';
import type { StoreDeps } from './types';
import type { CheckpointCache } from './checkpoints';

export interface Runtime {
  deps: StoreDeps;
  sim: Simulation;
  /** Seek checkpoints of the current timeline (when the engine can restore snapshots). */
  checkpoints?: CheckpointCache;
  /** Playback's fractional virtual time, so slow speeds (0.1×) still advance whole milliseconds. */
  playhead: number;
  rafId: number | null;
  lastFrame: number | null;
  lastSave: number;
}

export type SetState<S> = (partial: Partial<S>) => void;
export type GetState<S> = () => S;
