import { defineConfig } from '@playwright/test';

/*
 * End-to-end tests against the running demo portal in Debian's Chromium (Playwright cannot
 * download its own browsers here). `scripts/portal-up.sh` starts the portal once for all specs;
 * specs whose name ends in `.bench.spec.ts` are benchmarks and only run with LZ_E2E_BENCH=1 (see e2e/overview-1000-teams.bench.spec.ts).
 */
const chromium = process.env.LZ_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  testIgnore: process.env.LZ_E2E_BENCH ? [] : ['**/*.bench.spec.ts'],
  outputDir: 'e2e-results/artifacts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.LZ_APP_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'off',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
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
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
