// Vitest settings every package shares. Integration tests (*.integration.test.ts) talk to the real
// Postgres and Redis named here; the JSON report lets `pnpm test` print one total at the end.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: {
      DATABASE_URL:
        process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/tessera_test',
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // VITEST_JSON_REPORT: a second run of some files (the Redis Cluster step) keeps its own report.
    reporters: [
      'default',
      ['json', { outputFile: process.env.VITEST_JSON_REPORT ?? 'test-results/vitest.json' }],
    ],
  },
});
