import { defineConfig } from 'vitest/config';

/** End-to-end tests in real browsers; run after `npm run build` (see package.json "test"). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
