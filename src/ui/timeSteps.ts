/**
 * Markers that follow the clock (the scrubber's thumb, the timeline's "now" line) move in steps of
 * about a pixel while playing: every move relayouts and repaints the page, and at 1,000× over a
 * 24 h run the exact time moves them a fraction of a pixel a frame. The window's width bounds the
 * width of any track, so a step of 1/width of the run is at most a pixel on screen.
 */
export function pixelSteps(): number {
  return typeof window === 'undefined' ? 2000 : Math.max(500, Math.round(window.innerWidth));
}

/** `t` rounded down to a step of `until / steps` (whole milliseconds); the end stays the end. */
export function quantize(t: number, until: number, steps: number = pixelSteps()): number {
  const q = Math.max(1, Math.floor(until / steps));
  return t >= until ? until : t - (t % q);
}
