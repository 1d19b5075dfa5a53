// Receivers that fail on purpose (issue J §4) in the Receive panel against the fake backend:
// the plan's fields per kind (keyboard first), what start_receiver is given, each request's
// answer in the log (500, 500, 200; dropped; never answered), core's refusal of a nonsense
// plan, and Webitel's side: a non-2xx answer to an agent's message is "not delivered", sent once.
import { expect, test, type Page } from '@playwright/test';

type Call = { cmd: string; args: Record<string, any> };
const calls = (page: Page, cmd: string) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;

async function openReceive(page: Page) {
  await page.goto('/tests/harness.html?flows=1&seed=1&onserver=1');
  await page.getByRole('tab', { name: 'Test' }).click();
  await page.getByRole('tab', { name: /^Receive/ }).click();
}

/** `count` unsigned requests reach the fake receiver, one after another. */
async function arrive(page: Page, count: number) {
  await page.evaluate(async (count) => {
    const fake = (window as any).fakeBackend;
    for (let i = 1; i <= count; i++) await fake.harness.deliverToReceiver(`{"message":{"chatId":"c-f","text":"n${i}"}}\n`, null);
  }, count);
}


test('fail first 2 is set from the keyboard, and the log shows 500, 500, 200', async ({ page }) => {
  await openReceive(page);
  await expect(page.getByLabel('Requests to fail')).toHaveCount(0);
  // From the body field, Tab reaches the plan, the arrows choose it, Tab its fields.
  await page.getByLabel('Answer body').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Answer plan')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Answer plan')).toHaveValue('failFirst');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Requests to fail')).toBeFocused();
  await expect(page.getByLabel('Requests to fail')).toHaveValue('2');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Fail with status')).toBeFocused();
  await expect(page.getByLabel('Fail with status')).toHaveValue('500');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receiver-url')).toBeVisible();
  const started = await calls(page, 'start_receiver');
  expect(started.at(-1)!.args.answer.plan).toEqual({ kind: 'failFirst', count: 2, status: 500 });
  await expect(page.getByTestId('plan-note')).toHaveText('The first 2 requests get 500, then 200.');
  await expect(page.getByLabel('Answer plan')).toBeDisabled();

  await arrive(page, 3);
  const rows = page.getByTestId('entry');
  await expect(rows).toHaveCount(3);
  // Newest first.
  await expect(rows.nth(0).locator('summary')).toContainText('200');
  await expect(rows.nth(1).locator('summary')).toContainText('500');
  await expect(rows.nth(2).locator('summary')).toContainText('500');
  await expect(rows.nth(2).locator('.badge.status-bad')).toHaveText('500');
  await expect(rows.nth(0).locator('.badge.status-ok')).toHaveText('200');
});

test('fail a share takes a percent and a seed; the same seed gives the same pattern', async ({ page }) => {
  await openReceive(page);
  await page.getByLabel('Answer plan').selectOption('failRate');
  await page.getByLabel('Share (%)').fill('50');
  await page.getByLabel('Seed').fill('7');
  const pattern = async () => {
    await page.getByRole('button', { name: 'Start receiver' }).click();
    await expect(page.getByTestId('receiver-url')).toBeVisible();
    await arrive(page, 10);
    await expect(page.getByTestId('entry')).toHaveCount(10);
    const seen = await page.getByTestId('entry').locator('summary .badge.status-ok, summary .badge.status-bad').allTextContents();
    await page.getByRole('button', { name: 'Stop receiver' }).click();
    return seen;
  };
  const first = await pattern();
  expect(first).toContain('500');
  expect(first).toContain('200');
  expect(await pattern()).toEqual(first);
  const started = await calls(page, 'start_receiver');
  expect(started.at(-1)!.args.answer.plan).toEqual({ kind: 'failRate', percent: 50, seed: 7 });
});

test('drop and never answer show in the log as such, not as a status', async ({ page }) => {
  await openReceive(page);
  await page.getByLabel('Answer plan').selectOption('drop');
  await expect(page.getByLabel('Share (%)')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await expect(page.getByTestId('plan-note')).toHaveText('Each connection is closed without an answer.');
  await arrive(page, 1);
  await expect(page.getByTestId('entry').first().locator('summary')).toContainText('dropped');
  await page.getByRole('button', { name: 'Stop receiver' }).click();

  await page.getByLabel('Answer plan').selectOption('hang');
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await expect(page.getByTestId('plan-note')).toContainText('senders time out');
  await arrive(page, 1);
  await expect(page.getByTestId('entry').first().locator('summary')).toContainText('never answered');
  const started = await calls(page, 'start_receiver');
  expect(started.map((c) => c.args.answer.plan.kind)).toEqual(['drop', 'hang']);
});

test('a plan that fails none is refused with core\'s sentence and nothing starts', async ({ page }) => {
  await openReceive(page);
  await page.getByLabel('Answer plan').selectOption('failFirst');
  await page.getByLabel('Requests to fail').fill('0');
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await expect(page.getByRole('alert')).toContainText('Fail the first 0 requests fails none');
  await expect(page.getByTestId('receiver-url')).toHaveCount(0);
  await page.getByLabel('Answer plan').selectOption('failRate');
  await page.getByLabel('Share (%)').fill('101');
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await expect(page.getByRole('alert')).toContainText('101 % is more than all requests');
});

test('Webitel side: a 500 from the callback is "not delivered", sent once; the transcript says so', async ({ page }) => {
  await openReceive(page);
  await page.getByLabel('Answer plan').selectOption('failFirst');
  await page.getByLabel('Requests to fail').fill('1');
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await expect(page.getByTestId('receiver-url')).toBeVisible();
  await page.getByRole('tab', { name: /^Webitel/ }).click();
  await expect(page.getByLabel('Deliver to')).toHaveValue('receiver');
  await page.getByLabel('Chat id').fill('c-500');
  await page.getByRole('textbox', { name: 'Text' }).fill('First try');
  await page.getByRole('button', { name: 'Send as Webitel' }).click();
  const delivery = page.getByTestId('delivery');
  await expect(delivery).toHaveCount(1);
  await expect(delivery.locator('.badge')).toHaveText('500');
  await expect(delivery.getByTestId('not-delivered')).toHaveText('not delivered (HTTP 500): sent once, no retry');
  await page.getByRole('textbox', { name: 'Text' }).fill('Second try');
  await page.getByRole('button', { name: 'Send as Webitel' }).click();
  await expect(delivery.locator('.badge')).toHaveText('200');
  await expect(delivery.getByTestId('not-delivered')).toHaveCount(0);

  await page.getByRole('tab', { name: /^Transcript/ }).click();
  await page.getByLabel('Chat', { exact: true }).selectOption('c-500');
  const bubbles = page.getByTestId('bubble');
  await expect(bubbles).toHaveCount(2);
  await expect(bubbles.nth(0)).toContainText('First try');
  await expect(bubbles.nth(0).getByTestId('not-delivered')).toHaveText('not delivered (HTTP 500): sent once, no retry');
  await expect(bubbles.nth(1)).toContainText('Second try');
  await expect(bubbles.nth(1).getByTestId('not-delivered')).toHaveCount(0);
  // Sent once each: the receiver got exactly two requests.
  const received = await page.evaluate(() => (window as any).fakeBackend.harness.history.filter((e: any) => e.channel === 'receive').length);
  expect(received).toBe(2);
});
