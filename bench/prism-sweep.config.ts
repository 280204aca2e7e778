// The Prism sweep bench (bench/prism-sweep.ts) runs under vitest for its TypeScript harness; it prints figures only.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/prism-sweep.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
