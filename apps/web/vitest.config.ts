// Unit tests for the web app's pure logic; the browser journey has its own config (vitest.e2e.config.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    // The JSON report lets `pnpm test` print one total across packages.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
