import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium; browsers cannot be downloaded here (never `playwright install`).
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};
const phone = { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions };
const desktop = { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions };

export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? '3100'}`,
    locale: 'da-DK',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'phone-js', testIgnore: /locked/, use: { ...phone, javaScriptEnabled: true } },
    { name: 'phone-nojs', testIgnore: /locked/, use: { ...phone, javaScriptEnabled: false } },
    // The administration is mostly used at a desk.
    { name: 'desktop', testMatch: /admin/, use: { ...desktop, javaScriptEnabled: true } },
    // Moves the demo hearing's deadline into the past, so it runs after the others.
    {
      name: 'locked',
      testMatch: /locked/,
      dependencies: ['phone-js', 'phone-nojs', 'desktop'],
      use: { ...phone },
    },
  ],
});
