// "On the server": a server's gateways beside the local profiles (linked, not here, other
// providers read-only, gone from the server), pulling the ticked ones with a result each; and the
// flow field as a combobox over hundreds of flows (type to filter, arrows and Enter, the name
// filled from the flow), with the backend mocked.
import { expect, test, type Page } from '@playwright/test';
import type { InvokedName } from './fake-ipc';
import { Audit } from './axe-audit';

type Call = { cmd: string; args: Record<string, unknown> };
const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;

/** Demo has four gateways: Alpha (linked to the first seeded profile), Billing and Sales (not
    here; Sales fails to pull), a Telegram bot; the second seeded profile's gateway is gone. */
async function serverWithGateways(page: Page) {
  await page.goto('/tests/harness.html?flows=1&seed=2&onserver=1');
  await page.waitForFunction(() => 'fakeBackend' in window);
  await page.evaluate(() => {
    const backend = (window as any).fakeBackend;
    const [alpha, beta] = [...backend.profiles.values()];
    Object.assign(alpha, { remoteId: 501, syncState: 'inSync', serverName: 'Demo' });
    Object.assign(beta, { remoteId: 999, syncState: 'inSync', serverName: 'Demo' });
    const flow = { id: 7, name: 'Support bot' };
    const custom = { provider: 'custom', custom: true, enabled: true, flow, updatedAt: 1 };
    backend.servers.remote.set('s1', [
      { ...custom, id: 501, name: 'Alpha support', uri: alpha.uri },
      { ...custom, id: 502, name: 'Billing bot', uri: '/billing', enabled: false },
      { ...custom, id: 503, name: 'Sales bot', uri: '/sales' },
      { id: 504, name: 'Support on Telegram', uri: '/telegram', provider: 'telegram', custom: false, enabled: true, flow: null, updatedAt: 1 },
    ]);
    backend.servers.pullFailures.set(503, { code: 'unreachable', message: 'demo.example.com cannot be reached' });
  });
  await page.getByRole('button', { name: /^Servers/ }).click();
  await page.getByRole('dialog', { name: 'Webitel servers' }).getByRole('button', { name: 'Gateways on server' }).click();
  return page.getByRole('dialog', { name: 'Gateways on \u201cDemo\u201d' });
}

test('the server view shows what is linked, not here, read-only and gone, and pulls the ticked ones', async ({ page }) => {
  const dialog = await serverWithGateways(page);
  await expect(dialog.getByRole('status').first()).toHaveText('Custom: 3 (linked here: 1, not here: 2) · other providers: 1');
  const row = (name: string) => dialog.getByRole('row', { name: new RegExp(name) });
  await expect(row('Alpha support')).toContainText('Enabled');
  await expect(row('Alpha support').getByRole('button', { name: 'Open \u201cAlpha support\u201d in the editor' })).toBeVisible();
  await expect(row('Alpha support').getByRole('checkbox')).toHaveCount(0);
  await expect(row('Billing bot')).toContainText('Not here');
  await expect(row('Billing bot')).toContainText('Disabled');
  await expect(row('Support on Telegram')).toContainText('Telegram bot');
  await expect(row('Support on Telegram')).toContainText('Read-only');
  await expect(row('Support on Telegram').getByRole('checkbox')).toHaveCount(0);
  const gone = dialog.getByRole('region', { name: 'Here, but gone from the server' });
  await expect(gone).toContainText('Beta sales');
  await expect(gone).toContainText('was gateway #999');

  const pull = dialog.getByRole('button', { name: /^Pull selected/ });
  await expect(pull).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Select \u201cBilling bot\u201d' }).check();
  await dialog.getByRole('checkbox', { name: 'Select \u201cSales bot\u201d' }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Select every gateway not here' })).toBeChecked();
  await expect(pull).toHaveText('Pull selected (2)');
  await pull.click();

  await expect(row('Billing bot').getByTestId('pull-result')).toHaveText('Pulled: a new profile');
  await expect(row('Billing bot').getByRole('button', { name: 'Open \u201cBilling bot\u201d in the editor' })).toBeVisible();
  await expect(row('Sales bot').getByTestId('pull-result')).toHaveText('Failed: demo.example.com cannot be reached');
  await expect(row('Sales bot').getByRole('checkbox')).not.toBeChecked();
  await expect(page.getByRole('status').getByText('Pulled from \u201cDemo\u201d: done 1, not pulled 1')).toBeVisible();
  expect((await calls(page, 'pull_gateways'))[0].args).toEqual({ serverId: 's1', remoteIds: [502, 503] });
  await expect(dialog.getByRole('status').first()).toContainText('linked here: 2, not here: 1');

  // "Open" takes the admin to the profile: every dialog closes, the editor shows it.
  await row('Billing bot').getByRole('button', { name: /^Open/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('dialog', { name: 'Webitel servers' })).toBeHidden();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Billing bot');
});

test('the server view filters its rows, and Escape closes only it', async ({ page }) => {
  const dialog = await serverWithGateways(page);
  await dialog.getByRole('searchbox', { name: 'Filter by name or URI' }).fill('bot');
  await expect(dialog.getByRole('row')).toHaveCount(3); // the header, Billing bot, Sales bot
  await dialog.getByRole('checkbox', { name: 'Select every gateway not here' }).check();
  await expect(dialog.getByRole('button', { name: 'Pull selected (2)' })).toBeEnabled();
  await dialog.getByRole('searchbox', { name: 'Filter by name or URI' }).fill('nothing like it');
  await expect(dialog.getByText('No gateway matches the filter.')).toBeVisible();
  // In the search box Escape first empties it (as every search field does), then closes.
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('searchbox', { name: 'Filter by name or URI' })).toHaveValue('');
  await expect(dialog.getByRole('row')).toHaveCount(5);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('dialog', { name: 'Webitel servers' })).toBeVisible();
});

test('the flow field searches hundreds of flows by name, with arrows and Enter, and fills an empty name', async ({ page }) => {
  await page.goto('/tests/harness.html?flows=1');
  await page.waitForFunction(() => 'fakeBackend' in window);
  await page.evaluate(() => {
    const flows = Array.from({ length: 300 }, (_, i) => ({ id: 1000 + i, name: `Flow ${String(i + 1).padStart(3, '0')}`, type: 'chat' }));
    (window as any).fakeBackend.servers.flows.set('s1', [{ id: 7, name: 'Support bot', type: 'chat' }, ...flows]);
  });
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await page.getByLabel('Server', { exact: true }).selectOption({ label: 'Demo — https://demo.example.com' });
  const flow = page.getByRole('combobox', { name: 'Flow schema', exact: true });
  const list = page.getByRole('listbox', { name: 'Flow schemas' });
  await expect(flow).toHaveAttribute('aria-expanded', 'false');

  // Opened without typing: the first hundred, and how to reach the rest.
  await flow.click();
  await expect(flow).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('option')).toHaveCount(100);
  await expect(list).toContainText('100 of 301 shown: type to narrow the list');

  // Typing filters (case-insensitive); the first match is active; arrows move; Enter picks.
  await flow.fill('flow 25');
  await expect(list.getByRole('option')).toHaveCount(10); // Flow 250 … Flow 259
  await expect(page.getByRole('status').getByText('Matching flow schemas: 10')).toBeAttached();
  const active = async () => page.locator(`#${await flow.getAttribute('aria-activedescendant')}`);
  await expect(await active()).toContainText('Flow 250');
  await flow.press('ArrowDown');
  await flow.press('ArrowDown');
  await expect(await active()).toContainText('Flow 252');
  await expect(await active()).toHaveAttribute('aria-selected', 'true');
  await flow.press('ArrowUp');
  await flow.press('Enter');
  await expect(flow).toHaveValue('Flow 251');
  await expect(flow).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Flow 251'); // an empty name takes the flow's
  await expect(page.getByText('#1250', { exact: true })).toBeVisible();

  // A name already typed is kept; a flow is found by its id too.
  await page.getByLabel('Name', { exact: true }).fill('My gateway');
  await flow.fill('#7');
  await expect(list.getByRole('option')).toHaveCount(1);
  await flow.press('Enter');
  await expect(flow).toHaveValue('Support bot');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('My gateway');

  // Escape closes the list and puts the picked name back; nothing else closes.
  await flow.fill('Flow 1');
  await expect(flow).toHaveAttribute('aria-expanded', 'true');
  await flow.press('Escape');
  await expect(flow).toHaveAttribute('aria-expanded', 'false');
  await expect(flow).toHaveValue('Support bot');

  // Emptied and left: no flow.
  await flow.fill('');
  await flow.press('Tab');
  await expect(flow).toHaveValue('');
  await expect(page.getByText('#7', { exact: true })).toHaveCount(0);
  await page.keyboard.press('Control+s');
  const saved = (await calls(page, 'save_profile')).at(-1)!.args.draft as any;
  expect(saved.flow).toBeNull();
  expect(saved.name).toBe('My gateway');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: the server view after a pull and the open flow list (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const audit = new Audit(page);
    const dialog = await serverWithGateways(page);
    await dialog.getByRole('checkbox', { name: 'Select every gateway not here' }).check();
    await dialog.getByRole('button', { name: 'Pull selected (2)' }).click();
    await expect(dialog.getByTestId('pull-result')).toHaveCount(2);
    await audit.scan('server view: linked, not here, read-only, results, gone');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '+ New', exact: true }).click();
    await page.getByLabel('Server', { exact: true }).selectOption({ label: 'Demo — https://demo.example.com' });
    const flow = page.getByRole('combobox', { name: 'Flow schema', exact: true });
    await flow.fill('s');
    await expect(page.getByRole('listbox', { name: 'Flow schemas' }).getByRole('option').first()).toBeVisible();
    await audit.scan('flow combobox open with an active option');
    audit.expectClean();
  });
}
