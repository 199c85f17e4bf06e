/**
 * Reads the DependencyExpression text a real cluster reports (Get-ClusterResourceDependency) into
 * AND-of-OR sets. Windows' normalisation is undocumented (powershell.md §2.5), so this accepts
 * optional (and nested) parentheses around any term and any whitespace; brackets are tokenized
 * first because names may hold parentheses, colons and `and`/`or`. A name may even hold `]`: WSFC
 * writes it verbatim (`[Disk [A]]`, no escape exists, powershell.md §3.1), so when the caller knows the
 * resource names, a bracket is closed after the longest known name that is followed by `]`.
 */

export type DependencyTextResult = { ok: true; sets: string[][] } | { ok: false; message: string };

type Token = { kind: 'name' | 'and' | 'or' | '(' | ')'; text: string; at: number };
type Ast = { kind: 'name'; name: string } | { kind: 'and' | 'or'; items: Ast[] };

/** Where the name opened by `[` at `open` ends: after the longest known name followed by `]`, else at the first `]`. */
function closingBracket(text: string, open: number, known: readonly string[]): number {
  let best = -1;
  for (const name of known) {
    const end = open + 1 + name.length;
    if (end > best && text[end] === ']' && text.startsWith(name, open + 1)) best = end;
  }
  return best >= 0 ? best : text.indexOf(']', open + 1);
}

function tokenize(text: string, known: readonly string[]): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '[') {
      const end = closingBracket(text, i, known);
      if (end < 0) return `the name opened by "[" at column ${i + 1} has no closing "]"`;
      tokens.push({ kind: 'name', text: text.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c, text: c, at: i });
      i += 1;
    } else {
      const word = /^[A-Za-z]+/.exec(text.slice(i))?.[0] ?? '';
      const lower = word.toLowerCase();
      if (lower !== 'and' && lower !== 'or') {
        return `unexpected "${word || c}" at column ${i + 1}: expected a [name], "and", "or" or a parenthesis`;
      }
      tokens.push({ kind: lower, text: word, at: i });
      i += word.length;
    }
  }
  return tokens;
}

/** `known`: the resource names the expression may mention (only needed for names holding `]`). */
export function parseWsfcDependencyText(text: string, known: readonly string[] = []): DependencyTextResult {
  const tokens = tokenize(
    text,
    known.filter((n) => n.includes(']')),
  );
  if (typeof tokens === 'string') return { ok: false, message: tokens };
  if (tokens.length === 0) return { ok: true, sets: [] };
  let pos = 0;
  const fail = (message: string): never => {
    throw new SyntaxError(message);
  };
  const where = () => (pos < tokens.length ? `column ${tokens[pos]!.at + 1}` : 'the end');

  const term = (): Ast => {
    const t = tokens[pos];
    if (!t) return fail('the expression ends where a [name] or "(" was expected');
    if (t.kind === 'name') {
      pos += 1;
      if (t.text.trim() === '') fail(`empty name "[]" at column ${t.at + 1}`);
      return { kind: 'name', name: t.text };
    }
    if (t.kind === '(') {
      pos += 1;
      const inner = expr();
      if (tokens[pos]?.kind !== ')') fail(`expected ")" at ${where()} to close the "(" at column ${t.at + 1}`);
      pos += 1;
      return inner;
    }
    return fail(`unexpected "${t.text}" at column ${t.at + 1}: expected a [name] or "("`);
  };

  const expr = (): Ast => {
    const items = [term()];
    let op: 'and' | 'or' | null = null;
    while (pos < tokens.length && (tokens[pos]!.kind === 'and' || tokens[pos]!.kind === 'or')) {
      const t = tokens[pos]!;
      const k = t.kind as 'and' | 'or';
      if (op && op !== k) fail(`"${t.text}" at column ${t.at + 1} mixes "and" and "or" without parentheses`);
      op = k;
      pos += 1;
      items.push(term());
    }
    return op ? { kind: op, items } : items[0]!;
  };

  try {
    const ast = expr();
    if (pos < tokens.length) fail(`unexpected "${tokens[pos]!.text}" at column ${tokens[pos]!.at + 1}`);
    return { ok: true, sets: toSets(ast) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

function orMembers(ast: Ast): string[] {
  if (ast.kind === 'name') return [ast.name];
  if (ast.kind === 'or') return ast.items.flatMap(orMembers);
  throw new SyntaxError('an "or" set contains an "and": WSFC expressions are ANDs of ORs');
}

function toSets(ast: Ast): string[][] {
  if (ast.kind === 'and') return ast.items.flatMap(toSets);
  return [orMembers(ast)];
}
