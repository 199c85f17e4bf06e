/**
 * Scenario files are UTF-8 (contract §1: a file that is not valid UTF-8 is refused, with the place
 * named). Bytes are decoded strictly (TextDecoder with fatal: true, which also drops a leading
 * UTF-8 byte order mark); only when that fails is the first bad byte looked for, to name it.
 */

export type Utf8Result = { ok: true; text: string } | { ok: false; message: string };

/**
 * The first invalid UTF-8 sequence (WHATWG's decoder rules: no overlong forms, no surrogates,
 * nothing above U+10FFFF, no truncated sequence): its first byte's offset and the offset just after
 * the byte that makes it invalid; null when the bytes are valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; end: number; truncated: boolean } | null {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return { offset: i, end: i + 1, truncated: false };
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return { offset: i, end: n, truncated: true };
      const c = bytes[i + k]!;
      if (c < lo || c > hi) return { offset: i, end: i + k + 1, truncated: false };
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return null;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** Why `bytes` are not UTF-8: the byte offset, its line, and the bytes there. */
export function describeInvalidUtf8(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    // Windows PowerShell 5.1's `>` and Out-File write UTF-16 LE with this byte order mark.
    const which = bytes[0] === 0xff ? 'LE' : 'BE';
    return `the file is UTF-16 ${which} (it starts with the byte order mark ${hex(bytes[0])} ${hex(bytes[1])}), not UTF-8; save it as UTF-8 (in PowerShell: Out-File -Encoding utf8)`;
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad === null) return 'the file is not valid UTF-8; save the file as UTF-8';
  const { offset, end, truncated } = bad;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const shown = Array.from(bytes.subarray(offset, end), hex).join(' ');
  const what = end === offset + 1 ? `byte ${shown} is not valid there` : `bytes ${shown} are not a UTF-8 character`;
  const where = `at byte offset ${offset} (line ${line}, byte ${offset - lineStart + 1} of the line)`;
  if (truncated)
    return `the file is not valid UTF-8: it ends inside a character (${where}: ${shown}); save the file as UTF-8`;
  return `the file is not valid UTF-8: ${where} ${what}; save the file as UTF-8`;
}

const STRICT = new TextDecoder('utf-8', { fatal: true });

/** The text of UTF-8 `bytes` (a leading byte order mark dropped), or why they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: STRICT.decode(bytes) };
  } catch {
    return { ok: false, message: describeInvalidUtf8(bytes) };
  }
}

/** A lone UTF-16 surrogate: a string with one cannot have come from UTF-8 and cannot be written as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Offset of the first lone surrogate in `text`, or -1. */
export function firstLoneSurrogate(text: string): number {
  const m = LONE_SURROGATE.exec(text);
  return m ? m.index : -1;
}
