import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium where installed (CI); otherwise Playwright's own browser. */
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => Boolean(path && existsSync(path)),
);
const port = Number(process.env.E2E_PORT ?? 4329);
/** The sub-path the site is built for (RECALL_BASE), so tests also run under e.g. /recall/. */
const base = process.env.RECALL_BASE ?? '/';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [[process.env.CI ? 'line' : 'list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'reports/playwright.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}${base}`,
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  webServer: {
    // --ignore-lock: Astro otherwise refuses to start while another preview of this project runs.
    command: `npm run preview -- --host 127.0.0.1 --port ${port} --ignore-lock`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    env: { ASTRO_PREVIEW_BACKGROUND: '0' },
    stdout: 'ignore',
  },
});
