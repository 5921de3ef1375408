import { defineConfig } from 'vitest/config';

// Whole hall days in a real browser against a real server: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['test/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
