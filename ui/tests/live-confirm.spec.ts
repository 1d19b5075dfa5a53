// What acts on a live gateway asks first and can be undone: the Enabled switch (in the editor
// and in a registry row) names the gateway and its server, and its toast offers Undo long
// enough to use; a burst at a live gateway names it and the count; local ones are not asked
// about. And "Keep the old secret" puts the saved secret back; Generate warns on a pushed one.
import { expect, test, type Page } from '@playwright/test';
import type { InvokedName } from './fake-ipc';
import { gatewayRow } from './registry-rows';

type Call = { cmd: string; args: Record<string, any> };
const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;
const toast = (page: Page, text: string | RegExp) => page.getByRole('status').getByText(text);
const LIVE = '/tests/harness.html?seed=3&flows=1&onserver=1&withflow=1&live=1';

test('the editor switch asks before stopping a live gateway, and its toast offers Undo', async ({ page }) => {
  await page.clock.install();
  await page.goto(LIVE);
  const toggle = page.getByRole('switch', { name: 'Gateway enabled' });
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Alpha support');
  await expect(toggle).toBeChecked();

  await toggle.click();
  const question = page.getByRole('dialog', { name: 'Stop Alpha support on Demo?' });
  await expect(question).toContainText('Chats on this gateway will no longer reach the contact center');
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(toggle).toBeChecked();
  expect(await calls(page, 'set_profile_enabled')).toHaveLength(0);

  await toggle.click();
  await page.getByRole('dialog', { name: 'Stop Alpha support on Demo?' }).getByRole('button', { name: 'Stop gateway' }).click();
  await expect(toggle).not.toBeChecked();
  const stopped = page.getByRole('group', { name: 'Stopped Alpha support on Demo' });
  await expect(stopped).toBeVisible();
  // It stays past ten seconds, and as long as the pointer is on it.
  await page.clock.runFor(10_500);
  await expect(stopped).toBeVisible();
  await stopped.hover();
  await page.clock.runFor(60_000);
  await expect(stopped).toBeVisible();

  await stopped.getByRole('button', { name: 'Undo' }).click();
  await expect(toggle).toBeChecked();
  expect((await calls(page, 'set_profile_enabled')).map((c) => c.args.enabled)).toEqual([false, true]);
  await expect(page.getByRole('group', { name: 'Started Alpha support on Demo' })).toBeVisible();
});

test('a registry row switch asks too, and Undo flips it back through the same path', async ({ page }) => {
  await page.goto(LIVE);
  const row = gatewayRow(page, 'Gamma billing');
  await expect(row.getByRole('switch')).toBeChecked();
  await row.getByRole('switch').click();
  const question = page.getByRole('dialog', { name: 'Stop Gamma billing on Demo?' });
  await expect(question).toContainText('it stops on Demo right away');
  await question.getByRole('button', { name: 'Stop gateway' }).click();
  await expect(row.getByRole('switch')).not.toBeChecked();
  await page.getByRole('group', { name: 'Stopped Gamma billing on Demo' }).getByRole('button', { name: 'Undo' }).click();
  await expect(row.getByRole('switch')).toBeChecked();
  const toggles = await calls(page, 'set_profile_enabled');
  expect(toggles.map((c) => [c.args.id, c.args.enabled])).toEqual([
    [toggles[0].args.id, false],
    [toggles[0].args.id, true],
  ]);

  // Starting asks as well, naming what it does.
  await row.getByRole('switch').click();
  await page.getByRole('dialog', { name: 'Stop Gamma billing on Demo?' }).getByRole('button', { name: 'Stop gateway' }).click();
  await expect(row.getByRole('switch')).not.toBeChecked();
  await row.getByRole('switch').click();
  const start = page.getByRole('dialog', { name: 'Start Gamma billing on Demo?' });
  await expect(start).toContainText('chats sent to this gateway reach the contact center');
  await start.getByRole('button', { name: 'Start gateway' }).click();
  await expect(row.getByRole('switch')).toBeChecked();
});

test('a profile only on this computer is switched without a question', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1&flows=1&withflow=1');
  const toggle = page.getByRole('switch', { name: 'Gateway enabled' });
  await toggle.check();
  await expect(toast(page, 'Gateway started')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await calls(page, 'set_profile_enabled')).map((c) => c.args.enabled)).toEqual([true]);
});

test('a burst at a live gateway names it and the count first; a local target is not asked about', async ({ page }) => {
  await page.goto(LIVE);
  await page.getByRole('tab', { name: 'Test' }).click();
  await page.getByRole('tab', { name: /^Burst/ }).click();
  await page.getByRole('button', { name: 'Run burst' }).click();
  const question = page.getByRole('dialog', { name: 'Send 200 messages to Alpha support on Demo?' });
  await expect(question).toContainText('It is live');
  await question.getByRole('button', { name: 'Cancel' }).click();
  expect(await calls(page, 'run_burst')).toHaveLength(0);

  await page.getByRole('button', { name: 'Run burst' }).click();
  await page.getByRole('dialog', { name: /^Send 200 messages/ }).getByRole('button', { name: 'Send 200 messages' }).click();
  await expect(page.getByTestId('burst-report')).toBeVisible();
  expect(await calls(page, 'run_burst')).toHaveLength(1);

  await page.getByLabel('Target').fill('http://127.0.0.1:8790/hook');
  await page.getByRole('button', { name: 'Run burst' }).click();
  await expect.poll(async () => (await calls(page, 'run_burst')).length).toBe(2);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('"Keep the old secret" puts the saved secret back in the field', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  const field = page.getByLabel('App Secret', { exact: true });
  const saved = await field.inputValue();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(field).not.toHaveValue(saved);
  await page.getByRole('button', { name: /^Save\b/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Keep the old secret' }).click();
  await expect(field).toHaveValue(saved);
  expect(await calls(page, 'save_profile')).toHaveLength(0);
  await expect(page.getByRole('button', { name: /^Save\b/ })).toBeDisabled();
});

test('Generate warns first on a pushed gateway', async ({ page }) => {
  await page.goto(LIVE);
  const field = page.getByLabel('App Secret', { exact: true });
  const saved = await field.inputValue();
  await page.getByRole('button', { name: 'Generate' }).click();
  const question = page.getByRole('dialog', { name: 'Generate a new app secret?' });
  await expect(question).toContainText('Altering this field will interrupt the integration');
  await expect(question).toContainText('Demo');
  await question.getByRole('button', { name: 'Keep the current secret' }).click();
  await expect(field).toHaveValue(saved);
  expect(await calls(page, 'generate_secret')).toHaveLength(0);

  await page.getByRole('button', { name: 'Generate' }).click();
  await page.getByRole('dialog', { name: 'Generate a new app secret?' }).getByRole('button', { name: 'Generate a new one' }).click();
  await expect(field).not.toHaveValue(saved);
});
