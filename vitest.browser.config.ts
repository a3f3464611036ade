import { defineConfig } from 'vitest/config';

// Browser tests drive real Chromium and Firefox; they share the machine's two cores, so files run
// one at a time.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
