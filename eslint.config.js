import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The engine must stay headless and deterministic (engineering guide): no UI libraries,
// no DOM, no real time and no real randomness inside src/engine.
const engineRestrictedImports = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/engine is headless: no React.' },
    { group: ['zustand', 'zustand/*'], message: 'src/engine is headless: the store lives in src/store.' },
    { group: ['@xyflow/*'], message: 'src/engine is headless: no React Flow.' },
    { group: ['**/ui/**', '**/store/**', '**/app/**'], message: 'src/engine must not depend on the UI layers.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
