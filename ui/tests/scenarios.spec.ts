// The scenario picker (issue J §5) in the Send and Webitel panels against the fake backend: a
// built-in picked, an override changing exactly its field in what will be sent, that very body
// sent; an agent's join acted out to the local receiver; the current form saved as a scenario
// and picked; a built-in's name and a path through a string refused with the reason.
import { expect, test, type Page } from '@playwright/test';
import type { InvokedName } from './fake-ipc';

type Call = { cmd: string; args: Record<string, any> };
const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;

async function openTest(page: Page) {
  await page.goto('/tests/harness.html?flows=1&seed=1&onserver=1');
  await page.getByRole('tab', { name: 'Test' }).click();
}

const section = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();

test('send: a built-in with an override shows exactly what is sent, and sends that body', async ({ page }) => {
  await openTest(page);
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const picker = page.getByTestId('scenario-picker');
  const preview = picker.getByTestId('scenario-preview');
  await expect(picker.getByRole('combobox', { name: 'Scenario', exact: true })).toHaveValue('client.text');
  await picker.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption('client.file');
  await expect(picker).toContainText('The customer sends a file');
  await picker.getByLabel('Scenario chat id').fill('c-77');
  await expect(preview).toContainText('"chatId":"c-77"');
  const before = JSON.parse((await preview.textContent())!);

  await picker.getByRole('button', { name: '+ Add override' }).click();
  await picker.getByLabel('Override path 1').fill('message.sender.type');
  await picker.getByLabel('Override value 1').fill('viber');
  await picker.getByRole('button', { name: '+ Add override' }).click();
  await picker.getByLabel('Override path 2').fill('message.file.size');
  await picker.getByLabel('Override value 2').fill('2048');
  await expect(preview).toContainText('"type":"viber"');
  await expect(preview).toContainText('"size":2048');
  const shown = (await preview.textContent())!;
  const expected = structuredClone(before);
  expected.message.sender.type = 'viber';
  expected.message.file.size = 2048;
  expect(JSON.parse(shown)).toEqual(expected);

  await picker.getByRole('button', { name: 'Send scenario' }).click();
  await expect(picker.getByTestId('send-result').locator('.badge')).toHaveText('200');
  const [sent] = await calls(page, 'send_scenario');
  expect(sent.args.overrides).toEqual([{ path: 'message.sender.type', value: 'viber' }, { path: 'message.file.size', value: '2048' }]);
  // The fresh sender id the preview showed is the one sent.
  const history = await page.evaluate(() => (window as any).fakeBackend.harness.history.at(-1).body);
  expect(history).toBe(shown);

  // A path through a string is refused, with its reason, and nothing can be sent.
  await picker.getByLabel('Override path 1').fill('message.sender.type.x');
  await expect(picker.getByRole('alert')).toHaveText('Cannot set message.sender.type.x: message.sender.type is a string, not an object');
  await expect(picker.getByRole('button', { name: 'Send scenario' })).toBeDisabled();
  await picker.getByRole('button', { name: 'Remove override 1' }).click();
  await expect(picker.getByRole('button', { name: 'Send scenario' })).toBeEnabled();
});

test('webitel: an agent joins through a scenario, rendered from the template, to the receiver', async ({ page }) => {
  await openTest(page);
  await page.evaluate(() => {
    const profile = [...(window as any).fakeBackend.profiles.values()][0];
    profile.templates.join = '$(.FirstName) joined the chat';
  });
  await section(page, 'Receive');
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await section(page, 'Webitel');
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const picker = page.getByTestId('scenario-picker');
  await expect(picker.getByRole('combobox', { name: 'Scenario', exact: true })).toHaveValue('agent.text');
  await picker.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption('agent.join');
  await picker.getByRole('button', { name: '+ Add override' }).click();
  await picker.getByLabel('Override path 1').fill('agent.FirstName');
  await picker.getByLabel('Override value 1').fill('Bob');
  await expect(picker.getByTestId('scenario-preview')).toContainText('"FirstName":"Bob"');
  await picker.getByRole('button', { name: 'Send scenario' }).click();
  await expect(picker.getByTestId('scenario-delivery')).toHaveCount(1);
  await expect(picker.getByTestId('scenario-delivery')).toContainText('Bob joined the chat');
  await expect(picker.getByTestId('scenario-delivery').locator('.badge')).toHaveText('200');
  const [emulated] = await calls(page, 'emulate_scenario');
  expect(emulated.args.url).toBe('http://127.0.0.1:8790/hook');
  expect(emulated.args.name).toBe('agent.join');
});

test('save as scenario: the current form is saved, picked and sent; a built-in name is refused', async ({ page }) => {
  await openTest(page);
  await page.getByLabel('Chat id').fill('c-5');
  await page.getByLabel('Text').fill('Where is order 42?');
  await expect(page.getByLabel('Body (sent exactly as written)')).toHaveValue(/Where is order 42\?/);

  await page.getByRole('button', { name: 'Save as scenario…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Save the current event as a scenario' });
  await dialog.getByLabel('Scenario name').fill('client.text');
  await dialog.getByRole('button', { name: 'Save scenario' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('\u201cclient.text\u201d is a built-in scenario: it cannot be changed or deleted, so save yours under another name');
  await dialog.getByLabel('Scenario name').fill('order.question');
  await dialog.getByLabel('Description').fill('Asks about an order');
  await dialog.getByRole('button', { name: 'Save scenario' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Saved the scenario order.question')).toBeVisible();

  const picker = page.getByTestId('scenario-picker');
  await expect(picker.getByRole('combobox', { name: 'Scenario', exact: true })).toHaveValue('order.question');
  await expect(picker.locator('optgroup[label="Saved"] option')).toHaveText(['order.question']);
  await expect(picker).toContainText('Asks about an order');
  await expect(picker.getByTestId('scenario-preview')).toContainText('"text":"Where is order 42?"');
  const saves = await calls(page, 'save_scenario');
  expect(saves.map((c) => c.args.draft.name)).toEqual(['client.text', 'order.question']);
  const saved = saves[1];
  expect(saved.args.draft).toMatchObject({ name: 'order.question', direction: 'send', body: { message: { chatId: 'c-5', text: 'Where is order 42?' } } });
  await picker.getByRole('button', { name: 'Send scenario' }).click();
  await expect(picker.getByTestId('send-result').locator('.badge')).toHaveText('200');

  // A body that is not JSON cannot be saved.
  await page.getByLabel('Body (sent exactly as written)').fill('not json');
  await page.getByRole('button', { name: 'Save as scenario…' }).first().click();
  await dialog.getByLabel('Scenario name').fill('broken');
  await dialog.getByRole('button', { name: 'Save scenario' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The body is not JSON: a scenario needs a JSON object');
});
