/**
 * PowerShell quoting for user text (powershell.md §3.1). Names are user text: they are only ever
 * written as single-quoted (verbatim) literals, never inside double quotes.
 */

/**
 * `don't` → `'don''t'`: a verbatim literal; every single-quote character (typographic ones too)
 * doubled. One implementation, the engine's, which the actions' PowerShell lines use too.
 */
export { psLiteral } from '../engine';

/** Text safe inside a `#` line comment: line breaks and other control characters become spaces. */
export function psCommentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001F\u007F\u0085\u2028\u2029]/g, ' ');
}

/** Characters that make a `-Name`/`-Resource`/`-Group` argument risky (wildcards), §3.1. */
export function hasWildcard(name: string): boolean {
  return /[*?[\]`]/.test(name);
}

/**
 * Variables the script itself, or PowerShell, uses. Generated parameter names never start with
 * `fl_` (they are alphanumeric) and never equal one of these (compared case-insensitively).
 */
const RESERVED = new Set(
  [
    'args',
    'input',
    'host',
    'error',
    'true',
    'false',
    'null',
    'this',
    'psitem',
    'matches',
    'event',
    'sender',
    'lastexitcode',
    'myinvocation',
    'pscmdlet',
    'psboundparameters',
    'home',
    'pid',
    'pwd',
    'profile',
    'shellid',
    'stacktrace',
    'executioncontext',
    'foreach',
    'ofs',
    'switch',
    'nestedpromptlevel',
    'psversiontable',
    'pshome',
    'psscriptroot',
    'pscommandpath',
    'psculture',
    'psuiculture',
    'eventargs',
    'eventsubscriber',
    'consolefilename',
    'psdebugcontext',
    'erroractionpreference',
    'verbosepreference',
    'confirmpreference',
  ].map((s) => s.toLowerCase()),
);

/** Hands out unique, safe PowerShell variable names derived from user text (`SQL IP` → `SqlIp`). */
export class VariableNamer {
  private readonly used = new Set<string>();

  /** `base` is user text; `suffix` an ASCII word such as `Address`. */
  name(base: string, suffix = '', fallback = 'Resource'): string {
    const words = base.split(/[^A-Za-z0-9]+/).filter(Boolean);
    let stem = words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('');
    if (stem === '') stem = fallback;
    if (/^[0-9]/.test(stem)) stem = `R${stem}`;
    let candidate = stem + suffix;
    let n = 2;
    while (this.used.has(candidate.toLowerCase()) || RESERVED.has(candidate.toLowerCase())) {
      candidate = `${stem}${n}${suffix}`;
      n += 1;
    }
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}
