// Playwright end-to-end tests against the release build in dist/, served by
// scripts/serve-dist.mjs on a free loopback port, in Debian's Chromium.
// Browsers are never downloaded (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { CHROMIUM_ARGS } from './scripts/chromium-args.mjs';

// Pick a free port once, in the runner process; worker processes inherit the
// environment, so they load this file with the same port.
if (!process.env.OSTEOVIZ_E2E_PORT) {
  const probe =
    "const s=require('net').createServer();" +
    "s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});";
  process.env.OSTEOVIZ_E2E_PORT = execFileSync(process.execPath, ['-e', probe]).toString().trim();
}
const port = Number(process.env.OSTEOVIZ_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}/`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'target/playwright',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    // Read by scripts/summarise-tests.mjs for the `make test` total.
    ['json', { outputFile: `${process.env.TEST_LOGS ?? 'target/test-logs'}/playwright.json` }],
  ],
  use: {
    baseURL,
    viewport: { width: 1920, height: 1080 },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1920, height: 1080 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    // OSTEOVIZ_DIST: another build to test (default dist/).
    command: `node scripts/serve-dist.mjs --dir ${process.env.OSTEOVIZ_DIST ?? 'dist'} --host 127.0.0.1 --port ${port}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
