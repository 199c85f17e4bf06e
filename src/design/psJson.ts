/**
 * Readers for the value shapes Windows PowerShell's ConvertTo-Json really produces
 * (powershell.md §2.3, §2.5, §2.6): BOMs and UTF-16, single items not wrapped in arrays, the 5.1
 * `{"value":[…],"Count":n}` wrapper, nested objects cut off to their names by -Depth, enums as
 * numbers (or names with -EnumsAsStrings), numbers as strings, booleans for 0/1.
 */

/** Decode a file's bytes: BOM FF FE → UTF-16LE, FE FF → UTF-16BE, EF BB BF → UTF-8 (BOM dropped), else UTF-8. */
export function decodeDumpBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The 5.1 PSObject-wrapped array `{"value":[…],"Count":n}` → the array; anything else unchanged. */
export function unwrap(v: Json | undefined): Json | undefined {
  if (isObject(v) && Array.isArray(v.value) && 'Count' in v) return v.value;
  return v;
}

/** A collection: absent → [], a single unwrapped item → [item], the 5.1 wrapper → its array. */
export function asArray(v: Json | undefined): Json[] {
  const u = unwrap(v);
  if (u === undefined || u === null) return [];
  return Array.isArray(u) ? u : [u];
}

/** A cluster object as its name: a string (cut off by -Depth, or a dump field) or an object's `Name`. */
export function asName(v: Json | undefined): string | null {
  if (typeof v === 'string') return v;
  if (isObject(v) && typeof v.Name === 'string') return v.Name;
  return null;
}

/** Property lookup that tolerates letter case (PowerShell property names are case-insensitive). */
export function prop(obj: JsonObject, key: string): Json | undefined {
  if (key in obj) return obj[key];
  const lower = key.toLowerCase();
  const found = Object.keys(obj).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : obj[found];
}

export type IntRead = { ok: true; value: number } | { ok: false; reason: string } | { ok: 'absent' };

/** An integer written as a number, a numeric string, or a boolean (→ 1/0). */
export function readInt(v: Json | undefined): IntRead {
  if (v === undefined || v === null) return { ok: 'absent' };
  if (typeof v === 'boolean') return { ok: true, value: v ? 1 : 0 };
  if (typeof v === 'number') {
    return Number.isInteger(v) ? { ok: true, value: v } : { ok: false, reason: `${v} is not a whole number` };
  }
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^-?\d+$/.test(t)) return { ok: true, value: Number(t) };
    if (/^(true|false)$/i.test(t)) return { ok: true, value: /^true$/i.test(t) ? 1 : 0 };
    return { ok: false, reason: `"${v}" is not a number` };
  }
  return { ok: false, reason: `expected a number, found ${Array.isArray(v) ? 'an array' : 'an object'}` };
}

/** An enum given as its number or (PowerShell 7 -EnumsAsStrings, or a *Name field) its name. */
export function readEnum(v: Json | undefined, names: Readonly<Record<string, number>>): IntRead {
  if (typeof v === 'string' && !/^\s*-?\d+\s*$/.test(v)) {
    const key = Object.keys(names).find((n) => n.toLowerCase() === v.trim().toLowerCase());
    return key === undefined ? { ok: false, reason: `unknown value "${v}"` } : { ok: true, value: names[key]! };
  }
  return readInt(v);
}

/** "line L, column C" for a character offset. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

/**
 * Where JSON.parse would fail, as a character offset and a reason. V8's own messages do not always
 * carry a position, so the place is found by this small scanner (RFC 8259 syntax).
 */
export function jsonSyntaxError(text: string): { offset: number; reason: string } | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const fail = (reason: string): never => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- a control-flow value, caught and returned below
    throw { offset: i, reason };
  };
  const describe = () => (i >= text.length ? 'the end of the text' : `"${text[i]}"`);
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe()}`);
  };
  const string = () => {
    i += 1;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('a control character (such as a line break) inside a string');
      if (text[i] === '\\') {
        i += 1;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('a \\u escape needs four hex digits');
          i += 5;
        } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i]!)) i += 1;
        else fail(`invalid escape "\\${text[i] ?? ''}"`);
      } else i += 1;
    }
    if (i >= text.length) fail('a string is not closed');
    i += 1;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ":", found ${describe()}`);
        i += 1;
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          return;
        } else fail(`expected "," or "}", found ${describe()}`);
      }
    }
    if (c === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          return;
        } else fail(`expected "," or "]", found ${describe()}`);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m && m[0] !== '' && m[0] !== '-') {
      i += m[0].length;
      return;
    }
    fail(`unexpected ${describe()}: expected a value`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
    return null;
  } catch (e) {
    return e as { offset: number; reason: string };
  }
}
