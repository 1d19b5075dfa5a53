// The update flow in Settings (issue F §3) against the fake feed: the latest version, a newer
// one offered and downloaded with progress then "Restart to update", a refused signature, a
// build without an update key; and the check at start, only when the setting is on.
import { expect, test, type Page } from '@playwright/test';
import type { InvokedName } from './fake-ipc';

const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((c) => (window as any).fakeBackend.calls.filter((call: { cmd: string }) => call.cmd === c).length, cmd);

async function openUpdates(page: Page, query = '') {
  await page.goto(`/tests/harness.html${query}`);
  await expect(page.getByText('No gateways yet')).toBeVisible();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('no newer version: “You have the latest version”', async ({ page }) => {
  const dialog = await openUpdates(page);
  await dialog.getByRole('button', { name: 'Check for updates' }).click();
  await expect(dialog.getByText('You have the latest version.')).toBeVisible();
  await expect(dialog.getByTestId('update-offer')).toHaveCount(0);
  expect(await calls(page, 'check_for_update')).toBe(1);
});

test('a newer version: notes and date, download with progress, then Restart to update', async ({ page }) => {
  const dialog = await openUpdates(page, '?update=offered');
  await page.evaluate(() => ((window as any).fakeBackend.settings.holdDownload = true));
  await dialog.getByRole('button', { name: 'Check for updates' }).click();
  const offer = dialog.getByTestId('update-offer');
  await expect(offer).toContainText('Version 0.2.0 is available');
  await expect(offer).toContainText('You have 0.1.0');
  await expect(offer).toContainText('Released November 20, 2026');
  await expect(dialog.getByTestId('update-notes')).toHaveText('Logs you can send with a bug report.\nThe UI in nine languages.');

  await offer.getByRole('button', { name: 'Download and install' }).click();
  // The fake holds the download after its first chunk: the bar shows that chunk's bytes.
  const bar = offer.getByRole('progressbar', { name: 'Downloading the update' });
  await expect(bar).toContainText('1.0 of 3.0 MB');
  await expect(bar).toHaveAttribute('aria-valuenow', '1000000');
  await expect(bar).toHaveAttribute('aria-valuemax', '3000000');
  await expect(offer.getByRole('button', { name: 'Restart to update' })).toHaveCount(0);
  await page.evaluate(() => (window as any).fakeBackend.settings.releaseDownload());

  const restart = offer.getByRole('button', { name: 'Restart to update' });
  await expect(restart).toBeVisible();
  await expect(offer).toContainText('Downloaded, signature verified.');
  await expect(bar).toHaveCount(0);
  expect(await calls(page, 'install_update')).toBe(0);
  await restart.click();
  await expect.poll(() => calls(page, 'install_update')).toBe(1);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});

test('a wrong signature is refused with a clear message, and nothing can be installed', async ({ page }) => {
  const dialog = await openUpdates(page, '?update=signature');
  await dialog.getByRole('button', { name: 'Check for updates' }).click();
  await dialog.getByRole('button', { name: 'Download and install' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText("The update was refused: its signature does not match this build's update key");
  await expect(alert).toContainText('Nothing was installed.');
  await expect(dialog.getByRole('button', { name: 'Restart to update' })).toHaveCount(0);
  // The offer stays, so the admin can try again once the feed is fixed.
  await expect(dialog.getByRole('button', { name: 'Download and install' })).toBeVisible();
  expect(await calls(page, 'install_update')).toBe(0);
});

test('a build without an update key says so, in the chosen language too', async ({ page }) => {
  const dialog = await openUpdates(page, '?update=unconfigured');
  await dialog.getByRole('button', { name: 'Check for updates' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'This build cannot update itself: it was built without the release signing key. Install a released package to get updates.',
  );
  // The message is kept as its code: switching the language re-renders it.
  await page.evaluate(() => (window as any).i18n.setAppLocale('uk'));
  const ukrainian = page.getByRole('dialog', { name: 'Налаштування' });
  await expect(ukrainian.getByRole('alert')).toContainText('Ця збірка не може оновлюватися: її зібрано без ключа підпису випусків.');
  await expect(ukrainian.getByRole('button', { name: 'Перевірити оновлення' })).toBeVisible();
});

test('an unreachable feed: the translated sentence with the feed’s own detail', async ({ page }) => {
  const dialog = await openUpdates(page, '?update=feed');
  await dialog.getByRole('button', { name: 'Check for updates' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Could not check for updates at https://updates.example.com/latest.json: connection refused');
});

test('at start, with the setting off, nothing asks the feed and no notice appears', async ({ page }) => {
  await page.goto('/tests/harness.html?update=offered');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  await expect.poll(() => calls(page, 'startup_update_check')).toBe(1);
  expect(await page.evaluate(() => (window as any).fakeBackend.settings.feedAsked)).toBe(0);
  await expect(page.locator('.toast')).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('at start, with the setting on, a newer version is a notice whose action opens Settings', async ({ page }) => {
  await page.goto('/tests/harness.html?update=offered&settings={"checkUpdatesOnStart":true}');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: 'Textgate 0.2.0 is available.' });
  await expect(notice).toBeVisible();
  // A notice, never a modal on start.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await calls(page, 'startup_update_check')).toBe(1);
  expect(await page.evaluate(() => (window as any).fakeBackend.settings.feedAsked)).toBe(1);

  await notice.getByRole('button', { name: 'Show' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByTestId('update-offer')).toContainText('Version 0.2.0 is available');
  await expect(dialog.getByLabel('Check for updates when Textgate starts')).toBeChecked();
  await expect(page.locator('.toast')).toHaveCount(0);
  // Opening Settings does not check again.
  expect(await calls(page, 'startup_update_check')).toBe(1);
  expect(await calls(page, 'check_for_update')).toBe(0);
});

test('the setting is off by default and turning it on is saved', async ({ page }) => {
  const dialog = await openUpdates(page);
  const box = dialog.getByLabel('Check for updates when Textgate starts');
  await expect(box).not.toBeChecked();
  await box.check();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => (window as any).fakeBackend.settings.read().checkUpdatesOnStart)).toBe(true);
});
