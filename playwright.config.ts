import { defineConfig } from '@playwright/test';

// The agent PWA against a real PocketBase (see tests/e2e/global-setup.ts), on a phone-sized screen first.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  globalTeardown: './tests/e2e/global-teardown.ts',
  workers: 1,
  // One retry: two specs (queue search by an earlier message, the JSON push) each failed once in a full run on a
  // quiet machine and passed alone and on repeat; npm test prints how many passed only on their retry, so a flake
  // stays visible instead of turning CI red at random. The causes are not found yet (see the open issues' notes).
  retries: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.reports/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    viewport: { width: 360, height: 640 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 2,
    locale: 'en-US',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          // Debian's Chromium: never `playwright install` on these machines.
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
        },
      },
    },
  ],
});
