// The Settings dialog (issue F §6): language, theme, the Receive panel's default port, saved
// through save_settings (the fake keeps its file across reloads, as the real one is on disk).
import { expect, test, type Page } from '@playwright/test';
import { FAKE_SETTINGS_KEY } from './fake-settings';

const openSettings = async (page: Page) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  return dialog;
};
const fakeFile = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), FAKE_SETTINGS_KEY);
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT_BG = 'rgb(246, 247, 249)';
const DARK_BG = 'rgb(20, 23, 28)';

test('choosing Ukrainian switches the UI, is saved in the settings and stays after a reload', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  const dialog = await openSettings(page);
  await dialog.getByLabel('Language').selectOption('uk');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Налаштування збережено')).toBeVisible();
  await expect(page.getByText('Ще немає').or(page.getByRole('button', { name: '+ Новий' })).first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  expect((await fakeFile(page)).language).toBe('uk');

  // The settings file decides, not the UI's cache: drop the cache, and watch for any English
  // frame while the app starts again.
  await page.evaluate(() => localStorage.removeItem('textgate.locale'));
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.body?.textContent?.includes('No gateways yet')) (window as any).sawEnglish = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.reload();
  await expect(page.getByRole('button', { name: '+ Новий', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  expect(await page.evaluate(() => (window as any).sawEnglish ?? false), 'an English frame before Ukrainian').toBe(false);
  const again = await page.getByRole('button', { name: 'Налаштування', exact: true }).click().then(() => page.getByRole('dialog'));
  await expect(again.getByLabel('Мова')).toHaveValue('uk');
});

test.describe('while the OS prefers light', () => {
  test.use({ colorScheme: 'light' });

  test('a forced dark theme is applied at once and from the first paint after a reload', async ({ page }) => {
    await page.goto('/tests/harness.html');
    await expect(page.getByText('No gateways yet')).toBeVisible();
    expect(await background(page)).toBe(LIGHT_BG);
    const dialog = await openSettings(page);
    await dialog.getByLabel('Dark').check();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => background(page)).toBe(DARK_BG);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    expect((await fakeFile(page)).theme).toBe('dark');

    // Before any of the app's modules run, boot-theme.js has already set it.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => ((window as any).themeAtParse = document.documentElement.dataset.theme));
    });
    await page.reload();
    await expect(page.getByText('No gateways yet')).toBeVisible();
    expect(await page.evaluate(() => (window as any).themeAtParse)).toBe('dark');
    expect(await background(page)).toBe(DARK_BG);
  });
});

test.describe('while the OS prefers dark', () => {
  test.use({ colorScheme: 'dark' });

  test('a forced light theme wins over the OS, and System follows the OS again', async ({ page }) => {
    await page.goto('/tests/harness.html');
    await expect(page.getByText('No gateways yet')).toBeVisible();
    expect(await background(page)).toBe(DARK_BG);
    let dialog = await openSettings(page);
    await dialog.getByLabel('Light').check();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => background(page)).toBe(LIGHT_BG);

    dialog = await openSettings(page);
    await dialog.getByLabel('System').check();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => background(page)).toBe(DARK_BG);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(page)).toBe(LIGHT_BG);
  });
});

test('the receiver port from Settings is the Receive panel’s first port', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
  const dialog = await openSettings(page);
  await expect(dialog.getByLabel('Receiver port')).toHaveValue('8790');
  await dialog.getByLabel('Receiver port').fill('9123');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: 'Test' }).click();
  await page.getByRole('tab', { name: /^Receive/ }).click();
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue('9123');
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await expect(page.getByTestId('receiver-url')).toHaveText('http://127.0.0.1:9123/hook');

  // And at the next start, from the settings file.
  await page.reload();
  await page.getByRole('tab', { name: 'Test' }).click();
  await page.getByRole('tab', { name: /^Receive/ }).click();
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue('9123');
});

test('a bad port is shown at its field and nothing is saved', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  const dialog = await openSettings(page);
  await dialog.getByLabel('Language').selectOption('uk');
  await dialog.getByLabel('Receiver port').fill('70000');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  const port = dialog.getByLabel('Receiver port');
  await expect(dialog.locator('#settings-port-issue')).toHaveText('Use a port number from 1 to 65535.');
  await expect(port).toHaveAttribute('aria-invalid', 'true');
  await expect(port).toHaveAttribute('aria-describedby', 'settings-port-issue');
  await expect(dialog).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await fakeFile(page), 'the settings file was written').toBeNull();

  // A feed that is not https: its own field.
  await port.fill('8790');
  await dialog.getByLabel('Update feed URL (optional)').fill('http://updates.example.com/latest.json');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.locator('#settings-feed-issue')).toHaveText("Use an https:// address, or leave it empty for the release's own feed.");
  await expect(dialog.locator('#settings-port-issue')).toHaveCount(0);
  expect(await fakeFile(page)).toBeNull();
});

test('Ctrl+, opens Settings, Escape closes it without saving; the file’s warnings are shown', async ({ page }) => {
  await page.goto('/tests/harness.html?badsettings=1');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('note')).toContainText('Some saved settings could not be used');
  await expect(dialog.getByRole('note')).toContainText('receiverPort was not usable');
  await dialog.getByLabel('Language').selectOption('es');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await fakeFile(page)).toBeNull();
  // Opened again, it shows what is saved, not the abandoned choice.
  await page.keyboard.press('Control+,');
  await expect(dialog.getByLabel('Language')).toHaveValue('system');
});
