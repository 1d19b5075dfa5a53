// Browser tests of the UI alone: Debian's Chromium (never a downloaded browser) against the
// Vite dev server, with the Rust backend replaced by tests/harness.ts through mockIPC.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.UI_TEST_PORT ?? 5174);

export default defineConfig({
  testDir: 'tests',
  globalSetup: './tests/warm-up.ts',
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 20_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1100, height: 700 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    },
  },
  webServer: {
    command: `npx vite --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/tests/harness.html`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
