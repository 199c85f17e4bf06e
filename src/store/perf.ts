/**
 * Engine time as the page sees it (for `npm run bench:ui` and the worker decision): how long
 * createSimulation took and, per store refresh, the time spent inside the engine (advance, apply,
 * view). Kept to the last few thousand samples; reading it costs nothing when nobody does.
 */
export interface EnginePerf {
  createMs: number[];
  /** Engine milliseconds per refresh (one per animation frame while playing). */
  stepMs: number[];
}

export const enginePerf: EnginePerf = { createMs: [], stepMs: [] };
const MAX = 5000;

export const perfNow: () => number = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();

export function recordCreate(ms: number): void {
  enginePerf.createMs.push(ms);
  if (enginePerf.createMs.length > MAX) enginePerf.createMs.shift();
}

export function recordStep(ms: number): void {
  enginePerf.stepMs.push(ms);
  if (enginePerf.stepMs.length > MAX) enginePerf.stepMs.splice(0, MAX / 2);
}
