// The conflict dialog field by field: each differing field has its own choice and says what it
// does to the live gateway (the enabled state above all), who changed the server's side and
// when, flows by name; nothing is chosen in advance and no button overwrites the server at once.
import { expect, test, type Page } from '@playwright/test';
import type { InvokedName } from './fake-ipc';

type Call = { cmd: string; args: Record<string, any> };
const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;
const toast = (page: Page, text: string | RegExp) => page.getByRole('status').getByText(text);

/** Alpha support in conflict: here stopped, with flow Support bot; on Demo renamed, running, on
 * flow #9 (named only by Demo's flow list) and with its own join message. */
async function openConflict(page: Page, remote: Record<string, unknown> = {}) {
  await page.goto('/tests/harness.html?seed=1&flows=1&withflow=1&conflict=1');
  await page.evaluate((edit) => {
    const fake = (window as any).fakeBackend;
    const first = [...fake.profiles.values()][0];
    fake.servers.remoteEdit = {
      name: 'Alpha support (edited on server)',
      enabled: true,
      flow: { id: 9, name: '' },
      templates: { ...first.templates, join: 'Theirs joined' },
      ...edit,
    };
  }, remote);
  await expect(page.locator('header .badge', { hasText: 'conflict' })).toBeVisible();
  await page.getByRole('button', { name: 'Resolve conflict' }).click();
  return page.getByRole('dialog', { name: 'Changed here and on the server' });
}

const choice = (dialog: ReturnType<Page['getByRole']>, field: string) => dialog.locator(`[data-choice-for="${field}"]`);

test('each differing field has its own choice, saying what it does to the live gateway', async ({ page }) => {
  const dialog = await openConflict(page);
  await expect(dialog.getByTestId('conflict-changed-by')).toContainText('Last changed on Demo by Ann Admin');
  // Flows by name: the server's gateway says only #9, Demo's flow list names it.
  const flowRow = dialog.locator('tr[data-field="flow"]');
  await expect(flowRow).toContainText('Support bot');
  await expect(flowRow).toContainText('Sales routing');
  await expect(flowRow).not.toContainText('#');

  // Nothing is chosen in advance; the old overwrite-everything button is gone.
  await expect(dialog.getByRole('button', { name: "Keep this computer's version" })).toHaveCount(0);
  const apply = dialog.getByRole('button', { name: 'Apply choices' });
  await expect(apply).toBeDisabled();
  await expect(dialog.getByText('Choose a side for 4 more fields')).toBeVisible();
  await expect(dialog.locator('[data-choice-for]')).toHaveCount(4);
  await expect(choice(dialog, 'uri')).toHaveCount(0);

  const enabled = choice(dialog, 'enabled');
  await enabled.getByRole('radio', { name: 'Keep mine' }).check();
  await expect(enabled).toContainText('The gateway on Demo will be stopped: chats on it will no longer reach the contact center.');
  await enabled.getByRole('radio', { name: "Take the server's" }).check();
  await expect(enabled).toContainText('The gateway on Demo keeps running; this computer takes that state.');

  const name = choice(dialog, 'name');
  await name.getByRole('radio', { name: 'Keep mine' }).check();
  await expect(name).toContainText("Demo gets this computer's value when you apply.");
  await choice(dialog, 'flow').getByRole('radio', { name: "Take the server's" }).check();
  await expect(choice(dialog, 'flow')).toContainText("This computer takes the server's value; nothing changes on Demo.");
  await expect(apply).toBeDisabled();
  await choice(dialog, 'templateJoin').getByRole('radio', { name: "Take the server's" }).check();
  await expect(dialog.getByText('Applying updates the live gateway on Demo with the values kept here.')).toBeVisible();

  await apply.click();
  await expect(toast(page, 'Applied your choices: Demo was updated')).toBeVisible();
  const resolved = await calls(page, 'resolve_conflict_fields');
  expect(resolved[0].args.choices).toEqual([
    { field: 'name', keep: 'local' },
    { field: 'flow', keep: 'remote' },
    { field: 'enabled', keep: 'remote' },
    { field: 'templateJoin', keep: 'remote' },
  ]);
  expect(await calls(page, 'resolve_conflict')).toHaveLength(0);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Alpha support');
  await expect(page.getByRole('switch', { name: 'Gateway enabled' })).toBeChecked();
});

test('keeping a local start says the gateway will be started; all from the server changes nothing there', async ({ page }) => {
  const dialog = await openConflict(page, { enabled: false, name: 'Alpha support' });
  await page.evaluate(() => {
    const fake = (window as any).fakeBackend;
    [...fake.profiles.values()][0].enabled = true;
  });
  // Reopen so the comparison reads the local start.
  await dialog.getByRole('button', { name: 'Decide later' }).click();
  await expect(dialog).toBeHidden();
  expect(await calls(page, 'resolve_conflict_fields')).toHaveLength(0);
  await page.getByRole('button', { name: 'Resolve conflict' }).click();
  const enabled = choice(dialog, 'enabled');
  await enabled.getByRole('radio', { name: 'Keep mine' }).check();
  await expect(enabled).toContainText('The gateway on Demo will be started: its chats reach the contact center again.');
  await enabled.getByRole('radio', { name: "Take the server's" }).check();
  await expect(enabled).toContainText('The gateway on Demo stays stopped; this computer takes that state.');

  await dialog.getByRole('button', { name: "All: take the server's" }).click();
  await expect(dialog.getByText("Applying takes the server's version here; nothing changes on Demo.")).toBeVisible();
  await dialog.getByRole('button', { name: 'Apply choices' }).click();
  await expect(toast(page, 'Kept the server\u2019s version')).toBeVisible();
  const resolved = await calls(page, 'resolve_conflict_fields');
  expect(resolved[0].args.choices.every((c: { keep: string }) => c.keep === 'remote')).toBe(true);
});

test('a flow no list knows is shown by its id, and a server that does not say who changed it is not guessed', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1&flows=1&withflow=1&conflict=1');
  await page.evaluate(() => {
    const fake = (window as any).fakeBackend;
    fake.servers.remoteEdit = { flow: { id: 42, name: '' } };
    fake.servers.remoteChangedBy = null;
  });
  await page.getByRole('button', { name: 'Resolve conflict' }).click();
  const dialog = page.getByRole('dialog', { name: 'Changed here and on the server' });
  await expect(dialog.locator('tr[data-field="flow"]')).toContainText('#42');
  await expect(dialog.getByTestId('conflict-changed-by')).toContainText('(the server does not say by whom)');
});
