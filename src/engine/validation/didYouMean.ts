/** "did you mean" suggestions (contract §1: an unknown name within edit distance 2 of a valid one). */

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!; // rows hold b.length + 1 entries
}

export const MAX_SUGGESTION_DISTANCE = 2;

/**
 * The valid candidate closest to `input`, compared without regard to letter case, if within edit
 * distance 2; ties go to the earlier candidate. A candidate equal to `input` is never suggested.
 */
export function suggest(input: string, candidates: Iterable<string>): string | null {
  if (typeof input !== 'string') return null;
  const needle = input.toLowerCase();
  let best: string | null = null;
  let bestDistance = MAX_SUGGESTION_DISTANCE + 1;
  for (const c of candidates) {
    if (c === input) continue;
    const d = editDistance(needle, c.toLowerCase(), MAX_SUGGESTION_DISTANCE);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "X"?` or "". */
export function didYouMean(input: unknown, candidates: Iterable<string>): string {
  if (typeof input !== 'string') return '';
  const s = suggest(input, candidates);
  return s === null ? '' : `; did you mean ${JSON.stringify(s)}?`;
}
