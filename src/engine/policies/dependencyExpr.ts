/**
 * WSFC dependency expressions (contract §1 `dependsOn`): ANDs of ORs, e.g.
 * `([IP1] or [IP2]) and [Disk]`. `and`/`or` in any letter case; each name in brackets (any
 * characters but `]`, at least one); parentheses only around OR sets. A bare OR chain with no `and`
 * (`[A] or [B]`) is one OR set; mixing a bare OR chain with `and` is rejected as ambiguous.
 * Pure functions.
 */
import type { DependencyExpr } from '../model/scenario';

export type ParseDependencyResult = { ok: true; expr: DependencyExpr } | { ok: false; message: string };

type Token =
  | { kind: 'name'; name: string; at: number; text: string }
  | { kind: '(' | ')' | 'and' | 'or'; at: number; text: string };

type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; message: string };

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0';
}

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/** Character positions in messages are 1-based. */
function tokenize(text: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (isSpace(c)) {
      i++;
    } else if (c === '[') {
      const close = text.indexOf(']', i + 1);
      if (close < 0) return { ok: false, message: `"[" at character ${i + 1} has no closing "]"` };
      if (close === i + 1) return { ok: false, message: `empty name "[]" at character ${i + 1}` };
      tokens.push({ kind: 'name', name: text.slice(i + 1, close), at: i + 1, text: text.slice(i, close + 1) });
      i = close + 1;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c, at: i + 1, text: c });
      i++;
    } else if (isLetter(c)) {
      let j = i;
      while (j < text.length && isLetter(text[j]!)) j++;
      const word = text.slice(i, j);
      const lower = word.toLowerCase();
      if (lower !== 'and' && lower !== 'or') {
        return {
          ok: false,
          message: `unexpected word "${word}" at character ${i + 1}; expected "and", "or" or a name in brackets`,
        };
      }
      tokens.push({ kind: lower, at: i + 1, text: word });
      i = j;
    } else if (c === ']') {
      return { ok: false, message: `"]" at character ${i + 1} has no opening "["` };
    } else {
      return {
        ok: false,
        message: `unexpected ${JSON.stringify(c)} at character ${i + 1}; names go in brackets, like [Disk]`,
      };
    }
  }
  return { ok: true, tokens };
}

function found(t: Token | undefined): string {
  return t ? `found ${JSON.stringify(t.text)} at character ${t.at}` : 'found the end of the expression';
}

/**
 * Parse a WSFC dependency expression into AND-of-OR sets. Whitespace-only text is the empty
 * expression (no dependencies). Never throws.
 */
export function parseDependencyExpr(text: string): ParseDependencyResult {
  if (typeof text !== 'string') return { ok: false, message: 'a dependency expression must be a string' };
  const tk = tokenize(text);
  if (!tk.ok) return tk;
  const tokens = tk.tokens;
  if (tokens.length === 0) return { ok: true, expr: [] };

  const expr: DependencyExpr = [];
  /** A bare (unparenthesized) OR chain of more than one name, remembered to reject `[A] or [B] and [C]`. */
  let bareOrAt: number | null = null;
  let sawAnd = false;
  let i = 0;

  for (;;) {
    // One AND operand: "(" name (or name)* ")"  |  name (or name)*
    const first = tokens[i];
    if (first?.kind === '(') {
      const open = first;
      i++;
      const set: string[] = [];
      for (;;) {
        const t = tokens[i];
        if (t?.kind === '(')
          return {
            ok: false,
            message: `parentheses cannot be nested (character ${t.at}); they only enclose an OR set like ([A] or [B])`,
          };
        if (t?.kind !== 'name') return { ok: false, message: `expected a name in brackets, ${found(t)}` };
        set.push(t.name);
        i++;
        const next = tokens[i];
        if (next?.kind === 'or') {
          i++;
          continue;
        }
        if (next?.kind === ')') {
          i++;
          break;
        }
        if (next?.kind === 'and') {
          return {
            ok: false,
            message: `"and" at character ${next.at} is inside parentheses; parentheses only enclose names joined by "or"`,
          };
        }
        if (next === undefined) return { ok: false, message: `"(" at character ${open.at} is never closed` };
        return { ok: false, message: `expected "or" or ")", ${found(next)}` };
      }
      expr.push(set);
    } else if (first?.kind === 'name') {
      const set: string[] = [first.name];
      i++;
      while (tokens[i]?.kind === 'or') {
        i++;
        const t = tokens[i];
        if (t?.kind !== 'name') return { ok: false, message: `expected a name in brackets after "or", ${found(t)}` };
        set.push(t.name);
        i++;
      }
      if (set.length > 1) bareOrAt = first.at;
      expr.push(set);
    } else {
      return { ok: false, message: `expected a name in brackets or "(", ${found(first)}` };
    }

    const sep = tokens[i];
    if (sep === undefined) break;
    if (sep.kind === 'and') {
      sawAnd = true;
      i++;
      continue;
    }
    if (sep.kind === ')') return { ok: false, message: `")" at character ${sep.at} has no opening "("` };
    return { ok: false, message: `expected "and" or "or", ${found(sep)}` };
  }

  if (sawAnd && bareOrAt !== null) {
    return {
      ok: false,
      message: `the OR set starting at character ${bareOrAt} is mixed with "and" without parentheses; write it as ([A] or [B]) and [C]`,
    };
  }
  return { ok: true, expr };
}

/**
 * Canonical WSFC text: `[A] and ([B] or [C])`; a lone OR set is written bare (`[B] or [C]`); the
 * empty expression is "". Empty OR sets are skipped. Names containing "]" cannot be written in
 * this syntax (use the array form of `dependsOn` for them).
 */
export function formatDependencyExpr(expr: DependencyExpr): string {
  const sets = expr.filter((s) => s.length > 0);
  const bracket = (n: string) => `[${n}]`;
  if (sets.length === 1) return sets[0]!.map(bracket).join(' or ');
  return sets.map((s) => (s.length === 1 ? bracket(s[0]!) : `(${s.map(bracket).join(' or ')})`)).join(' and ');
}
