// The UI's language: the OS locale by default, a switch that re-renders without a reload and is
// remembered, plurals by each language's rules, numbers through Intl.
import { expect, test, type Page } from '@playwright/test';

type I18n = { setAppLocale: (code: string) => void; currentLocale: () => string; localeChoice: () => string };
// The harness exposes window.i18n once the app has started.
const open = async (page: Page) => {
  await page.goto('/tests/harness.html');
  await page.waitForFunction(() => 'i18n' in window && 'messages' in window);
};
const setLocale = (page: Page, code: string) =>
  page.evaluate((c) => (window as unknown as { i18n: I18n }).i18n.setAppLocale(c), code);
const message = (page: Page, key: string, inputs: Record<string, unknown>, locale: string) =>
  page.evaluate(
    ([k, i, l]) => (window as any).messages.m[k as string](i, { locale: l }) as string,
    [key, inputs, locale] as const,
  );

test.describe('with a Ukrainian OS locale', () => {
  test.use({ locale: 'uk-UA' });

  test('the UI starts in Ukrainian, with Webitel’s Ukrainian terms', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: '+ Новий', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.getByRole('tab', { name: 'Загальне' })).toBeVisible();
    await expect(page.getByLabel('Callback', { exact: true })).toBeVisible();
    await expect(page.getByText('Зміна цього поля перерве інтеграцію').first()).toBeAttached();
  });
});

test.describe('with an OS locale Textgate does not speak', () => {
  test.use({ locale: 'de-DE' });

  test('the UI falls back to English', async ({ page }) => {
    await open(page);
    await expect(page.getByText('No gateways yet')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

/** Picks a language in the Settings dialog (Ctrl+,) and saves it. */
async function chooseLanguage(page: Page, code: string) {
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog');
  await dialog.locator('#settings-language').selectOption(code);
  await dialog.locator('button[type="submit"]').click();
  await expect(dialog).toBeHidden();
}

test('switching the language in Settings re-renders at once, keeps the edit, and is remembered', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill('Still here');

  await chooseLanguage(page, 'es');
  await expect(page.getByRole('tab', { name: 'Plantillas' })).toBeVisible();
  await expect(page.getByLabel('Nombre', { exact: true })).toHaveValue('Still here');
  await expect(page.getByRole('button', { name: /^Guardar\b/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  await page.reload();
  await page.waitForFunction(() => 'i18n' in window);
  await expect(page.getByText('Aún no hay puertas de enlace')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { i18n: I18n }).i18n.localeChoice())).toBe('es');

  // Back to the OS locale (the browser's: English here), and that is remembered too.
  await chooseLanguage(page, 'system');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No gateways yet')).toBeVisible();
});

test('plurals follow each language’s rules', async ({ page }) => {
  await open(page);
  const cases: [string, number, string][] = [
    ['en', 1, 'Loaded 1 flow schema'],
    ['en', 2, 'Loaded 2 flow schemas'],
    ['es', 1, 'Cargado 1 esquema de flujo'],
    ['es', 5, 'Cargados 5 esquemas de flujo'],
    ['ru', 1, 'Загружена 1 схема'],
    ['ru', 3, 'Загружено 3 схемы'],
    ['ru', 5, 'Загружено 5 схем'],
    ['ru', 21, 'Загружена 21 схема'],
    ['uk', 22, 'Завантажено 22 схеми'],
    ['uk', 11, 'Завантажено 11 схем'],
  ];
  for (const [locale, count, expected] of cases) {
    expect(await message(page, 'servers_loaded_schemas', { count }, locale)).toBe(expected);
  }
});

test('each of the nine languages renders its own words, not the English fallback', async ({ page }) => {
  await open(page);
  const emptyList: Record<string, string> = {
    kk: 'Әзірге қабылдаушылар жоқ',
    pl: 'Brak bram czatu',
    ro: 'Niciun gateway chat încă',
    uz: "Hozircha gatewaylar yo'q",
    vi: 'Chưa có cổng trò chuyện nào',
  };
  for (const [locale, words] of Object.entries(emptyList)) {
    await setLocale(page, locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByText('No gateways yet')).toHaveCount(0);
    await expect(page.getByText(words, { exact: false }).first()).toBeVisible();
  }
});
