import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readFileSync } from 'node:fs';
import { URL } from 'node:url';

// The engine must stay headless and deterministic (engineering guide): no UI libraries,
// no DOM, no real time and no real randomness inside src/engine.
const engineRestrictedImports = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/engine is headless: no React.' },
    { group: ['zustand', 'zustand/*'], message: 'src/engine is headless: the store lives in src/store.' },
    { group: ['@xyflow/*'], message: 'src/engine is headless: no React Flow.' },
    { group: ['**/ui/**', '**/store/**', '**/app/**'], message: 'src/engine must not depend on the UI layers.' },
    {
      regex: '^(\\.\\./)+(app|cli|design|design-ui|lesson|lesson-ui|lessons|scenarios|store|sweep|ui|whatif-ui)(/|$)',
      message: 'src/engine is the bottom layer: it imports nothing from the other folders of src.',
    },
  ],
};

// The folders of src import one way (issue 8 §4): app → ui, design-ui, lesson-ui, whatif-ui → store →
// engine, and design-ui → design → engine; the headless design, lesson and sweep use only the engine.
// Each folder lists what it may import besides itself, in src/layers.json: the one map that this
// config and src/architecture.test.ts (which resolves every import to its folder) both read. Tests
// may wire layers together. '.' (main.tsx) and the data-only or bottom folders get no block here.
const ALL_LAYERS = JSON.parse(readFileSync(new URL('./src/layers.json', import.meta.url), 'utf8'));
const LAYERS = Object.fromEntries(Object.entries(ALL_LAYERS).filter(([k, v]) => k !== '.' && v.length > 0));
const LAYER_FOLDERS = Object.keys(ALL_LAYERS).filter((k) => k !== '.');
const TEST_FILES = ['src/**/*.test.{ts,tsx}', 'src/**/*.testutil.ts', 'src/**/test/**', 'src/**/__fixtures__/**'];
const engineInternals = {
  regex: '^(\\.\\./)+engine/(?!index(\\.ts)?$).+',
  message: 'Outside src/engine, import the engine through src/engine/index.ts (export what is missing there).',
};
const layerBlocks = Object.entries(LAYERS).map(([folder, allowed]) => {
  const forbidden = LAYER_FOLDERS.filter((f) => f !== folder && !allowed.includes(f));
  return {
    files: [`src/${folder}/**/*.{ts,tsx}`],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
              message: `Layers import one way: src/${folder} may import only ${allowed.join(', ')}.`,
            },
            engineInternals,
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  // Plain JS files (this config, the CLI launcher) are in no tsconfig: lint them without types.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Store actions and component props are closures declared in method syntax; none reads `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Async methods that implement a Promise interface (in-memory storage) need no await, and stay async
      // so that a throw becomes a rejection like in the IndexedDB implementation.
      '@typescript-eslint/require-await': 'off',
      // React ignores an event handler's return value; an async handler reports its own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Tests read JSON and build deliberately malformed input, so `any` is what they handle.
    files: [...TEST_FILES, 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  ...layerBlocks,
  {
    // The entry point mounts the app: it may import any layer, the engine only by its index.
    files: ['src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ ...engineInternals, regex: '^\\./engine/(?!index(\\.ts)?$).+' }] },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', engineRestrictedImports],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/engine is headless.' },
        { name: 'document', message: 'src/engine is headless.' },
        { name: 'setTimeout', message: 'Use the virtual clock.' },
        { name: 'setInterval', message: 'Use the virtual clock.' },
        { name: 'requestAnimationFrame', message: 'src/engine is headless.' },
        { name: 'performance', message: 'No real time inside the engine.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'No real time inside the engine: use the virtual clock.' },
        { object: 'Math', property: 'random', message: 'No real randomness: use the seeded generator.' },
      ],
    },
  },
  {
    // The fuzzer's checker is written from the contract, not from the engine: it may use the public
    // API (src/engine/index.ts) and nothing inside the engine, so an engine bug cannot be copied into it.
    files: ['src/engine/fuzz/**/*.ts', 'scripts/fuzz.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...engineRestrictedImports.patterns,
            {
              group: [
                '**/engine/cluster/**',
                '**/engine/policies/**',
                '**/engine/machines/**',
                '**/engine/validation/**',
                '**/engine/clock/**',
                '**/engine/model/**',
                '**/engine/testing/**',
                '../cluster/*',
                '../policies/*',
                '../machines/*',
                '../validation/*',
                '../model/*',
                '../clock/*',
                '../testing/*',
                '../../cluster/*',
                '../../policies/*',
                '../../machines/*',
                '../../model/*',
              ],
              message: 'The fuzz checker reads only the public API (src/engine/index.ts).',
            },
          ],
        },
      ],
    },
  },
);
