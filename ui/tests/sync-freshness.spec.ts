// How fresh the sync state is (issue I.1), with the backend mocked: the servers are re-read at
// start, when a pushed profile is opened and on an interval; the badge says when it was checked
// ("in sync · checked 2 min. ago") or that it could not be ("not checked: offline", never an
// error toast); Refresh beside Push says what it took; a pull names what it changed; a conflict
// found by a push stays "conflict" after "Decide later".
import { expect, test, type Page } from '@playwright/test';
import type { InvokedName } from './fake-ipc';
import { gatewayName, gatewayRow } from './registry-rows';

type Call = { cmd: string; args: Record<string, unknown> };
const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;
const toast = (page: Page, text: string | RegExp) => page.getByRole('status').getByText(text);
const badge = (page: Page) => page.locator('.editor .sync-badge');
const syncCell = (page: Page, name: string) => gatewayRow(page, name).locator('.cell.sync .badge');
const PUSHED = '/tests/harness.html?flows=1&seed=2&onserver=1&withflow=1&pushed=1';

test('at start the server is re-read: a gateway renamed there shows changed on server, checked now', async ({ page }) => {
  await page.goto(`${PUSHED}&serverchanged=1`);
  await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
  await expect(badge(page)).toHaveText('changed on server \u00b7 checked now \u00b7 Demo');
  await expect(syncCell(page, 'Alpha support')).toHaveText('changed on server');
  await expect(syncCell(page, 'Alpha support')).toHaveAttribute('title', /checked now/);
  await expect(syncCell(page, 'Beta sales')).toHaveText('in sync');
  // The name here is still ours: a check takes nothing from the server.
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Alpha support');
  const all = (await calls(page, 'check_sync')).map((call) => call.args.id);
  expect(all[0]).toBeNull();
});

test('the relative time follows the clock and the interval checks again, quietly', async ({ page }) => {
  await page.clock.install();
  await page.goto(PUSHED);
  await expect(badge(page)).toHaveText('in sync \u00b7 checked now \u00b7 Demo');
  await page.clock.fastForward('02:00');
  await expect(badge(page)).toHaveText('in sync \u00b7 checked 2 min. ago \u00b7 Demo');

  // Renamed on the server behind the app's back: the next interval's check finds it.
  await page.evaluate(() => {
    const backend = (window as any).fakeBackend;
    const alpha = [...backend.profiles.values()].find((p: { name: string }) => p.name === 'Alpha support');
    backend.servers.serverEdits.set(alpha.id, { name: 'Alpha renamed on server' });
  });
  await page.clock.fastForward('01:30');
  await expect(badge(page)).toHaveText('changed on server \u00b7 checked now \u00b7 Demo');
  const everyServer = (await calls(page, 'check_sync')).filter((call) => call.args.id === null);
  expect(everyServer.length).toBeGreaterThanOrEqual(2);
});

test('opening a pushed profile checks that one profile', async ({ page }) => {
  await page.goto(PUSHED);
  await expect(badge(page)).toHaveText(/^in sync \u00b7 checked now/);
  await page.evaluate(() => {
    const backend = (window as any).fakeBackend;
    const beta = [...backend.profiles.values()].find((p: { name: string }) => p.name === 'Beta sales');
    backend.servers.serverEdits.set(beta.id, { name: 'Beta renamed on server' });
  });
  await gatewayName(page, 'Beta sales').click();
  await expect(page.getByRole('heading', { name: 'Beta sales' })).toBeVisible();
  await expect(badge(page)).toHaveText('changed on server \u00b7 checked now \u00b7 Demo');
  const beta = await page.evaluate(() => [...(window as any).fakeBackend.profiles.values()].find((p: { name: string }) => p.name === 'Beta sales').id);
  expect((await calls(page, 'check_sync')).some((call) => call.args.id === beta)).toBe(true);
});

test('a server that cannot be reached marks its profiles not checked: offline, without an error toast', async ({ page }) => {
  await page.goto(`${PUSHED}&offline=1`);
  await expect(badge(page)).toHaveText('in sync \u00b7 not checked: offline \u00b7 Demo');
  await expect(badge(page)).toHaveAttribute('title', /could not read the server; this is what it held when checked 10 min\. ago/);
  await expect(syncCell(page, 'Beta sales')).toHaveAttribute('title', /not checked: offline/);
  await expect(page.getByRole('status').locator('.toast.error')).toHaveCount(0);
  await expect(page.getByRole('status').locator('.toast')).toHaveCount(0);
});

test('Refresh beside Push re-reads the profile and says what it took', async ({ page }) => {
  await page.goto(`${PUSHED}&serverchanged=1&offline=1`);
  await expect(badge(page)).toHaveText(/not checked: offline/);
  // Reachable again: Refresh takes the rename, names the field, and the badge is fresh.
  await page.evaluate(() => (window as any).fakeBackend.servers.offline.clear());
  const header = page.locator('.editor header');
  await expect(header.getByRole('button', { name: 'Push' })).toBeVisible();
  await header.getByRole('button', { name: 'Refresh' }).click();
  await expect(toast(page, 'Took the changes from Demo into \u201cAlpha support renamed on server\u201d: Name')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Alpha support renamed on server' })).toBeVisible();
  await expect(badge(page)).toHaveText('in sync \u00b7 checked now \u00b7 Demo');
  await header.getByRole('button', { name: 'Refresh' }).click();
  await expect(toast(page, '\u201cAlpha support renamed on server\u201d is as Demo has it')).toBeVisible();
});

test('Pull gateways in the Servers dialog names what it brought, not only how many', async ({ page }) => {
  await page.goto('/tests/harness.html?flows=1');
  await page.getByRole('button', { name: /^Servers/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Webitel servers' });
  await dialog.getByRole('button', { name: 'Pull gateways' }).click();
  await expect(toast(page, 'Pulled: 1 new (\u201cPulled gateway\u201d)')).toBeVisible();
});

test('a bulk Pull lists the gateways it changed', async ({ page }) => {
  await page.goto(`${PUSHED}&serverchanged=2&offline=1`);
  await expect(badge(page)).toHaveText(/not checked: offline/);
  await page.evaluate(() => (window as any).fakeBackend.servers.offline.clear());
  await gatewayRow(page, 'Alpha support').getByRole('checkbox').first().check();
  await gatewayRow(page, 'Beta sales').getByRole('checkbox').first().check();
  await page.getByRole('toolbar').getByRole('button', { name: 'Pull', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: /^Go ahead/ }).click();
  const results = page.getByRole('dialog', { name: 'Pulling gateways' });
  await expect(results.getByTestId('pull-changed')).toHaveText('Changed by the pull: Beta sales');
  await expect(results.getByRole('listitem').filter({ hasText: 'Beta sales' })).toContainText("took the server's version");
  await expect(results.getByRole('listitem').filter({ hasText: 'Alpha support' })).toContainText('already as on the server');
});

test('a conflict found by Push stays "conflict" after Decide later', async ({ page }) => {
  await page.goto(PUSHED);
  await expect(badge(page)).toHaveText(/^in sync/);
  // Changed here and saved, then changed on the server behind the app's back.
  await page.getByLabel('Name', { exact: true }).fill('Alpha mine');
  await page.getByRole('button', { name: /^Save\b/ }).click();
  await expect(badge(page)).toHaveText(/^changed here/);
  await page.evaluate(() => {
    const backend = (window as any).fakeBackend;
    const alpha = [...backend.profiles.values()].find((p: { name: string }) => p.name === 'Alpha mine');
    backend.servers.serverEdits.set(alpha.id, { name: 'Alpha theirs' });
  });
  await page.locator('.editor header').getByRole('button', { name: 'Push' }).click();
  const conflict = page.getByRole('dialog');
  await conflict.getByRole('button', { name: 'Decide later' }).click();
  await expect(conflict).toBeHidden();
  await expect(badge(page)).toHaveText(/^conflict \u00b7 checked now/);
  await expect(syncCell(page, 'Alpha mine')).toHaveText('conflict');
  await expect(page.locator('.editor header').getByRole('button', { name: 'Resolve conflict' })).toBeVisible();
});
