// The profile editor in a real browser: create, generate and copy, validation at the right
// fields, tabs, save, and the unsaved-changes guard.
import { expect, test, type Page } from '@playwright/test';
import { pickFlow } from './pick-flow';
import type { InvokedName } from './fake-ipc';
import { gatewayName, gatewayRow, gatewayRows } from './registry-rows';
import { cardMenu } from './card-menu';

type Call = { cmd: string; args: Record<string, unknown> };
const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;

test('create a profile, generate and copy the secret, save', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  await page.getByRole('button', { name: '+ New', exact: true }).click();

  const uri = page.getByLabel('URI', { exact: true });
  await expect(uri).toHaveValue(/^\/[a-z]{31}$/);
  await page.getByLabel('Name', { exact: true }).fill('Support bot');
  await page.getByLabel('Callback URL', { exact: true }).fill('https://bot.example.com/webitel');

  const secret = page.getByLabel('App Secret', { exact: true });
  const before = await secret.inputValue();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(secret).not.toHaveValue(before);
  const generated = await secret.inputValue();
  expect(generated).toMatch(/^[A-Za-z0-9]{32}$/);

  await page.getByRole('button', { name: 'Copy app secret' }).click();
  await expect(page.getByRole('status').getByText('Copied app secret')).toBeVisible();
  const copies = await calls(page, 'plugin:clipboard-manager|write_text');
  expect(JSON.stringify(copies.at(-1)?.args)).toContain(generated);

  await page.getByRole('button', { name: /^Save\b/ }).click();
  await expect(page.getByRole('status').getByText('Saved \u201cSupport bot\u201d')).toBeVisible();
  const saves = await calls(page, 'save_profile');
  expect(saves).toHaveLength(1);
  expect((saves[0].args.draft as any).secret).toBe(generated);

  // Saved: the secret stays visible with both buttons, and the list shows the profile.
  await expect(secret).toHaveValue(generated);
  await expect(page.getByRole('button', { name: 'Copy app secret' })).toBeEnabled();
  const item = gatewayRow(page, 'Support bot');
  await expect(item).toBeVisible();
  await expect(item.getByRole('img', { name: /Incomplete/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Save\b/ })).toBeDisabled();
});

test('the secret field explains what altering it does', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  const info = page.getByRole('button', { name: 'Altering this field will interrupt the integration' });
  await info.hover();
  await expect(page.getByRole('tooltip')).toHaveText('Altering this field will interrupt the integration');
});

test('validation errors are shown at the right fields', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await page.getByLabel('Callback URL', { exact: true }).fill('bot.example.com');
  await page.getByLabel('App Secret', { exact: true }).fill('');
  await page.keyboard.press('Control+s');

  await expect(page.locator('#profile-name-issue')).toHaveText('Name is required');
  await expect(page.locator('#profile-callback-issue')).toHaveText(/absolute URL/);
  await expect(page.locator('#profile-secret-issue')).toHaveText(/App secret is required/);
  await expect(page.locator('#profile-uri-issue')).toHaveCount(0);
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // Typing in a field clears its message, the others stay.
  await page.getByLabel('Name', { exact: true }).fill('Fixed');
  await expect(page.locator('#profile-name-issue')).toHaveCount(0);
  await expect(page.locator('#profile-secret-issue')).toBeVisible();
});

test('tabs keep their values and templates are saved as typed', async ({ page }) => {
  await page.goto('/tests/harness.html?flows=1');
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await page.getByLabel('Server', { exact: true }).selectOption({ label: 'Demo — https://demo.example.com' });
  await pickFlow(page, 'Support bot');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Support bot'); // picking a flow fills an empty name
  await page.getByLabel('Callback URL', { exact: true }).fill('https://bot.example.com/webitel');

  await page.getByRole('tab', { name: 'Templates' }).click();
  await expect(page.getByRole('tab', { name: 'Templates' })).toHaveAttribute('aria-selected', 'true');
  const join = '$(.FirstName)$(if .LastName) $(.LastName)$(end) joined\n  the chat';
  await page.getByLabel('Agent joining message', { exact: true }).fill(join);
  await page.getByText('More').click();
  await page.getByLabel('File policy violation message', { exact: true }).fill('File refused');

  await page.getByRole('tab', { name: 'General' }).click();
  await expect(page.getByLabel('Callback URL', { exact: true })).toHaveValue('https://bot.example.com/webitel');
  await page.getByRole('tab', { name: 'Templates' }).click();
  await expect(page.getByLabel('Agent joining message', { exact: true })).toHaveValue(join);

  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').getByText(/Saved/)).toBeVisible();
  const draft = (await calls(page, 'save_profile'))[0].args.draft as any;
  expect(draft.templates.join).toBe(join);
  expect(draft.templates.filePolicyFail).toBe('File refused');
  expect(draft.flow).toEqual({ id: 7, name: 'Support bot' });
  expect(draft.serverId).toBe('s1');
});

test('unsaved-changes guard when switching profiles', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=2');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Alpha support');
  await page.getByLabel('Name', { exact: true }).fill('Alpha edited');
  await expect(gatewayRow(page, 'Alpha support').getByText('unsaved')).toBeVisible();

  await gatewayName(page, 'Beta sales').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Unsaved changes' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Alpha edited');

  await gatewayName(page, 'Beta sales').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Beta sales');
  await gatewayName(page, 'Alpha support').click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Alpha support');
  expect(await calls(page, 'save_profile')).toHaveLength(0);

  // "Save" in the guard saves, then moves on.
  await page.getByLabel('Name', { exact: true }).fill('Alpha saved');
  await page.keyboard.press('Control+n');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(gatewayRow(page, 'Alpha saved')).toBeVisible();
});

test('changing a saved secret asks for confirmation', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.getByRole('button', { name: /^Save\b/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Change the app secret?' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep the old secret' }).click();
  expect(await calls(page, 'save_profile')).toHaveLength(0);

  // The old secret is back in the field (tests/live-confirm.spec.ts): generate again to change it.
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.getByRole('button', { name: /^Save\b/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Change secret' }).click();
  await expect(page.getByRole('status').getByText(/Saved/)).toBeVisible();
  expect(await calls(page, 'save_profile')).toHaveLength(1);
});

test('search, duplicate and delete with confirmation', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=3');
  await page.getByLabel('Search gateways', { exact: true }).fill('beta');
  await expect(gatewayRows(page)).toHaveCount(1);
  await page.getByLabel('Search gateways', { exact: true }).fill('');

  await cardMenu(page, 'Duplicate');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Alpha support (copy)');
  await expect(gatewayRows(page)).toHaveCount(4);

  await cardMenu(page, 'Delete');
  await expect(page.getByRole('dialog').getByRole('heading', { name: 'Delete \u201cAlpha support (copy)\u201d?' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(gatewayRows(page)).toHaveCount(3);
  expect(await calls(page, 'delete_profile')).toHaveLength(1);
});

test('an unavailable keychain is explained and the typed secret kept', async ({ page }) => {
  await page.goto('/tests/harness.html?keychain=down');
  await expect(page.getByText('OS keychain unavailable.')).toBeVisible();
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill('Offline');
  await page.getByLabel('Callback URL', { exact: true }).fill('https://bot.example.com/hook');
  const typed = await page.getByLabel('App Secret', { exact: true }).inputValue();
  await page.getByRole('button', { name: /^Save\b/ }).click();
  await expect(page.getByRole('status').getByText(/Saved without the app secret/)).toBeVisible();
  await expect(page.getByLabel('App Secret', { exact: true })).toHaveValue(typed);
  await expect(page.locator('#profile-secret-issue')).toHaveText(/keychain is not available/);
});

test('fields are checked while typing: errors for edited fields, warnings right away', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  const callback = page.getByLabel('Callback URL', { exact: true });
  await callback.fill('http://bot.example.com/hook');
  await expect(page.locator('#profile-callback-issue')).toHaveText(/Plain http/);
  // The name was never edited, so its (real) error is not shouted yet.
  await expect(page.locator('#profile-name-issue')).toHaveCount(0);

  await callback.fill('bot.example.com');
  await expect(page.locator('#profile-callback-issue')).toHaveText(/absolute URL/);
  await callback.fill('https://bot.example.com/hook');
  await expect(page.locator('#profile-callback-issue')).toHaveCount(0);
  expect((await calls(page, 'check_profile')).length).toBeGreaterThan(0);
  expect(await calls(page, 'save_profile')).toHaveLength(0);
});

test('Start/Stop needs a flow schema and takes effect at once on a saved gateway', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1&flows=1');
  const toggle = page.getByRole('switch', { name: 'Gateway enabled' });
  await expect(toggle).toBeDisabled();

  await page.getByLabel('Server', { exact: true }).selectOption({ label: 'Demo — https://demo.example.com' });
  await pickFlow(page, 'Sales routing');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').getByText(/Saved/)).toBeVisible();
  await expect(toggle).toBeEnabled();

  await toggle.check();
  await expect(page.getByRole('status').getByText('Gateway started')).toBeVisible();
  const toggles = await calls(page, 'set_profile_enabled');
  expect(toggles.at(-1)?.args).toMatchObject({ enabled: true });
  await expect(gatewayRow(page, 'Alpha support').getByRole('switch')).toBeChecked();
  // Starting is not an unsaved edit.
  await expect(page.getByRole('button', { name: /^Save\b/ })).toBeDisabled();
});
