// Playwright's global setup (after the dev server is up, before any test): one load of the
// harness page, so Vite's first compile of the app (~500 message modules; over a minute on a
// loaded 2-core machine) is not charged to the first tests' 5 s expectations.
import { chromium, type FullConfig } from '@playwright/test';

export default async function warmUp(config: FullConfig) {
  const { baseURL, launchOptions } = config.projects[0].use;
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/tests/harness.html`, { timeout: 180_000 });
    await page.getByText('No gateways yet').waitFor({ timeout: 180_000 });
  } finally {
    await browser.close();
  }
}
