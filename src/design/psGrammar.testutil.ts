/**
 * Test support: parse PowerShell with the tree-sitter-powershell grammar (its shipped
 * tree-sitter-powershell.wasm) through web-tree-sitter, and list every ERROR / MISSING node.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';

let parser: Promise<Parser> | null = null;

function grammarWasmPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('tree-sitter-powershell/package.json')), 'tree-sitter-powershell.wasm');
}

export function powerShellParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    const language = await Language.load(grammarWasmPath());
    const p = new Parser();
    p.setLanguage(language);
    return p;
  })();
  return parser;
}

export interface SyntaxProblem {
  kind: 'ERROR' | 'MISSING';
  line: number;
  column: number;
  text: string;
}

/** Every ERROR or MISSING node of the parse, with 1-based line/column and the offending line. */
export async function syntaxProblems(source: string): Promise<SyntaxProblem[]> {
  const tree = (await powerShellParser()).parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const lines = source.split('\n');
  const problems: SyntaxProblem[] = [];
  const visit = (node: Node) => {
    if (node.isError || node.isMissing) {
      problems.push({
        kind: node.isError ? 'ERROR' : 'MISSING',
        line: node.startPosition.row + 1,
        column: node.startPosition.column + 1,
        text: lines[node.startPosition.row] ?? '',
      });
    }
    if (node.hasError || node.isMissing) for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  tree.delete();
  return problems;
}
