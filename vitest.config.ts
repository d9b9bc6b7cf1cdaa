import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/reliability/**/*.test.ts',
      'test/security/**/*.test.ts',
    ],
    environment: 'node',
    // A real Secret Service for the keytar tests: reuses the session's, or starts a private bus + gnome-keyring.
    globalSetup: ['test/support/secret-service.ts'],
    // Whole-desk tests (a store, intake, simulator and keychain each) take 20–30 s on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2 cores: PGlite and PostgreSQL suites are heavy; keep parallelism modest.
    maxWorkers: 2,
  },
});
