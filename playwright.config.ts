import { defineConfig } from '@playwright/test';

/**
 * Two projects: the browser host driven by Debian's Chromium (runs everywhere), and the real Electron app
 * through Playwright's _electron (its specs skip themselves when no Electron binary is installed).
 */
export default defineConfig({
  globalSetup: './test/e2e/support/global-setup.ts',
  outputDir: 'test-results/artifacts',
  // The JSON report feeds the one-line summary that .ci/run prints.
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  // 2 cores: one worker for the browser, one for the desk core it talks to.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    {
      name: 'browser-host',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
        },
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: 'test/electron',
    },
  ],
});
