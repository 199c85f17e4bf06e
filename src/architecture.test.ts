/**
 * The folders of src import one way (issue 8 §4): app → ui, design-ui, lesson-ui, whatif-ui → store →
 * engine, and design-ui → design → engine; the headless folders (design, lesson, sweep) use only the
 * engine. Code outside src/engine reaches the engine only through src/engine/index.ts, so the engine
 * can change inside without breaking its callers. ESLint's no-restricted-imports (eslint.config.js)
 * flags the same mistakes in the editor by import text; this test resolves every import to its
 * folder, so it also catches what a text pattern cannot (e.g. a relative path that climbs into a
 * layer by an unusual route). Tests and test helpers may wire layers together and are not scanned.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import layers from './layers.json';

const SRC = path.dirname(fileURLToPath(import.meta.url));

/**
 * What each top-level folder of src may import besides itself (src/layers.json, which eslint.config.js
 * reads too). `.` is src itself (main.tsx, the entry point that mounts the app). `lessons` and
 * `scenarios` hold JSON data only. A folder missing there is an error: a new folder must say where it
 * sits. The mode views may reuse the shared views of src/ui (never the reverse, never each other).
 */
const LAYERS: Readonly<Record<string, readonly string[]>> = layers;

/** Files that only tests load: they may import any folder's internals. */
function isTestFile(rel: string): boolean {
  return /\.(test|testutil)\.tsx?$/.test(rel) || /(^|\/)(test|tests|__fixtures__)\//.test(rel) || rel.endsWith('.d.ts');
}

/** The top-level folder of a path relative to src ('.' for files directly in src). */
function folderOf(rel: string): string {
  const parts = rel.split('/');
  return parts.length > 1 ? (parts[0] ?? '.') : '.';
}

/** Every module specifier in a source text: static, re-export, side-effect and dynamic imports (not comments). */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * Why `spec`, imported by the file at `rel` (relative to src, forward slashes), breaks the layering,
 * or null when it does not. Package imports are not layering and pass.
 */
function layerViolation(rel: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const from = folderOf(rel);
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec.replace(/\?.*$/, '')));
  if (target.startsWith('..')) return `imports ${spec}, outside src`;
  // A bare folder name ('../engine') is that folder's index, not a file in src itself.
  const to = target in LAYERS ? target : folderOf(target);
  if (to === from) return null;
  const allowed = LAYERS[from];
  if (!allowed) return `is in src/${from}, a folder with no layer: add it to LAYERS in src/architecture.test.ts`;
  if (!allowed.includes(to)) {
    return `imports ${spec} (src/${to}), but src/${from === '.' ? '' : from} may import only ${allowed.join(', ') || 'itself'}`;
  }
  if (to === 'engine' && !/^engine(\/index(\.ts)?)?$/.test(target)) {
    return `imports ${spec}, an engine internal: use src/engine/index.ts (export it there if it is missing)`;
  }
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** "src/ui/X.tsx imports ../app/format ..." for every offending import of every non-test source file. */
function scanSrc(): { files: number; problems: string[] } {
  const rels = sourceFiles(SRC)
    .map((f) => path.relative(SRC, f).split(path.sep).join('/'))
    .filter((rel) => !isTestFile(rel));
  const problems = rels.flatMap((rel) =>
    importsOf(readFileSync(path.join(SRC, rel), 'utf8')).flatMap((spec) => {
      const why = layerViolation(rel, spec);
      return why ? [`src/${rel} ${why}`] : [];
    }),
  );
  return { files: rels.length, problems };
}

describe('import layering', () => {
  it('every non-test source file imports only its own folder or a layer below it, and the engine only by its index', () => {
    const { files, problems } = scanSrc();
    expect(files).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('the layer map itself is one-way (no cycle between folders)', () => {
    const done = new Set<string>();
    const onPath: string[] = [];
    const visit = (folder: string): void => {
      if (onPath.includes(folder)) throw new Error(`layer cycle: ${[...onPath, folder].join(' → ')}`);
      if (done.has(folder)) return;
      onPath.push(folder);
      for (const next of LAYERS[folder] ?? []) visit(next);
      onPath.pop();
      done.add(folder);
    };
    for (const folder of Object.keys(LAYERS)) visit(folder);
    expect(done.size).toBe(Object.keys(LAYERS).length);
  });
});

describe('the layering scanner (self-check)', () => {
  it('finds static, type-only, re-export, side-effect and dynamic imports, but not commented ones', () => {
    const text = [
      "import { a } from '../app/format';",
      "import type { V } from '../engine/model/view';",
      "export { b } from '../store/format';",
      "import './side.css';",
      "const lazy = () => import('../lesson-ui');",
      "// import { nope } from '../app/actions';",
      "/* import { nope } from '../app/actions'; */",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      '../app/format',
      '../engine/model/view',
      '../store/format',
      './side.css',
      '../lesson-ui',
    ]);
  });

  it('flags an upward import and names the file, the import and what the folder may use', () => {
    expect(layerViolation('ui/Inspector.tsx', '../app/format')).toBe(
      'imports ../app/format (src/app), but src/ui may import only store, engine',
    );
    expect(layerViolation('store/explain.ts', '../ui/upcoming')).toMatch(
      /src\/store may import only engine, scenarios/,
    );
    expect(layerViolation('engine/cluster/engine.ts', '../../store/types')).toMatch(
      /src\/engine may import only itself/,
    );
    expect(layerViolation('design/lint.ts', '../design-ui/store/ops')).toMatch(/src\/design may import only engine/);
    expect(layerViolation('ui/canvas/Node.tsx', '../../whatif-ui/model')).toMatch(/\(src\/whatif-ui\)/);
  });

  it('flags an engine internal from outside the engine, and allows the index and internals inside the engine', () => {
    expect(layerViolation('ui/canvas/focus.ts', '../../engine/model/view')).toBe(
      'imports ../../engine/model/view, an engine internal: use src/engine/index.ts (export it there if it is missing)',
    );
    expect(layerViolation('design/lint.ts', '../engine/policies/dependencyExpr')).toMatch(/engine internal/);
    expect(layerViolation('ui/canvas/focus.ts', '../../engine')).toBeNull();
    expect(layerViolation('design/owners.ts', '../engine/index')).toBeNull();
    expect(layerViolation('engine/cluster/groups.ts', '../model/view')).toBeNull();
  });

  it('allows same-folder, downward and package imports, and flags a folder with no layer', () => {
    expect(layerViolation('ui/canvas/GroupNode.tsx', '../parts')).toBeNull();
    expect(layerViolation('whatif-ui/ABPlayer.tsx', '../ui/TimeControls')).toBeNull();
    expect(layerViolation('design-ui/Toolbar.tsx', '../design/powershellExport')).toBeNull();
    expect(layerViolation('store/format.ts', 'react')).toBeNull();
    expect(layerViolation('main.tsx', './app/App')).toBeNull();
    expect(layerViolation('newthing/x.ts', '../engine')).toMatch(/no layer: add it to LAYERS/);
    expect(layerViolation('ui/x.ts', '../../../shared/spec.md')).toMatch(/outside src/);
  });

  it('treats tests and test helpers as tests', () => {
    expect(isTestFile('store/limits.test.ts')).toBe(true);
    expect(isTestFile('ui/test/fakeSimulation.ts')).toBe(true);
    expect(isTestFile('sweep/fixtures.testutil.ts')).toBe(true);
    expect(isTestFile('design/__fixtures__/goldenCases.ts')).toBe(true);
    expect(isTestFile('ui/timelineModel.ts')).toBe(false);
  });
});

// ---- no import cycle inside the engine or the store ---------------------------------------------

/** The file a relative import names: `./x` is x.ts, x.tsx or x/index.ts; null when none exists. */
function resolveImport(fromFile: string, spec: string, files: ReadonlySet<string>): string | null {
  const base = path.join(path.dirname(fromFile), spec);
  for (const f of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (files.has(f)) return f;
  return null;
}

/**
 * Every file of a folder (tests too) and the files of that folder it imports. Type-only imports
 * count: a type-only cycle is still two files that cannot be read, or changed, one without the other.
 */
function importGraph(dir: string): Map<string, string[]> {
  const files = new Set(sourceFiles(dir));
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const deps = importsOf(readFileSync(f, 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolveImport(f, spec, files))
      .filter((d): d is string => d !== null);
    graph.set(f, [...new Set(deps)]);
  }
  return graph;
}

/** One cycle of the graph as a path `a → b → a`, or null when the graph is acyclic. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (node: string): string[] | null => {
    const at = onPath.indexOf(node);
    if (at >= 0) return [...onPath.slice(at), node];
    if (done.has(node)) return null;
    onPath.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(node);
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('src/engine and src/store import one way', () => {
  it.each([
    ['engine', 80],
    ['store', 30],
  ])('src/%s has no import cycle, type-only imports included', (folder, atLeast) => {
    const graph = importGraph(path.join(SRC, folder));
    expect(graph.size).toBeGreaterThan(atLeast);
    const cycle = findCycle(graph);
    expect(cycle && cycle.map((f) => path.relative(SRC, f)).join(' → ')).toBeNull();
  });

  it('the cycle finder finds a cycle, and only a cycle', () => {
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['a']]]))).toEqual(['a', 'a']);
    expect(
      findCycle(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toBeNull();
  });

  it('resolves ./x to x.ts, x.tsx or x/index.ts', () => {
    const files = new Set(['/s/a.ts', '/s/b.tsx', '/s/c/index.ts']);
    expect(['./a', './b', './c', './d'].map((s) => resolveImport('/s/z.ts', s, files))).toEqual([
      '/s/a.ts',
      '/s/b.tsx',
      '/s/c/index.ts',
      null,
    ]);
  });
});

// ---- one place per action ------------------------------------------------------------------------

/**
 * Script actions are defined once each, in src/engine/actions (one file per action, listed in
 * registry.ts); nothing else switches over their names, so adding an action touches one place.
 * The fuzz checker is exempt: it is an independent model of the contract, written apart from the
 * engine on purpose so that it can catch the engine's mistakes.
 */
it('no source file outside src/engine/actions switches over the action names', () => {
  const names = [
    ...readFileSync(path.join(SRC, 'engine', 'actions', 'registry.ts'), 'utf8').matchAll(
      /^import \{ (\w+) \} from '\.\/\1';$/gm,
    ),
  ].map((m) => m[1]);
  expect(names).toHaveLength(17 + 7); // scenario-format.md §2 and networks.md §2
  const switches = new RegExp(`case '(${names.join('|')})'`);
  const offenders = sourceFiles(SRC)
    .map((f) => path.relative(SRC, f).split(path.sep).join('/'))
    .filter((rel) => !isTestFile(rel) && !rel.startsWith('engine/actions/') && !rel.startsWith('engine/fuzz/checker/'))
    .filter((rel) => switches.test(readFileSync(path.join(SRC, rel), 'utf8')));
  expect(offenders).toEqual([]);
});

// ---- small files ---------------------------------------------------------------------------------

const ROOT = path.dirname(SRC);
const MAX_LINES = 400;

/** Every stylesheet below `dir`: split by part, like the code (a file a component or panel). */
function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(full);
    return entry.name.endsWith('.css') ? [full] : [];
  });
}

it(`no source file or stylesheet under src/ or e2e/, tests included, is over ${MAX_LINES} lines`, () => {
  const css = cssFiles(SRC);
  expect(css.length).toBeGreaterThan(10);
  const files = [...sourceFiles(SRC), ...sourceFiles(path.join(ROOT, 'e2e')), ...css].map((f) =>
    path.relative(ROOT, f).split(path.sep).join('/'),
  );
  expect(files.length).toBeGreaterThan(200);
  const long = files
    .map((rel) => ({ rel, lines: readFileSync(path.join(ROOT, rel), 'utf8').split('\n').length - 1 }))
    .filter((f) => f.lines > MAX_LINES)
    .map((f) => `${f.rel}: ${f.lines} lines`);
  expect(long).toEqual([]);
});
