// One address is one server, and a server is edited in place (rename, Replace token, private CA,
// the address until a gateway was pushed to it); the token is masked; Remove counts what it
// affects; the rows name the server, narrow ones too. Backend mocked (fake-server-edit.ts).
import { expect, test, type Page } from '@playwright/test';
import { pickFlow } from './pick-flow';
import type { InvokedName } from './fake-ipc';
import { gatewayName, gatewayRow } from './registry-rows';

type Call = { cmd: string; args: Record<string, unknown> };
const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;
const toast = (page: Page, text: string | RegExp) => page.getByRole('status').getByText(text);

async function openServers(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: /^Servers/ }).click();
  return page.getByRole('dialog', { name: 'Webitel servers' });
}

test('a second server at the same address is refused at the address field, naming the first', async ({ page }) => {
  const dialog = await openServers(page, '/tests/harness.html?flows=1');
  await dialog.getByLabel('Server name').fill('Demo again');
  await dialog.getByLabel('Server address').fill('https://DEMO.example.com:443/');
  await dialog.getByRole('textbox', { name: 'Access token' }).fill('good-token');
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Demo already uses https://demo.example.com; edit it instead');
  await expect(dialog.getByLabel('Server address')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Server address')).toHaveAccessibleDescription(/Demo already uses/);
  await expect(dialog.getByLabel('Server name')).not.toHaveAttribute('aria-invalid');
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
});

test('the access token is masked, with a Show toggle that says whether it is pressed', async ({ page }) => {
  const dialog = await openServers(page, '/tests/harness.html');
  const token = dialog.getByRole('textbox', { name: 'Access token' });
  await token.fill('s3cret-token');
  await expect(token).toHaveAttribute('type', 'password');
  const show = dialog.getByRole('button', { name: 'Show token' });
  await expect(show).toHaveAttribute('aria-pressed', 'false');
  await show.click();
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  await expect(token).toHaveAttribute('type', 'text');
  await expect(token).toHaveValue('s3cret-token');
  await show.click();
  await expect(token).toHaveAttribute('type', 'password');
});

test('Edit renames the server in place and every row shows the new name, narrow rows too', async ({ page }) => {
  const dialog = await openServers(page, '/tests/harness.html?seed=2&flows=1&onserver=1');
  await dialog.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = dialog.getByRole('form', { name: 'Edit \u201cDemo\u201d' });
  await expect(form.getByLabel('Server name')).toBeFocused();
  await form.getByLabel('Server name').fill('Production');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(toast(page, 'Saved \u201cProduction\u201d')).toBeVisible();
  await expect(form).toBeHidden();
  await expect(dialog.getByRole('listitem').getByText('Production', { exact: true })).toBeVisible();
  expect((await calls(page, 'edit_server'))[0].args).toEqual({
    id: 's1', edit: { name: 'Production', baseUrl: null, token: null, ca: { kind: 'keep' } },
  });
  await page.keyboard.press('Escape');

  // Wide: the Server column. With a card open (narrow rows): under the name, beside the URI.
  await expect(gatewayRow(page, 'Beta sales').getByRole('gridcell').getByText('Production', { exact: true })).toBeVisible();
  await gatewayName(page, 'Alpha support').click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Alpha support');
  for (const name of ['Alpha support', 'Beta sales'])
    await expect(gatewayRow(page, name).getByText('Production', { exact: true }).filter({ visible: true })).toBeVisible();
});

test('Replace token: checked before it is stored, refused at its field', async ({ page }) => {
  const dialog = await openServers(page, '/tests/harness.html?flows=1');
  await dialog.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = dialog.getByRole('form', { name: 'Edit \u201cDemo\u201d' });
  await form.getByLabel('Replace token').check();
  const token = form.getByRole('textbox', { name: 'New access token' });
  await expect(token).toHaveAttribute('type', 'password');
  await token.fill('bad-token');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByRole('alert')).toHaveText(/refused this token/);
  await expect(token).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Server name')).not.toHaveAttribute('aria-invalid');

  await token.fill('fresh-token');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(toast(page, 'Saved \u201cDemo\u201d')).toBeVisible();
  expect((await calls(page, 'edit_server')).at(-1)!.args.edit).toMatchObject({ token: 'fresh-token', name: null });
});

test('the private CA is added (a broken one refused at its field) and removed', async ({ page }) => {
  const dialog = await openServers(page, '/tests/harness.html?flows=1');
  await dialog.getByRole('button', { name: 'Edit', exact: true }).click();
  let form = dialog.getByRole('form', { name: 'Edit \u201cDemo\u201d' });
  await form.getByLabel('Add a private CA').check();
  const pem = form.getByLabel('CA certificate (PEM)');
  await pem.fill('not a certificate');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByRole('alert')).toHaveText(/not valid PEM/);
  await expect(pem).toHaveAttribute('aria-invalid', 'true');
  await pem.fill('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText('custom CA')).toBeVisible();

  await dialog.getByRole('button', { name: 'Edit', exact: true }).click();
  form = dialog.getByRole('form', { name: 'Edit \u201cDemo\u201d' });
  await form.getByLabel('Remove the private CA').check();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText('custom CA')).toBeHidden();
  expect((await calls(page, 'edit_server')).at(-1)!.args.edit).toMatchObject({ ca: { kind: 'remove' } });
});

test('the address is read-only once a gateway was pushed to it, and says why', async ({ page }) => {
  await page.goto('/tests/harness.html?flows=1');
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await page.getByLabel('Server', { exact: true }).selectOption({ label: 'Demo — https://demo.example.com' });
  await pickFlow(page, 'Support bot');
  await page.getByLabel('Callback URL', { exact: true }).fill('https://bot.example.com/hook');
  await page.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(toast(page, 'Created on Demo')).toBeVisible();

  await page.getByRole('button', { name: /^Servers/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Webitel servers' });
  await dialog.getByRole('button', { name: 'Edit', exact: true }).click();
  const address = dialog.getByRole('form', { name: 'Edit \u201cDemo\u201d' }).getByLabel('Server address');
  await expect(address).toHaveAttribute('readonly', '');
  await expect(address).toHaveAccessibleDescription(
    '1 gateway was pushed to this address, so it cannot change. To use another address, add it as another server.',
  );
});

test('Remove says how many gateways become local only', async ({ page }) => {
  const dialog = await openServers(page, '/tests/harness.html?seed=3&flows=1&onserver=1');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  const question = page.getByRole('dialog', { name: 'Remove \u201cDemo\u201d?' });
  await expect(question).toContainText(
    '3 gateways on Demo will become local only. Their gateways on the server stay as they are. Its access token is removed from the keychain.',
  );
  await question.getByRole('button', { name: 'Cancel' }).click();
  expect(await calls(page, 'remove_server')).toEqual([]);
});
