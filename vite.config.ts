import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the app (vite), its preview server (e2e) and the unit tests (vitest).
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  worker: { format: 'es' },
  test: {
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    // The engine is headless: its tests run in Node. UI tests opt into jsdom per file
    // with a `// @vitest-environment jsdom` docblock.
    environment: 'node',
    setupFiles: ['src/test/setup.ts'],
  },
});
