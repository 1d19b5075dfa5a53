// History → ⋯ → Export… (issue J) against the fake backend: the history as it is filtered now
// goes through the save dialog to Rust's export_history (all its matches, not the loaded page;
// HAR unless the name ends in .jsonl), a toast says how many entries went where, Cancel in the
// dialog does nothing, and a file that cannot be written is said as an error.
import { expect, test, type Page } from '@playwright/test';

type Call = { cmd: string; args: Record<string, any> };
const exportCalls = (page: Page) =>
  page.evaluate(() => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === 'export_history')) as Promise<Call[]>;

async function openHistory(page: Page, seeded: number) {
  await page.goto('/tests/harness.html?flows=1&seed=1&onserver=1');
  await page.getByRole('tab', { name: 'Test' }).click();
  await page.evaluate((n) => (window as any).fakeBackend.harness.seed(n), seeded);
  await page.getByRole('tab', { name: /^History/ }).click();
  await expect(page.getByTestId('history-count')).toBeVisible();
}

async function exportTo(page: Page, path: string | null) {
  await page.evaluate((p) => ((window as any).fakeBackend.dialogPath = p), path);
  await page.getByRole('button', { name: 'More history actions' }).click();
  await page.getByRole('menuitem', { name: 'Export…' }).click();
}

test('Export… writes every match of the filtered history as HAR and says how many', async ({ page }) => {
  await openHistory(page, 205);
  await exportTo(page, '/tmp/out/history.har');
  await expect(page.getByText('Exported 205 entries to /tmp/out/history.har')).toBeVisible();
  const [call] = await exportCalls(page);
  expect(call.args.format).toBe('har');
  expect(call.args.path).toBe('/tmp/out/history.har');
  expect(call.args.query.limit, 'all matches, not the page of 200').toBeNull();
  expect(call.args.query.profileId).toBeTruthy();

  // As filtered now, and JSONL by the file's name.
  await page.locator('#history-text').fill('seeded 20');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('history-count')).toHaveText(/^\d+ entr/);
  await exportTo(page, '/tmp/out/seeded.jsonl');
  const written = await page.evaluate(() => (window as any).fakeBackend.harness.exports.at(-1));
  expect(written.format).toBe('jsonl');
  expect(written.query.text).toBe('seeded 20');
  expect(written.count).toBeLessThan(205);
  await expect(page.getByText(`Exported ${written.count} entries to /tmp/out/seeded.jsonl`)).toBeVisible();
});

test('Cancel in the save dialog exports nothing; a file that cannot be written is an error', async ({ page }) => {
  await openHistory(page, 3);
  await exportTo(page, null);
  await expect(page.getByRole('menuitem', { name: 'Export…' })).toHaveCount(0);
  expect(await exportCalls(page)).toEqual([]);
  await expect(page.getByText(/^Exported/)).toHaveCount(0);

  await exportTo(page, '/readonly/history.har');
  await expect(page.getByText(/Could not write the export to \/readonly\/history\.har/)).toBeVisible();
  expect(await page.evaluate(() => (window as any).fakeBackend.harness.exports.length)).toBe(0);
});
