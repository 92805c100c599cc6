import { defineConfig } from 'vitest/config';

/**
 * The unit tests that judge the mutants of `npm run mutate` (stryker.config.mjs): the pure core's and the host's
 * KVS and queue rules'. No page build, no browser: each mutant is run against these alone.
 */
export default defineConfig({
  test: {
    include: ['src/core/**/*.test.ts', 'local/services/kvs/**/*.test.ts', 'local/services/queue/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
