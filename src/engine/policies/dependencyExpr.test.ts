import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDependencyExpr, parseDependencyExpr } from './dependencyExpr';

function parsed(text: string): string[][] {
  const r = parseDependencyExpr(text);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${r.message}`);
  return r.expr;
}

function rejected(text: string): string {
  const r = parseDependencyExpr(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected, got ${JSON.stringify(r.expr)}`);
  return r.message;
}

describe('parseDependencyExpr', () => {
  it('parses the contract example: ANDs of ORs', () => {
    expect(parsed('([IP1] or [IP2]) and [Disk]')).toEqual([['IP1', 'IP2'], ['Disk']]);
  });

  it('reads a single name, AND chains and parenthesized singletons', () => {
    expect(parsed('[SQL IP]')).toEqual([['SQL IP']]);
    expect(parsed('[A] and [B] and [C]')).toEqual([['A'], ['B'], ['C']]);
    expect(parsed('([A]) and [B]')).toEqual([['A'], ['B']]);
  });

  it('treats a bare OR chain as one OR set', () => {
    expect(parsed('[A] or [B]')).toEqual([['A', 'B']]);
    expect(parsed('[A] or [B] or [C]')).toEqual([['A', 'B', 'C']]);
  });

  it('accepts and/or in any letter case and any whitespace', () => {
    expect(parsed('  ( [A]   OR [B] )AND[C]  ')).toEqual([['A', 'B'], ['C']]);
    expect(parsed('[A] Or [B]')).toEqual([['A', 'B']]);
    expect(parsed('[A]\n\tAnD [B]')).toEqual([['A'], ['B']]);
  });

  it('keeps names verbatim: any character but "]", including spaces, parentheses and keywords', () => {
    expect(parsed('[SQL Server (MSSQL) and more] and [x[y]')).toEqual([['SQL Server (MSSQL) and more'], ['x[y']]);
  });

  it('reads empty or whitespace-only text as no dependencies', () => {
    expect(parsed('')).toEqual([]);
    expect(parsed('   ')).toEqual([]);
  });

  it.each([
    ['[A] or [B] and [C]', 'without parentheses'],
    ['[A] and [B] or [C]', 'without parentheses'],
    ['([A] and [B])', 'inside parentheses'],
    ['(([A] or [B]))', 'cannot be nested'],
    ['([A] or [B]', 'never closed'],
    ['[A])', 'no opening "("'],
    ['[A] and', 'end of the expression'],
    ['and [A]', 'expected a name'],
    ['[A] [B]', 'expected "and" or "or"'],
    ['[A] xor [B]', 'unexpected word "xor"'],
    ['[A', 'no closing "]"'],
    ['A]', 'unexpected word "A"'],
    [']', 'no opening "["'],
    ['[]', 'empty name'],
    ['[A] & [B]', 'unexpected "&"'],
    ['()', 'expected a name'],
    ['[A] or', 'after "or"'],
  ])('rejects %j (%s)', (text, fragment) => {
    expect(rejected(text)).toContain(fragment);
  });

  it('gives 1-based character positions', () => {
    expect(rejected('[A] and [B] xor')).toContain('character 13');
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('[', ']', '(', ')', ' ', 'a', 'n', 'd', 'o', 'r', 'A', 'x') }),
        (text) => {
          const r = parseDependencyExpr(text);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
    );
    fc.assert(fc.property(fc.string(), (text) => void parseDependencyExpr(text)));
  });
});

describe('formatDependencyExpr', () => {
  it('writes canonical WSFC text', () => {
    expect(formatDependencyExpr([['A'], ['B', 'C']])).toBe('[A] and ([B] or [C])');
    expect(formatDependencyExpr([['B', 'C']])).toBe('[B] or [C]');
    expect(formatDependencyExpr([['A']])).toBe('[A]');
    expect(formatDependencyExpr([['A'], ['B']])).toBe('[A] and [B]');
    expect(formatDependencyExpr([])).toBe('');
  });

  const name = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes(']'));
  const expr = fc.array(fc.array(name, { minLength: 1, maxLength: 4 }), { maxLength: 5 });

  it('round-trips: parse(format(expr)) = expr', () => {
    fc.assert(
      fc.property(expr, (e) => {
        expect(parseDependencyExpr(formatDependencyExpr(e))).toEqual({ ok: true, expr: e });
      }),
    );
  });

  it('is canonical: format(parse(text)) is a fixed point', () => {
    fc.assert(
      fc.property(
        expr,
        fc.constantFrom('and', 'AND', 'And'),
        fc.constantFrom('or', 'OR', 'oR'),
        fc.constantFrom(' ', '  ', '\t'),
        (e, and, or, ws) => {
          // A non-canonical spelling of the same expression: keyword case, extra whitespace, parentheses around singletons.
          const text = e.map((s) => `(${s.map((n) => `[${n}]`).join(`${ws}${or}${ws}`)})`).join(`${ws}${and}${ws}`);
          const once = parseDependencyExpr(text);
          expect(once).toEqual({ ok: true, expr: e });
          const canonical = formatDependencyExpr(e);
          expect(formatDependencyExpr(parsed(canonical))).toBe(canonical);
        },
      ),
    );
  });
});
