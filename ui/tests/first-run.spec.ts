// The first run (issue I §9): the empty screen offers both ways in (a new gateway, or the
// gateways a server already has, one click once a server is connected), and New starts on the
// only (or last used) server with its flow schemas loaded, not on "Local only".
import { expect, test, type Page } from '@playwright/test';
import type { InvokedName } from './fake-ipc';

type Call = { cmd: string; args: Record<string, unknown> };
const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;
const serverField = (page: Page) => page.getByLabel('Server', { exact: true });
const flowField = (page: Page) => page.getByRole('combobox', { name: 'Flow schema', exact: true });

test('with nothing yet, both first steps are offered: a new gateway, or connect a server', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  await expect(page.getByRole('button', { name: '+ New gateway', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Connect a server', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Webitel servers' })).toBeVisible();
  await page.keyboard.press('Escape');

  // New without a server: Local only, and the flow field says to connect one.
  await page.getByRole('button', { name: '+ New gateway', exact: true }).click();
  await expect(serverField(page)).toHaveValue('');
  await expect(flowField(page)).toHaveAttribute('placeholder', 'Connect a server to load flow schemas');
});

test('with one server connected, the first screen pulls its gateways in one click', async ({ page }) => {
  await page.goto('/tests/harness.html?flows=1');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  await page.getByRole('button', { name: 'Pull gateways from Demo', exact: true }).click();
  await expect(page.getByRole('status').getByText(/^Pulled/)).toBeVisible();
  expect(await calls(page, 'pull_server')).toHaveLength(1);
  await expect(page.getByRole('grid').getByRole('row', { name: 'Pulled gateway' })).toBeVisible();
});

test('New starts on the only server, with its flow schemas loaded', async ({ page }) => {
  await page.goto('/tests/harness.html?flows=1');
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await expect(serverField(page)).toHaveValue('s1');
  await expect(flowField(page)).toBeEnabled();
  await expect(flowField(page)).toHaveAttribute('placeholder', 'Search by name or #id');
  await expect(page.getByText('Connect a server to load flow schemas')).toHaveCount(0);
  await flowField(page).click();
  await expect(page.getByRole('listbox', { name: 'Flow schemas' }).getByRole('option')).toHaveCount(2);
  const loads = await calls(page, 'list_flow_schemas');
  expect(loads.at(-1)?.args).toMatchObject({ serverId: 's1' });
});

test('with several servers, New starts on the last one used, remembered after a restart', async ({ page }) => {
  const twoServers = async () => {
    await page.goto('/tests/harness.html?flows=1');
    await page.evaluate(async () => {
      (window as any).fakeBackend.servers.addDemo('Prod');
      const path = '/src/lib/servers.svelte.ts';
      const { servers } = await import(/* @vite-ignore */ path);
      await servers.load();
    });
  };
  await twoServers();
  // Two servers and none used yet: the admin picks (Local only until then).
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await expect(serverField(page)).toHaveValue('');
  await expect(flowField(page)).toHaveAttribute('placeholder', 'Pick a server above to load its flow schemas');
  await serverField(page).selectOption({ label: 'Prod — https://prod.example.com' });
  await page.getByLabel('Name', { exact: true }).fill('On prod');
  await page.getByLabel('Callback URL', { exact: true }).fill('https://bot.example.com/hook');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').getByText('Saved \u201cOn prod\u201d')).toBeVisible();

  await page.keyboard.press('Control+n');
  await expect(serverField(page)).toHaveValue('s2');
  await twoServers();
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await expect(serverField(page)).toHaveValue('s2');
});
