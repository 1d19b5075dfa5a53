// The About dialog (issue F §4): the facts the Rust side reports, "Copy diagnostics" putting
// its exact text on the clipboard, "Open log folder" and its failures shown in place, F1.
import { expect, test, type Page } from '@playwright/test';
import type { InvokedName } from './fake-ipc';

type Call = { cmd: string; args: Record<string, unknown> };
const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;

async function openAbout(page: Page, query = '') {
  await page.goto(`/tests/harness.html${query}`);
  await expect(page.getByText('No gateways yet')).toBeVisible();
  await page.getByRole('button', { name: 'About', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'About Textgate' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('shows version, commit, OS, web view, keychain and both folders', async ({ page }) => {
  const dialog = await openAbout(page);
  await expect(dialog.getByTestId('about-version')).toHaveText('Textgate 0.1.0 (commit 7057603)');
  await expect(dialog.getByTestId('about-os')).toHaveText('Ubuntu 24.04 (64-bit), x86_64');
  await expect(dialog.getByTestId('about-webview')).toHaveText('WebKitGTK 2.48.1');
  await expect(dialog.getByTestId('about-keychain')).toHaveText(/^\s*Secret Service \(D-Bus\)\s+available\s*$/);
  await expect(dialog.getByTestId('about-data-dir')).toHaveText('/home/ann/.local/share/com.textgate.desktop');
  await expect(dialog.getByTestId('about-log-dir')).toHaveText('/home/ann/.local/share/com.textgate.desktop/logs');
  // The app wires its update flow in: "Check for updates…" is offered.
  await expect(dialog.getByRole('button', { name: 'Check for updates…' })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('a keychain problem is shown with its cause', async ({ page }) => {
  const dialog = await openAbout(page, '?keychain=down');
  const keychain = dialog.getByTestId('about-keychain');
  await expect(keychain.getByRole('note')).toContainText('Not available: app secrets cannot be saved or shown.');
  await expect(keychain.getByRole('note')).toContainText('no Secret Service is running');
  await expect(keychain.getByText('available', { exact: true })).toHaveCount(0);
});

test('Copy diagnostics puts the exact diagnostics text on the clipboard', async ({ page }) => {
  const dialog = await openAbout(page, '?keychain=down');
  await dialog.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(page.getByRole('status').getByText('Diagnostics copied to the clipboard')).toBeVisible();
  const copies = await calls(page, 'plugin:clipboard-manager|write_text');
  expect(copies).toHaveLength(1);
  const home = '/home/ann/.local/share/com.textgate.desktop';
  expect(copies[0].args.text).toBe(
    [
      'Textgate 0.1.0 (commit 7057603)',
      'OS: Ubuntu 24.04 (64-bit) x86_64',
      'Web view: WebKitGTK 2.48.1',
      'Keychain: Secret Service (D-Bus): not available: no Secret Service is running',
      `Data folder: ${home}`,
      `Log folder: ${home}/logs`,
      '',
    ].join('\n'),
  );
  expect(await calls(page, 'diagnostics_text')).toHaveLength(1);
});

test('Open log folder asks the Rust side; its failures are shown in the dialog', async ({ page }) => {
  let dialog = await openAbout(page);
  await dialog.getByRole('button', { name: 'Open log folder' }).click();
  await expect.poll(() => page.evaluate(() => (window as any).fakeBackend.about.opened)).toBe(1);
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  dialog = await openAbout(page, '?logs=fail');
  await dialog.getByRole('button', { name: 'Open log folder' }).click();
  const error = dialog.getByTestId('about-open-error');
  await expect(error).toContainText('The log folder did not open.');
  await expect(error).toContainText('no application is registered to open folders');
  await expect(error).toHaveAttribute('role', 'alert');

  dialog = await openAbout(page, '?logs=none');
  await expect(dialog.getByTestId('about-log-dir')).toHaveText('not reported');
  await dialog.getByRole('button', { name: 'Open log folder' }).click();
  await expect(dialog.getByTestId('about-open-error')).toHaveText('This computer reports no folder for log files.');
  // Opened again: the old error is gone.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'About', exact: true }).click();
  await expect(dialog.getByTestId('about-open-error')).toHaveCount(0);
});

test('long folders wrap inside the dialog and can be selected', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  const dialog = await openAbout(page, '?longpaths=1');
  const path = dialog.getByTestId('about-log-dir');
  await expect(path).toContainText('textgate-data-2026/logs');
  const box = (await dialog.boundingBox())!;
  const cell = (await path.boundingBox())!;
  expect(cell.x + cell.width).toBeLessThanOrEqual(box.x + box.width);
  // Wrapped over lines, nothing hidden: its full width fits its box.
  expect(await path.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(cell.height).toBeGreaterThan(20);
  expect(await path.evaluate((el) => getComputedStyle(el).userSelect)).not.toBe('none');
});

test('F1 opens About, Escape closes it; not over another dialog', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'About Textgate' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: /^Servers/ }).click();
  await expect(page.getByRole('dialog', { name: 'Webitel servers' })).toBeVisible();
  await page.keyboard.press('F1');
  await expect(dialog).toBeHidden();
});

test('the dialog speaks the UI language', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await page.waitForFunction(() => 'i18n' in window);
  await page.evaluate(() => (window as any).i18n.setAppLocale('uk'));
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'Про Textgate' });
  await expect(dialog.getByRole('button', { name: 'Копіювати діагностику' })).toBeVisible();
  await expect(dialog.getByText('Тека журналів', { exact: true })).toBeVisible();
  await expect(dialog.getByTestId('about-version')).toHaveText('Textgate 0.1.0 (коміт 7057603)');
});

test('"Check for updates…" closes About and asks the feed in the Settings update flow', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  await page.keyboard.press('F1');
  const about = page.getByRole('dialog', { name: 'About Textgate' });
  await about.getByRole('button', { name: 'Check for updates…' }).click();
  await expect(about).toBeHidden();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByText('You have the latest version.')).toBeVisible();
});
