import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,hasura,actions,web,scripts}/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['./test-support/global-setup.ts'],
    setupFiles: ['./test-support/fail-on-console-error.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
