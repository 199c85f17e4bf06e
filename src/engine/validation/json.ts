/** Reading scenario text: JSON syntax errors become one issue at `(file)`. */
import type { ValidationResult } from '../model/scenario';

export const FILE_PATH = '(file)';

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}

/**
 * "invalid JSON at line 3, column 5: Expected ',' or '}' after property value" from the engine's
 * JSON.parse message (V8: "... in JSON at position N" and sometimes "(line L column C)";
 * Firefox: "... at line L column C of the JSON data").
 */
export function describeJsonError(text: string, message: string): string {
  let where: { line: number; column: number } | null = null;
  const lc = /line (\d+) column (\d+)/.exec(message);
  const pos = /at position (\d+)/.exec(message);
  if (lc) where = { line: Number(lc[1]), column: Number(lc[2]) };
  else if (pos) where = lineColumn(text, Number(pos[1]));
  else if (/unexpected end/i.test(message)) where = lineColumn(text, text.length);
  const reason = message
    .replace(/^JSON\.parse:\s*/, '')
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*at line \d+ column \d+ of the JSON data/, '')
    .replace(/\s*in JSON at position \d+/, '')
    .trim();
  return where ? `invalid JSON at line ${where.line}, column ${where.column}: ${reason}` : `invalid JSON: ${reason}`;
}

export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; result: ValidationResult } {
  if (typeof text !== 'string') {
    return {
      ok: false,
      result: { ok: false, errors: [{ path: FILE_PATH, message: 'the scenario file must be text' }] },
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      result: { ok: false, errors: [{ path: FILE_PATH, message: describeJsonError(body, message) }] },
    };
  }
}
