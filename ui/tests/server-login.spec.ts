// Logins as real servers have them, with the backend mocked: the two-factor code step, a
// personal access token's help, each token's expiry, what a token may not do (a disabled
// button with the reason), and logging in again after a 401, then finishing the push.
import { expect, test, type Page } from '@playwright/test';
import type { InvokedName } from './fake-ipc';
import { pickFlow } from './pick-flow';
import { cardMenu } from './card-menu';

type Call = { cmd: string; args: Record<string, unknown> };
const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;
const toast = (page: Page, text: string | RegExp) => page.getByRole('status').getByText(text);

async function openServers(page: Page, query = '') {
  await page.goto(`/tests/harness.html${query}`);
  await page.getByRole('button', { name: /^Servers/ }).click();
  return page.getByRole('dialog', { name: 'Webitel servers' });
}

test('a two-factor login asks for the code, refuses a wrong one and completes with the right one', async ({ page }) => {
  const dialog = await openServers(page);
  await dialog.getByLabel('Server name').fill('Cloud');
  await dialog.getByLabel('Server address').fill('https://cloud.example.com');
  await dialog.getByLabel('User name and password').check();
  await dialog.getByLabel('User name', { exact: true }).fill('ann');
  await dialog.getByRole('textbox', { name: 'Password' }).fill('pa55');
  await dialog.getByRole('button', { name: 'Connect' }).click();

  const code = dialog.getByRole('textbox', { name: 'Two-factor code' });
  await expect(code).toBeFocused();
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(code).toHaveAttribute('maxlength', '6');
  await expect(dialog.getByRole('textbox', { name: 'Password' })).toBeHidden();
  // Nothing is added before the code.
  await expect(dialog.getByText('No server yet')).toBeVisible();

  await code.pressSequentially('12 x34-5');
  await expect(code).toHaveValue('12345');
  await code.press('0');
  await dialog.getByRole('button', { name: 'Verify' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/refused the two-factor code/);
  await expect(code).toHaveAttribute('aria-invalid', 'true');

  await code.fill('123456');
  await dialog.getByRole('button', { name: 'Verify' }).click();
  await expect(toast(page, 'Connected to \u201cCloud\u201d')).toBeVisible();
  await expect(dialog.getByText('https://cloud.example.com')).toBeVisible();
  const sent = (await calls(page, 'add_server')).map((call) => (call.args.server as any).auth);
  expect(sent).toEqual([
    { kind: 'login', username: 'ann', password: 'pa55', domain: '' },
    { kind: 'twoFactor', username: 'ann', session: 'fake-2fa-session', code: '123450' },
    { kind: 'twoFactor', username: 'ann', session: 'fake-2fa-session', code: '123456' },
  ]);
  // Back on the first step for the next server.
  await expect(dialog.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
});

test('the token option says where Webitel makes a personal access token', async ({ page }) => {
  const dialog = await openServers(page);
  await dialog.getByText('How do I get a personal access token?').click();
  await expect(dialog.getByText(/Directory → Users → open the user → Tokens → Add/)).toBeVisible();
  await expect(dialog.getByText(/shows it only once/)).toBeVisible();
});

test('each server says when its token expires, with a warning within three days', async ({ page }) => {
  let dialog = await openServers(page, '?flows=1&expires=5');
  await expect(dialog.getByTestId('token-expiry')).toHaveText('Token expires in 5 days');
  await expect(dialog.getByTestId('token-expiry')).not.toHaveClass(/warning|expired/);

  dialog = await openServers(page, '?flows=1&expires=2');
  await expect(dialog.getByTestId('token-expiry')).toHaveText('Token expires in 2 days');
  await expect(dialog.getByTestId('token-expiry')).toHaveClass(/warning/);

  dialog = await openServers(page, '?flows=1&expires=-1');
  await expect(dialog.getByTestId('token-expiry')).toHaveText('Token expired');
  await expect(dialog.getByTestId('token-expiry')).toHaveClass(/expired/);

  // A server that did not say shows nothing.
  dialog = await openServers(page, '?flows=1');
  await expect(dialog.getByTestId('token-expiry')).toHaveCount(0);
});

async function newGatewayOnDemo(page: Page, query: string) {
  await page.goto(`/tests/harness.html${query}`);
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await page.getByLabel('Server', { exact: true }).selectOption({ label: 'Demo — https://demo.example.com' });
  await pickFlow(page, 'Support bot');
  await page.getByLabel('Callback URL', { exact: true }).fill('https://bot.example.com/hook');
  await page.keyboard.press('Control+s');
  await expect(page.locator('header .badge', { hasText: 'local only' })).toBeVisible();
}

test('a read-only token disables Push with the reason', async ({ page }) => {
  await newGatewayOnDemo(page, '?flows=1&access=r');
  const push = page.getByRole('button', { name: 'Push', exact: true });
  await expect(push).toBeDisabled();
  await expect(push).toHaveAttribute('title', 'Your token on Demo may not create gateways');
  expect(await calls(page, 'push_profile')).toEqual([]);
});

test('a token that may not delete disables "delete on the server too" with the reason', async ({ page }) => {
  await newGatewayOnDemo(page, '?flows=1&access=xrw');
  await page.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(toast(page, 'Created on Demo')).toBeVisible();
  await cardMenu(page, 'Delete');
  const question = page.getByRole('dialog');
  const remote = question.getByRole('button', { name: 'Delete here and on Demo' });
  await expect(remote).toBeDisabled();
  await expect(remote).toHaveAttribute('title', 'Your token on Demo may not delete gateways');
  await expect(question.getByRole('button', { name: 'Delete here only' })).toBeEnabled();
});

test('a 401 asks to log in again, then the push is finished', async ({ page }) => {
  await newGatewayOnDemo(page, '?flows=1&refused=1');
  await page.getByRole('button', { name: 'Push', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Webitel servers' });
  const form = dialog.getByRole('form', { name: 'Log in to \u201cDemo\u201d again' });
  await expect(form).toBeVisible();
  await expect(form.getByText(/interrupted action is finished/)).toBeVisible();
  await form.getByRole('textbox', { name: 'Access token' }).fill('bad-token');
  await form.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(form.getByRole('alert')).toHaveText(/refused this token/);

  await form.getByRole('textbox', { name: 'Access token' }).fill('fresh-token');
  await form.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(toast(page, 'Created on Demo')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.locator('header .badge', { hasText: 'in sync' })).toBeVisible();
  expect(await calls(page, 'push_profile')).toHaveLength(2);
  expect((await calls(page, 'reconnect_server')).at(-1)!.args).toEqual({ id: 's1', auth: { kind: 'token', token: 'fresh-token' } });
});

test('cancelling the log-in-again form gives back the refusal', async ({ page }) => {
  await newGatewayOnDemo(page, '?flows=1&refused=1');
  await page.getByRole('button', { name: 'Push', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Webitel servers' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(toast(page, /refused this token/)).toBeVisible();
  expect(await calls(page, 'push_profile')).toHaveLength(1);
});
