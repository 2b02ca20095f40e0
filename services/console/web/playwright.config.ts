import { defineConfig } from '@playwright/test';

// Run by infra/console-e2e.sh, which starts the real services and console and sets CONSOLE_URL.
const root = `${__dirname}/../../../`;

export default defineConfig({
  testDir: './e2e/specs',
  outputDir: `${root}.local/playwright-output`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Journeys of several sign-ins and pages; a shared CI machine runs them at 40–60 s each.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  globalSetup: './e2e/global-setup.ts',
  reporter: [['list'], ['json', { outputFile: `${root}.local/playwright-results.json` }]],
  use: {
    baseURL: process.env['CONSOLE_URL'] ?? 'http://127.0.0.1:3000',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
