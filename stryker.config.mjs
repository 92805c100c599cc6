// `npm run mutate`: mutation testing of the pure core and the host's KVS and queue rules (not in CI: it takes minutes).
// The report is written to reports/mutation/; the score is printed at the end.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.mts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/core/**/*.ts',
    'local/services/kvs/*.ts',
    'local/services/queue/*.ts',
    '!**/*.test.ts',
    // The tests' own fixtures, not rules.
    '!local/services/kvs/test-harness.ts',
    '!local/services/queue/test-harness.ts',
  ],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
