import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside React Server Components; unit tests run server code directly.
      'server-only': fileURLToPath(new URL('./lib/testing/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['{lib,mocks,components,app,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['./lib/testing/setup.ts'],
  },
});
