import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // 2 cores: PGlite and PostgreSQL suites are heavy; keep parallelism modest.
    maxWorkers: 2,
  },
});
