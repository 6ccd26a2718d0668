import { fileURLToPath } from 'node:url';
import { defaultServerConditions } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';

// `*.rsc.test.ts` run as React Server Components code does in Next: with the react-server condition, so
// that React's cache() keeps values within a render (lib/testing/render-scope.ts). Everything else runs
// as plain Node.
const rscTests = '**/*.rsc.test.ts';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside React Server Components; unit tests run server code directly.
      'server-only': fileURLToPath(new URL('./lib/testing/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    setupFiles: ['./lib/testing/setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,mocks,components,app,scripts}/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, rscTests],
        },
      },
      {
        extends: true,
        ssr: {
          resolve: {
            conditions: ['react-server', ...defaultServerConditions],
            externalConditions: ['react-server'],
          },
        },
        test: { name: 'rsc', include: [`{lib,app}/${rscTests}`] },
      },
    ],
  },
});
