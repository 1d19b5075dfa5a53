// Keyboard-first (issue I §10): New and Ctrl/Cmd+N put the caret in Name, a failed save in the
// first invalid field, Ctrl/Cmd+P pushes, Ctrl/Cmd+F goes to the list's search (not into the
// form), Revert drops unsaved edits after asking, and Ctrl/Cmd+/ lists every shortcut from the
// table the key handler runs.
import { expect, test, type Page } from '@playwright/test';
import type { InvokedName } from './fake-ipc';
import { cardMenu } from './card-menu';

type Call = { cmd: string; args: Record<string, unknown> };
const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;
const name = (page: Page) => page.getByLabel('Name', { exact: true });

test('New and Ctrl+N put the caret in Name, so what is typed next is the name', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  await expect(name(page)).toHaveValue('Alpha support');
  // From the Templates tab, with the caret in a message: the card opens on General, in Name.
  await page.getByRole('tab', { name: 'Templates' }).click();
  await page.getByLabel('Agent joining message', { exact: true }).focus();
  await page.keyboard.press('Control+n');
  await expect(name(page)).toBeFocused();
  await page.keyboard.type('Support bot');
  await expect(name(page)).toHaveValue('Support bot');

  await page.goto('/tests/harness.html');
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await expect(name(page)).toBeFocused();
  await page.keyboard.type('Sales bot');
  await expect(name(page)).toHaveValue('Sales bot');
});

test('a failed save puts the caret in the first invalid field, in the card\u2019s order', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await page.getByLabel('App Secret', { exact: true }).fill('');
  await page.getByLabel('Callback URL', { exact: true }).fill('bot.example.com');
  await page.keyboard.press('Control+s');
  await expect(page.locator('#profile-name-issue')).toBeVisible();
  await expect(name(page)).toBeFocused();
  await page.keyboard.type('Fixed');
  await page.keyboard.press('Control+s');
  // App Secret comes before Callback on Webitel's card.
  await expect(page.getByLabel('App Secret', { exact: true })).toBeFocused();
});

test('Ctrl+P pushes the open gateway; a local one says why it cannot', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=2&flows=1&onserver=1');
  await expect(name(page)).toHaveValue('Alpha support');
  await name(page).focus();
  await page.keyboard.press('Control+p');
  await expect(page.getByRole('status').getByText('Created on Demo')).toBeVisible();
  expect(await calls(page, 'push_profile')).toHaveLength(1);

  await page.goto('/tests/harness.html?seed=1');
  await expect(name(page)).toHaveValue('Alpha support');
  await page.keyboard.press('Control+p');
  await expect(page.getByRole('status').getByText(/local only: pick a server/)).toBeVisible();
  expect(await calls(page, 'push_profile')).toHaveLength(0);
});

test('Ctrl+F from a form field goes to the list\u2019s search, unfolding the list', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=2');
  await name(page).focus();
  await page.keyboard.press('Control+f');
  const search = page.getByLabel('Search gateways', { exact: true });
  await expect(search).toBeFocused();
  await page.keyboard.type('beta');
  await expect(search).toHaveValue('beta');
  await expect(name(page)).toHaveValue('Alpha support');

  await page.keyboard.press('Control+b');
  await expect(search).toBeHidden();
  await name(page).focus();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();
  // `/` does the same from outside a field, and types a slash inside one.
  await name(page).focus();
  await page.keyboard.press('/');
  await expect(name(page)).toHaveValue('Alpha support/');
  await page.getByRole('tab', { name: 'General' }).focus();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
});

test('Revert drops the unsaved edits after asking, and is off with nothing to drop', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  await page.getByRole('button', { name: 'More options', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Revert to saved' })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');

  await name(page).fill('Alpha edited');
  await page.getByLabel('Notes', { exact: true }).fill('temporary');
  await cardMenu(page, 'Revert to saved');
  const question = page.getByRole('dialog');
  await expect(question.getByRole('heading', { name: 'Revert \u201cAlpha support\u201d?' })).toBeVisible();
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(name(page)).toHaveValue('Alpha edited');

  await cardMenu(page, 'Revert to saved');
  await page.getByRole('dialog').getByRole('button', { name: 'Discard changes' }).click();
  await expect(name(page)).toHaveValue('Alpha support');
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('');
  await expect(page.getByRole('button', { name: /^Save\b/ })).toBeDisabled();
  expect(await calls(page, 'save_profile')).toHaveLength(0);
});

test('Ctrl+/ (or the ⋯ menu) lists every shortcut of the table, and each one listed works', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  await expect(name(page)).toHaveValue('Alpha support');
  await name(page).focus();
  await page.keyboard.press('Control+/');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list).toBeVisible();
  const keys = await list.locator('kbd').allTextContents();
  const table = await page.evaluate(() => {
    const path = '/src/lib/shortcuts.ts';
    return import(/* @vite-ignore */ path).then(({ SHORTCUTS, keysLabel }) => SHORTCUTS.map(keysLabel) as string[]);
  });
  expect(keys.sort()).toEqual([...table].sort());
  for (const key of ['Ctrl+N', 'Ctrl+S', 'Ctrl+P', 'Ctrl+F', '/', 'Ctrl+B', 'Ctrl+/', 'Ctrl+,', 'F1', 'Ctrl+I']) expect(keys).toContain(key);
  await expect(list.getByRole('row', { name: /Push to the server/ })).toContainText('Ctrl+P');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(name(page)).toBeFocused();

  await cardMenu(page, 'Keyboard shortcuts');
  await expect(list).toBeVisible();
  await page.keyboard.press('Escape');
  // Over a dialog the window's shortcuts rest: Ctrl+N in Settings makes no new gateway.
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Control+n');
  await expect(page.locator('header h1')).toHaveText('Alpha support');
});

test('shortcuts follow the physical key under another layout (Ctrl+S with a Cyrillic layout saves)', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  await name(page).fill('Alpha renamed');
  await name(page).dispatchEvent('keydown', { key: '\u044b', code: 'KeyS', ctrlKey: true, bubbles: true });
  await expect(page.getByRole('status').getByText('Saved \u201cAlpha renamed\u201d')).toBeVisible();
});
