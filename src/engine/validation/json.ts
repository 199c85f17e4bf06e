/**
 * Reading scenario text (contract §1): a JSON syntax error, or text that cannot be UTF-8 (a lone
 * surrogate), is one issue at `(file)`; every key repeated within an object is an issue at that
 * object (`groups[0]: duplicate key "name"`). A leading byte order mark (U+FEFF) is dropped.
 */
import type { ValidationIssue, ValidationResult } from '../model/scenario';
import { findDuplicateKeys } from './duplicateKeys';
import { toPathString } from './issues';
import { firstLoneSurrogate } from './utf8';

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

/** How many repeated keys are listed; the rest are counted in one more issue. */
export const MAX_LISTED_DUPLICATES = 100;

const refuse = (errors: ValidationIssue[]) => ({ ok: false as const, result: { ok: false as const, errors } });

export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; result: Extract<ValidationResult, { ok: false }> } {
  if (typeof text !== 'string') return refuse([{ path: FILE_PATH, message: 'the scenario file must be text' }]);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lone = firstLoneSurrogate(body);
  if (lone >= 0) {
    const { line, column } = lineColumn(body, lone);
    const code = body.charCodeAt(lone).toString(16).toUpperCase();
    return refuse([
      {
        path: FILE_PATH,
        message: `the file is not valid UTF-8: line ${line}, column ${column} holds a lone UTF-16 surrogate (U+${code}), which no UTF-8 file can contain`,
      },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return refuse([{ path: FILE_PATH, message: describeJsonError(body, message) }]);
  }
  // JSON.parse kept the last of repeated keys silently; the file is ambiguous, so it is refused.
  const { found, total } = findDuplicateKeys(body, MAX_LISTED_DUPLICATES);
  if (total === 0) return { ok: true, value };
  const errors: ValidationIssue[] = found.map((d) => ({
    path: toPathString(d.path),
    message: `duplicate key ${JSON.stringify(d.key)}`,
  }));
  if (total > found.length) {
    errors.push({
      path: FILE_PATH,
      message: `${total - found.length} more duplicate keys (only the first ${found.length} are listed)`,
    });
  }
  return refuse(errors);
}
