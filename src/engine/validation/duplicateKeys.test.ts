/** The repeated-key scan against a reference walk over random JSON documents (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DuplicateKey, findDuplicateKeys } from './duplicateKeys';
import type { PathKey } from './issues';

/** A JSON document as written: objects are lists of pairs, so a key may repeat. */
type Doc = { kind: 'atom'; text: string } | { kind: 'array'; items: Doc[] } | { kind: 'object'; pairs: [Key, Doc][] };
/** A key and how it is spelled in the text (plain or with every character \u-escaped). */
type Key = { key: string; escaped: boolean };

const KEYS = ['a', 'b', 'name', 'a"b', 'a\\', '\\"', '{', '}', ',', 'é', '😀', '__proto__', ''];
const ATOMS = ['0', '-1.5e+10', 'true', 'false', 'null', '""', '"x"', '"\\\\"', '"\\""', '"a\\"b:{[,"', '"😀"'];
const SPACE = ['', ' ', '\n', '\t', '\r\n  '];

const { doc } = fc.letrec<{ doc: Doc }>((tie) => ({
  doc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...ATOMS).map((text): Doc => ({ kind: 'atom', text })),
    fc.array(tie('doc'), { maxLength: 4 }).map((items): Doc => ({ kind: 'array', items })),
    fc
      .array(fc.tuple(fc.record({ key: fc.constantFrom(...KEYS), escaped: fc.boolean() }), tie('doc')), {
        maxLength: 5,
      })
      .map((pairs): Doc => ({ kind: 'object', pairs })),
  ),
}));

const escapeAll = (s: string) =>
  `"${Array.from(s, (ch) =>
    Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  ).join('')}"`;

/** The text of `d`, with `space` between tokens, and where every key's opening quote lands. */
function write(d: Doc, space: string, keyAt: Map<[Key, Doc], number>, out: string[], len: { n: number }): void {
  const put = (s: string) => {
    out.push(s);
    len.n += s.length;
  };
  if (d.kind === 'atom') return put(d.text);
  if (d.kind === 'array') {
    put('[' + space);
    d.items.forEach((item, i) => {
      if (i) put(space + ',' + space);
      write(item, space, keyAt, out, len);
    });
    return put(space + ']');
  }
  put('{' + space);
  d.pairs.forEach((pair, i) => {
    if (i) put(',' + space);
    keyAt.set(pair, len.n);
    put((pair[0].escaped ? escapeAll(pair[0].key) : JSON.stringify(pair[0].key)) + space + ':' + space);
    write(pair[1], space, keyAt, out, len);
  });
  put(space + '}');
}

/** The repeats, walking the document itself in document order. */
function reference(d: Doc, path: PathKey[], keyAt: Map<[Key, Doc], number>, out: DuplicateKey[]): void {
  if (d.kind === 'array') d.items.forEach((item, i) => reference(item, [...path, i], keyAt, out));
  if (d.kind !== 'object') return;
  const seen = new Set<string>();
  for (const pair of d.pairs) {
    const key = pair[0].key;
    if (seen.has(key)) out.push({ path, key, offset: keyAt.get(pair)! });
    seen.add(key);
    reference(pair[1], [...path, key], keyAt, out);
  }
}

describe('findDuplicateKeys', () => {
  it('finds exactly the repeats a walk of the document finds, with their paths and offsets', () => {
    fc.assert(
      fc.property(doc, fc.constantFrom(...SPACE), (d, space) => {
        const keyAt = new Map<[Key, Doc], number>();
        const parts: string[] = [];
        write(d, space, keyAt, parts, { n: 0 });
        const text = parts.join('');
        JSON.parse(text); // the scan runs only on text JSON.parse accepts
        const expected: DuplicateKey[] = [];
        reference(d, [], keyAt, expected);
        expect(findDuplicateKeys(text, Infinity)).toEqual({ found: expected, total: expected.length });
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('stops listing at the limit but counts every repeat', () => {
    const text = `[{"a":1,"a":2,"a":3},{"b":1,"b":2}]`;
    expect(findDuplicateKeys(text, 1)).toEqual({ found: [{ path: [0], key: 'a', offset: 8 }], total: 3 });
  });
});
