/** Ticks for the timeline's time axis: a round step that gives a handful of labelled marks. */

const STEPS = [
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000,
  7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

export interface Tick {
  t: number;
  label: string;
}

/** "0", "30 s", "1:30", "2 h", "1:30 h"…: short enough to sit under a tick. */
export function tickLabel(t: number): string {
  if (t === 0) return '0';
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const s = Math.floor((t % 60_000) / 1000);
  if (h > 0) return m || s ? `${h}:${String(m).padStart(2, '0')} h` : `${h} h`;
  if (m > 0) return s ? `${m}:${String(s).padStart(2, '0')}` : `${m} min`;
  return `${s} s`;
}

/** Ticks from 0 to `end` inclusive of 0, at most about `max` of them. */
export function axisTicks(end: number, max = 8): Tick[] {
  if (!(end > 0)) return [{ t: 0, label: '0' }];
  const step = STEPS.find((s) => end / s <= max) ?? Math.ceil(end / max / 86_400_000) * 86_400_000;
  const out: Tick[] = [];
  for (let t = 0; t <= end; t += step) out.push({ t, label: tickLabel(t) });
  return out;
}
