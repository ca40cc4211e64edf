import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The fetch tests start real HTTP servers and the CLI tests spawn node: give them room on a
    // 2-core machine, but keep a hard ceiling so that nothing can hang CI.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
