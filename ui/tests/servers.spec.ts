// Servers, flow schemas, push, sync badges and the conflict view, with the backend mocked.
import { expect, test, type Page } from '@playwright/test';
import { pickFlow } from './pick-flow';
import type { InvokedName } from './fake-ipc';
import { gatewayRow } from './registry-rows';
import { cardMenu } from './card-menu';

type Call = { cmd: string; args: Record<string, unknown> };
const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;
const toast = (page: Page, text: string | RegExp) => page.getByRole('status').getByText(text);

test('the server dialog adds a server with a token and reports a bad one', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await page.getByRole('button', { name: /^Servers/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Webitel servers' });
  await expect(dialog.getByText('No server yet')).toBeVisible();

  await dialog.getByLabel('Server name').fill('Production');
  await dialog.getByLabel('Server address').fill('https://production.example.com');
  await dialog.getByRole('textbox', { name: 'Access token' }).fill('bad-token');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/refused this token.*Paste a new personal access token/);

  await dialog.getByRole('textbox', { name: 'Access token' }).fill('good-token');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(toast(page, 'Connected to \u201cProduction\u201d')).toBeVisible();
  await expect(dialog.getByText('https://production.example.com')).toBeVisible();
  const added = (await calls(page, 'add_server')).at(-1)!.args.server as any;
  expect(added.auth).toEqual({ kind: 'token', token: 'good-token' });

  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(toast(page, /Connected to Production as Emulator admin/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: /^Servers 1/ })).toBeVisible();
});

test('a plain-http server address is warned about, as a plain-http callback is', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await page.getByRole('button', { name: /^Servers/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Webitel servers' });
  await dialog.getByLabel('Server name').fill('Lab');
  await dialog.getByLabel('Server address').fill('http://webitel.lab.example');
  await dialog.getByRole('textbox', { name: 'Access token' }).fill('good-token');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(toast(page, /Connected to \u201cLab\u201d\. Plain http: the access token/)).toBeVisible();
  await expect(dialog.getByRole('note')).toHaveText(/travel to this server unencrypted/);
});

test('the login form sends user, password and domain', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await page.getByRole('button', { name: /^Servers/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Webitel servers' });
  await dialog.getByLabel('Server name').fill('Cloud');
  await dialog.getByLabel('Server address').fill('https://cloud.example.com');
  await dialog.getByLabel('User name and password').check();
  await dialog.getByLabel('User name', { exact: true }).fill('admin');
  await dialog.getByRole('textbox', { name: 'Password' }).fill('pa55');
  await dialog.getByLabel('Domain').fill('acme');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(toast(page, 'Connected to \u201cCloud\u201d')).toBeVisible();
  const added = (await calls(page, 'add_server')).at(-1)!.args.server as any;
  expect(added.auth).toEqual({ kind: 'login', username: 'admin', password: 'pa55', domain: 'acme' });
});

test('the flow select follows the server and can be refreshed', async ({ page }) => {
  await page.goto('/tests/harness.html?flows=1');
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  const flow = page.getByRole('combobox', { name: 'Flow schema', exact: true });
  // New starts on the only server (first-run.spec.ts); Local only has no flows to pick.
  await page.getByLabel('Server', { exact: true }).selectOption({ label: 'Local only (no server)' });
  await expect(flow).toBeDisabled();
  await expect(page.getByText('Pick a server above to choose one of its flow schemas.')).toBeVisible();

  await page.getByLabel('Server', { exact: true }).selectOption({ label: 'Demo — https://demo.example.com' });
  await expect(flow).toBeEnabled();
  await flow.click();
  await expect(page.getByRole('listbox', { name: 'Flow schemas' }).getByRole('option')).toHaveText([/^Support bot\s*#7 · chat$/, /^Sales routing\s*#9 · default$/]);
  await flow.press('Escape');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(toast(page, 'Loaded 2 flow schemas')).toBeVisible();
  expect((await calls(page, 'refresh_flow_schemas'))[0].args).toEqual({ serverId: 's1' });
});

async function newGatewayOnDemo(page: Page, callback = 'https://bot.example.com/hook') {
  await page.goto('/tests/harness.html?flows=1');
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await page.getByLabel('Server', { exact: true }).selectOption({ label: 'Demo — https://demo.example.com' });
  await pickFlow(page, 'Support bot');
  await page.getByLabel('Callback URL', { exact: true }).fill(callback);
}

test('push shows the sync badge move from local only to in sync to changed here', async ({ page }) => {
  await newGatewayOnDemo(page);
  await page.keyboard.press('Control+s');
  await expect(page.locator('header .badge', { hasText: 'local only' })).toBeVisible();

  await page.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(toast(page, 'Created on Demo')).toBeVisible();
  await expect(page.locator('header .badge', { hasText: 'in sync' })).toBeVisible();
  await expect(gatewayRow(page, 'Support bot').getByText('in sync').filter({ visible: true })).toBeVisible();
  await expect(page.getByLabel('URI', { exact: true })).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Server', { exact: true })).toBeDisabled();

  await page.getByLabel('Name', { exact: true }).fill('Support bot v2');
  await page.keyboard.press('Control+s');
  await expect(page.locator('header .badge', { hasText: 'changed here' })).toBeVisible();
});

test('a server error lands on the right field and keeps the edits', async ({ page }) => {
  await newGatewayOnDemo(page, 'http://bot.example.com/hook');
  await page.getByRole('button', { name: 'Push', exact: true }).click(); // saves first, then pushes
  await expect(page.locator('#profile-callback-issue')).toHaveText('custom: webhook required');
  await expect(page.getByLabel('Callback URL', { exact: true })).toHaveValue('http://bot.example.com/hook');
});

test('the conflict view shows both versions and keeps the chosen one', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1&flows=1&conflict=1');
  await expect(page.locator('header .badge', { hasText: 'conflict' })).toBeVisible();
  await page.getByRole('button', { name: 'Resolve conflict' }).click();
  const dialog = page.getByRole('dialog', { name: 'Changed here and on the server' });
  const nameRow = dialog.getByRole('row', { name: /^Name/ });
  await expect(nameRow).toContainText('Alpha support');
  await expect(nameRow).toContainText('Alpha support (edited on server)');
  await expect(nameRow).toHaveClass(/differs/);
  await expect(dialog.getByRole('row', { name: /^URI/ })).not.toHaveClass(/differs/);

  // Per field now (tests/conflict.spec.ts): every differing field takes the server's, then Apply.
  await dialog.getByRole('button', { name: "All: take the server's" }).click();
  await dialog.getByRole('button', { name: 'Apply choices' }).click();
  await expect(toast(page, 'Kept the server\u2019s version')).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Alpha support (edited on server)');
  expect((await calls(page, 'resolve_conflict_fields'))[0].args.choices).toEqual([
    { field: 'name', keep: 'remote' },
    { field: 'enabled', keep: 'remote' },
  ]);
});

test('deleting a pushed gateway offers to delete it on the server too', async ({ page }) => {
  await newGatewayOnDemo(page);
  await page.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(toast(page, 'Created on Demo')).toBeVisible();
  await cardMenu(page, 'Delete');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Delete here only' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete here and on Demo' }).click();
  await expect(toast(page, /Deleted .* here and on Demo/)).toBeVisible();
  expect((await calls(page, 'delete_profile'))[0].args).toMatchObject({ remote: true });
});
