import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,dev-db,dev-mailbox,hasura-metadata,seed,test-support,hasura,actions,web,scripts,examples}/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['./test-support/src/global-setup.ts'],
    setupFiles: ['./test-support/src/fail-on-console-error.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
