/**
 * "did you mean" (contract §1), the one copy every checker of user input uses: the scenario
 * validation here, the lesson schema and the sweep checks through src/engine/index.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from './didYouMean';

/** The textbook full-matrix Levenshtein distance, to check the early exit against. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

describe('did you mean', () => {
  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('abcdef', 'x', 2)).toBe(3);
  });

  it('suggests the closest candidate within distance 2, ignoring case, ties to the first', () => {
    expect(suggest('SQL Nmae', ['SQL Disk', 'SQL Name'])).toBe('SQL Name');
    expect(suggest('restartaction', ['RestartAction', 'RestartDelay'])).toBe('RestartAction');
    expect(suggest('NODE4', ['NODE1', 'NODE2'])).toBe('NODE1');
    expect(suggest('Colour', ['Priority'])).toBeNull();
    expect(suggest('A', ['A'])).toBeNull();
  });
});

describe('edit distance against the full matrix', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
  it('equals it without a limit; with one, it is exact up to the limit and above the limit beyond it', () => {
    fc.assert(
      fc.property(word, word, fc.nat(4), (a, b, limit) => {
        const full = reference(a, b);
        expect(editDistance(a, b)).toBe(full);
        expect(editDistance(b, a)).toBe(full);
        const capped = editDistance(a, b, limit);
        if (full <= limit) expect(capped).toBe(full);
        else expect(capped).toBeGreaterThan(limit);
      }),
    );
  });
});

describe('didYouMean', () => {
  it('names the suggestion as JSON text, or says nothing', () => {
    expect(didYouMean('Nod1', ['Node1', 'Node2'])).toBe('; did you mean "Node1"?');
    expect(didYouMean('x"<b>', ['x"<b'])).toBe('; did you mean "x\\"<b"?');
    expect(didYouMean('Colour', ['Priority'])).toBe('');
    expect(didYouMean(42, ['42'])).toBe('');
  });
});
