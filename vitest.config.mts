import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'local/**/*.test.ts', 'static/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Host tests start real processes and a browser: two cores, so keep the fan-out modest.
    maxWorkers: 2,
  },
});
