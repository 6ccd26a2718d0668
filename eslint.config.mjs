import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

// Client code (components, browser hooks) may never reach the TSB client or server configuration.
const serverOnlyImports = {
  patterns: [
    { group: ['@/lib/tsb', '@/lib/tsb/*', '**/lib/tsb/*'], message: 'lib/tsb is server-only.' },
    { group: ['@/lib/config', '**/lib/config'], message: 'lib/config is server-only.' },
    { group: ['@/lib/requests', '@/lib/requests/*'], message: 'services are server-only.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'next-env.d.ts',
      'playwright-report/**',
      'test-results/**',
      'data/**',
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      'import/no-cycle': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'lib/query/**/*.{ts,tsx}', 'lib/pki/**/*.ts', 'lib/policy/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', serverOnlyImports] },
  },
  {
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
