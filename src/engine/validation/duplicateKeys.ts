/**
 * Keys repeated within one JSON object (contract §1: such a file is refused, with the place named:
 * `groups[0]: duplicate key "name"`). JSON.parse keeps the last value silently, so the text itself
 * is walked: one pass, linear in its length, no recursion (any nesting depth), a Set of keys per
 * object. It runs only on text JSON.parse has accepted, so it need not diagnose syntax.
 */
import type { PathKey } from './issues';

export interface DuplicateKey {
  /** The object holding the key twice (`[]` = the top level). */
  path: PathKey[];
  /** The key as JSON reads it (escapes decoded). */
  key: string;
  /** Character offset of the repeated key's opening quote. */
  offset: number;
}

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Every repeated key of `text` (valid JSON) in document order, at most `limit` of them; `total`
 * counts them all.
 */
export function findDuplicateKeys(text: string, limit = 100): { found: DuplicateKey[]; total: number } {
  const found: DuplicateKey[] = [];
  let total = 0;
  // One frame per open object or array: parallel stacks, so no object is allocated per frame.
  const isObject: boolean[] = [];
  const keys: (Set<string> | null)[] = [];
  /** Per frame: the key (object) or index (array) of the value being read. */
  const at: PathKey[] = [];
  let depth = 0;
  let expectKey = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i + 1;
      let end = text.indexOf('"', start);
      // A quote preceded by an odd number of backslashes is escaped: look further.
      for (;;) {
        let b = end - 1;
        while (b >= start && text.charCodeAt(b) === BACKSLASH) b--;
        if ((end - 1 - b) % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (expectKey) {
        const raw = text.slice(start, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        const top = depth - 1;
        let seen = keys[top]!;
        if (seen === null) seen = keys[top] = new Set<string>();
        if (seen.has(key)) {
          if (total++ < limit) found.push({ path: at.slice(0, top), key, offset: i });
        } else seen.add(key);
        at[top] = key;
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const object = c === OPEN_OBJECT;
      isObject[depth] = object;
      keys[depth] = null;
      at[depth] = 0;
      depth++;
      expectKey = object;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      keys[depth] = null; // let the Set go
      expectKey = false;
    } else if (c === COMMA) {
      const top = depth - 1;
      if (isObject[top]) expectKey = true;
      else at[top] = (at[top] as number) + 1;
    }
    i++;
  }
  return { found, total };
}
