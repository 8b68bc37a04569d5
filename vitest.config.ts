import { defineConfig } from 'vitest/config';

// `npm test` always writes vitest's JSON report too: .ci/run reads it to print the closing
// "N passed, N failed" line that the CI harness understands.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
