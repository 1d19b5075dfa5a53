// The Test tab's History (issue I, 14) and its pinned Send buttons (15) against the fake
// backend: a long history says how much it shows and loads the rest by a keyset cursor, an
// emulated message its own receiver got is one round trip, a direction filter, Clear only
// behind "⋯" with its confirmation, replay buttons that say what they do, and Send, Send as
// Webitel and Run burst in sight at 900x600 without scrolling.
import { expect, test, type Locator, type Page } from '@playwright/test';

type Call = { cmd: string; args: Record<string, any> };
const pageCalls = (page: Page) =>
  page.evaluate(() => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === 'history_page')) as Promise<Call[]>;

async function openTest(page: Page) {
  await page.goto('/tests/harness.html?flows=1&seed=1&onserver=1');
  await page.getByRole('tab', { name: 'Test' }).click();
}

const section = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();

/** The box is inside the window and nothing covers its middle. */
async function expectInSight(page: Page, button: Locator) {
  const box = (await button.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  const onTop = await button.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return hit !== null && el.contains(hit);
  });
  expect(onTop, 'nothing covers the button').toBe(true);
}

test('205 entries: "Showing 200 of 205", Load more shows every one', async ({ page }) => {
  await openTest(page);
  await page.evaluate(() => (window as any).fakeBackend.harness.seed(205));
  await section(page, 'History');
  const rows = page.getByTestId('entry');
  await expect(page.getByTestId('history-count')).toHaveText('Showing 200 of 205, newest first');
  await expect(rows).toHaveCount(200);
  await expect(rows.first()).toContainText('seeded 205');
  await expect(rows.last()).toContainText('seeded 6');
  const last = Number(await rows.last().getAttribute('data-id'));

  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.getByTestId('history-count')).toHaveText('205 entries, newest first');
  await expect(rows).toHaveCount(205);
  await expect(rows.last()).toContainText('seeded 1');
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  const calls = await pageCalls(page);
  expect(calls.map((c) => c.args.query.before ?? null)).toEqual([null, last]);
});

test('an emulated message its own receiver got is one round trip; the direction filter', async ({ page }) => {
  await openTest(page);
  await page.getByLabel('Chat id').fill('c-5');
  await page.getByLabel('Text').fill('from the client');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('send-result').locator('.badge')).toHaveText('200');
  await section(page, 'Receive');
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await section(page, 'Webitel');
  await expect(page.getByLabel('Deliver to')).toHaveValue('receiver');
  await page.getByRole('textbox', { name: 'Text' }).fill('from the agent');
  await page.getByRole('button', { name: 'Send as Webitel' }).click();
  await expect(page.getByTestId('delivery')).toHaveCount(1);

  await section(page, 'History');
  const rows = page.getByTestId('entry');
  // Three entries are kept (send, emulate, receive); the emulate and its arrival are one row.
  await expect(page.getByTestId('history-count')).toHaveText('3 entries, newest first');
  await expect(rows).toHaveCount(2);
  const trip = rows.filter({ hasText: 'from the agent' });
  await expect(trip).toHaveCount(1);
  await expect(trip).toContainText('Webitel → client');
  await expect(trip.getByTestId('round-trip')).toHaveText(/sent → received 200\s*valid/);
  await expect(rows.filter({ hasText: 'from the client' }).getByTestId('round-trip')).toHaveCount(0);
  await trip.locator('summary').click();
  const received = trip.getByTestId('round-trip-received');
  await expect(received).toContainText('Received by the local receiver');
  await expect(received).toContainText('POST http://127.0.0.1:8790/hook');
  await expect(received.getByTestId('raw-body')).toContainText('from the agent');

  const direction = page.getByLabel('Direction');
  await direction.selectOption({ label: 'Received' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('POST /hook');
  await expect(rows.first().getByTestId('round-trip')).toHaveCount(0);
  await expect(page.getByTestId('history-count')).toHaveText('1 entry, newest first');
  await direction.selectOption({ label: 'Sent' });
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('history-count')).toHaveText('2 entries, newest first');
  await expect(rows.filter({ hasText: 'from the agent' }).getByTestId('round-trip')).toHaveText(/sent → received 200/);
  await direction.selectOption({ label: 'All' });
  await expect(rows).toHaveCount(2);
  const directions = (await pageCalls(page)).map((c) => c.args.query.direction ?? 'all');
  expect(directions).toEqual(['all', 'received', 'sent', 'all']);
});

test('Clear sits behind "⋯" and still asks first; the replay buttons say what they do', async ({ page }) => {
  await openTest(page);
  await page.getByRole('button', { name: 'Send with wrong signature' }).click();
  await expect(page.getByTestId('send-result').locator('.badge')).toHaveText('403');
  await section(page, 'History');
  const rows = page.getByTestId('entry');
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('button', { name: /Clear/ })).toHaveCount(0);

  const more = page.getByRole('button', { name: 'More history actions' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  // The menu opens on its first item (Export…, issue J); Clear history… is the next one down.
  await expect(page.getByRole('menuitem', { name: 'Export…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const clear = page.getByRole('menuitem', { name: 'Clear history…' });
  await expect(clear).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(more).toBeFocused();

  await more.click();
  await clear.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Clear history?' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows).toHaveCount(1);
  await more.click();
  await page.getByRole('menuitem', { name: 'Clear history…' }).click();
  await dialog.getByRole('button', { name: 'Clear history' }).click();
  await expect(page.getByText('Nothing matches.')).toBeVisible();
  await expect(rows).toHaveCount(0);

  await section(page, 'Send');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('send-result').locator('.badge')).toHaveText('200');
  await section(page, 'History');
  await rows.first().locator('summary').click();
  const asRecorded = 'Replay: send the same bytes and headers again, as they were recorded';
  const resigned = "Replay re-signed: send the same bytes again, signed with this gateway's current app secret";
  const replay = rows.first().getByRole('button', { name: asRecorded });
  await expect(replay).toHaveText('Replay');
  await expect(replay).toHaveAttribute('title', asRecorded);
  const replayResigned = rows.first().getByRole('button', { name: resigned });
  await expect(replayResigned).toHaveText('Replay re-signed');
  await expect(replayResigned).toHaveAttribute('title', resigned);
});

test('at 900x600 Send, Send as Webitel and Run burst are in sight without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  await openTest(page);
  await expectInSight(page, page.getByRole('button', { name: 'Send', exact: true }));
  await expectInSight(page, page.getByRole('button', { name: 'Send with wrong signature' }));
  await section(page, 'Webitel');
  await page.getByLabel('Action').selectOption('join');
  await expectInSight(page, page.getByRole('button', { name: 'Send as Webitel' }));
  await section(page, 'Burst');
  await expectInSight(page, page.getByRole('button', { name: 'Run burst' }));
});
