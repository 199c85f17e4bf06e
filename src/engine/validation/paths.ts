/** Paths and quoting shared by the validation modules. */

/** The path shown for an issue about the scenario as a whole. */
export const ROOT_PATH = '(root)';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `groups[0]` + `name` → `groups[0].name`; keys that are not identifiers are written `["my key"]`. */
export function child(path: string, key: string): string {
  if (IDENTIFIER.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** `groups` + 0 → `groups[0]`. */
export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** A user-given name or value quoted for a message: `"SQL Server"` (JSON escapes; plain text, never HTML). */
export function q(text: string): string {
  return JSON.stringify(text);
}

/** A list of quoted names: `"A", "B" and "C"` (or `"A", "B" or "C"`). */
export function qList(names: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  const quoted = names.map(q);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A usable element name: a string with something other than whitespace in it. */
export function isName(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** `group "SQL"`, or `group at groups[1]` when the element has no usable name. */
export function label(kind: string, name: unknown, path: string): string {
  return isName(name) ? `${kind} ${q(name)}` : `${kind} at ${path}`;
}
