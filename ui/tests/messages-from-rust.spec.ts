// Rust's findings and errors reach the UI as a code plus parameters and are shown in the chosen
// language; Go's template errors and the server's own detail stay verbatim. Runs the real Rust
// template engine (tests/rust-pipe.ts) for the template refusal.
import { expect, test } from './rust-pipe';
import type { Page } from '@playwright/test';
import { pickFlow } from './pick-flow';

type I18n = { setAppLocale: (code: string) => void };
const setLocale = (page: Page, code: string) =>
  page.evaluate((c) => (window as unknown as { i18n: I18n }).i18n.setAppLocale(c), code);

async function newGatewayOnDemo(page: Page, callback: string) {
  await page.goto('/tests/harness.html?flows=1');
  await page.waitForFunction(() => 'i18n' in window);
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await page.getByLabel('Server', { exact: true }).selectOption({ label: 'Demo — https://demo.example.com' });
  await pickFlow(page, 'Support bot');
  await page.getByLabel('Callback URL', { exact: true }).fill(callback);
}

test('validation issues show in Ukrainian, with their parameters', async ({ page }) => {
  await newGatewayOnDemo(page, 'http://bot.example.com/hook');
  await page.getByLabel('Name', { exact: true }).fill('');
  await setLocale(page, 'uk');
  await page.keyboard.press('Control+s');
  await expect(page.locator('#profile-name-issue')).toHaveText("Вкажіть ім'я");
  await expect(page.locator('#profile-callback-issue')).toHaveText(/^Звичайний http: Webitel надсилатиме/);

  await page.getByLabel("Ім'я", { exact: true }).fill('n'.repeat(101));
  await page.keyboard.press('Control+s');
  await expect(page.locator('#profile-name-issue')).toHaveText("Ім'я задовге: довжина 101 (щонайбільше 100 символів)");
});

test('a server error shows in Ukrainian with the host from its parameters', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await page.waitForFunction(() => 'i18n' in window);
  await page.getByRole('button', { name: /^Servers/ }).click();
  const dialog = page.getByRole('dialog'); // named in the current language
  await dialog.getByLabel('Server name').fill('Production');
  await dialog.getByLabel('Server address').fill('https://production.example.com');
  await dialog.getByRole('textbox', { name: 'Access token' }).fill('bad-token');
  await setLocale(page, 'uk');
  await dialog.getByRole('button', { name: 'Підключити' }).click();
  // A pasted token: the next step is a new token, not "log in again" (issue I §7).
  await expect(dialog.getByRole('alert')).toContainText('production.example.com відхилив цей токен.');
  await expect(dialog.getByRole('alert')).toContainText('Вставте новий особистий токен доступу');
});

test('the server’s own detail and Go’s template error stay verbatim in Ukrainian', async ({ page }) => {
  // The server's detail on a field: its words, untranslated.
  await newGatewayOnDemo(page, 'http://bot.example.com/hook');
  await setLocale(page, 'uk');
  await page.getByRole('button', { name: 'Надіслати', exact: true }).click();
  await expect(page.locator('#profile-callback-issue')).toHaveText('custom: webhook required');

  // A template Webitel refuses: Go's message as the server would say it, not translated.
  await setLocale(page, 'en');
  await page.getByLabel('Callback URL', { exact: true }).fill('https://bot.example.com/hook');
  await page.getByRole('tab', { name: 'Templates' }).click();
  await page.getByLabel('Agent joining message', { exact: true }).fill('$(md2 .FirstName) joined');
  await setLocale(page, 'uk');
  await page.getByRole('button', { name: 'Надіслати', exact: true }).click();
  // At the template it is about (issue I §7): the sentence in Ukrainian, Go's words under Details.
  const go = 'template: join:1: function "md2" not defined';
  const error = page.locator('#template-join-issue');
  await expect(error).toContainText(/^Webitel відхилить шаблон «.+»: помилка — рядок 1\./);
  await expect(error.locator('details pre')).toHaveText(go);
});
