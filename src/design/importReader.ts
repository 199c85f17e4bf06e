/** The error/warning collector the importer's readers share (each message names its place in the dump). */
import { asArray, asName, prop, readEnum, readInt, unwrap, type JsonObject } from './psJson';

export interface ImportIssue {
  path: string;
  message: string;
}

export class Reader {
  readonly errors: ImportIssue[] = [];
  readonly warnings: string[] = [];

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  warn(path: string, message: string): void {
    this.warnings.push(`${path}: ${message}`);
  }

  /** An integer property, or undefined (absent, or invalid → error recorded). */
  int(obj: JsonObject, key: string, path: string, names?: Record<string, number>): number | undefined {
    const r = names ? readEnum(prop(obj, key), names) : readInt(prop(obj, key));
    if (r.ok === 'absent') return undefined;
    if (r.ok === false) {
      this.error(`${path}.${key}`, r.reason);
      return undefined;
    }
    return r.value;
  }

  /** An enum read from `key`, else from `key`Name (the dump writes both); undefined if absent or unreadable. */
  state(obj: JsonObject, key: string, names: Record<string, number>): number | undefined {
    for (const k of [key, `${key}Name`]) {
      const r = readEnum(prop(obj, k), names);
      if (r.ok === true) return r.value;
    }
    return undefined;
  }

  /** A list of names: an array (or single item) of strings/objects; a string cut off by -Depth is split on spaces. */
  names(obj: JsonObject, key: string, path: string, splitCutOff = true): string[] {
    const raw = unwrap(prop(obj, key));
    if (typeof raw === 'string' && /^System\.[\w.`]+$/.test(raw.trim())) {
      this.warn(`${path}.${key}`, `cut off by ConvertTo-Json -Depth ("${raw}"), ignored; dump again with -Depth 6`);
      return [];
    }
    if (typeof raw === 'string' && /\s/.test(raw.trim()) && splitCutOff) {
      this.warn(`${path}.${key}`, `cut off by ConvertTo-Json -Depth; read "${raw}" as space-separated node names`);
      return raw.trim().split(/\s+/);
    }
    const out: string[] = [];
    asArray(raw).forEach((item, i) => {
      const name = asName(item);
      if (name === null) this.error(`${path}.${key}[${i}]`, 'expected a name (a string or an object with a Name)');
      else out.push(name);
    });
    return out;
  }
}
