import { defineConfig } from 'vitest/config';

// Browser tests: real Debian Chromium through playwright-core against the built app (dist/).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
