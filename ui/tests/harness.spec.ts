// The Test tab (issue D) in a real browser against the fake harness: signatures are real
// HMACs (WebCrypto), receiver requests arrive through Tauri's channel mechanism.
import { createHmac } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import type { InvokedName } from './fake-ipc';
import { gatewayName } from './registry-rows';

type Call = { cmd: string; args: Record<string, any> };
const calls = (page: Page, cmd: InvokedName) =>
  page.evaluate((name) => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === name), cmd) as Promise<Call[]>;

async function openTest(page: Page, query = '?flows=1&seed=1&onserver=1') {
  await page.goto(`/tests/harness.html${query}`);
  await page.getByRole('tab', { name: 'Test' }).click();
}

const section = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();

/** A request reaches the fake receiver, signed correctly, wrongly or not at all. */
async function arrive(page: Page, body: string, how: 'valid' | 'wrong' | 'missing') {
  await page.evaluate(async ({ body, how }) => {
    const fake = (window as any).fakeBackend;
    const secret = fake.profiles.get(fake.harness.receiver.profileId).secret;
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(body)));
    const hex = Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
    const sign = how === 'missing' ? null : how === 'wrong' ? hex.replace(/^./, hex[0] === 'a' ? 'b' : 'a') : hex;
    await fake.harness.deliverToReceiver(body, sign);
  }, { body, how });
}

test('the Test tab appears only for saved profiles', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  await expect(page.getByRole('tab', { name: 'Test' })).toBeVisible();
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Templates' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Test' })).toHaveCount(0);
});

test('send: the form composes the raw body, which is sent byte for byte; a wrong signature gets 403', async ({ page }) => {
  await openTest(page);
  const raw = page.getByLabel('Body (sent exactly as written)');
  await page.getByLabel('Chat id').fill('c-42');
  await page.getByLabel('Text').fill('Where is my order?');
  await page.getByLabel('Sender type').selectOption('viber');
  await expect(raw).toHaveValue('{"message":{"chatId":"c-42","sender":{"id":"user-1","type":"viber","name":"John Doe"},"text":"Where is my order?"}}');
  // The profile's full webhook URL is the default target, shown in the override's placeholder.
  await expect(page.getByLabel('Target')).toHaveAttribute('placeholder', /^https:\/\/demo\.example\.com\/chat\/[a-z]{31}$/);

  // Edited by hand: the editor wins, exactly as typed (with a trailing newline).
  const edited = '{"message":{"chatId":"c-42","sender":{"id":"user-1"},"text":"hand  made"}}\n';
  await raw.fill(edited);
  await expect(page.getByText('edited by hand')).toBeVisible();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const result = page.getByTestId('send-result');
  await expect(result.locator('.badge')).toHaveText('200');
  await expect(result.getByTestId('response-body')).toHaveText('{"success":true}');
  await expect(result).toContainText('content-type: application/json');
  await expect(result).toContainText(/\d+ ms/);
  const sends = await calls(page, 'send_to_gateway');
  expect(sends.at(-1)!.args.body).toBe(edited);
  expect(sends.at(-1)!.args.signing).toBe('correct');

  await page.getByRole('button', { name: 'Send with wrong signature' }).click();
  await expect(result.locator('.badge')).toHaveText('403');
  await expect(result).toContainText('the signature does not prove this body');
  await expect(result.locator('.badge')).toHaveClass(/status-bad/);

  // Back to the form: recompose replaces the hand edit.
  await page.getByRole('button', { name: 'Recompose from form' }).click();
  await expect(raw).toHaveValue(/"text":"Where is my order\?"/);
  // Close and broadcast failure have their wire shapes.
  await page.getByText('Close', { exact: true }).click();
  await expect(raw).toHaveValue('{"close":{"chatId":"c-42"}}');
  await page.getByText('Broadcast failure', { exact: true }).click();
  await expect(raw).toHaveValue('{"broadcast":{"eventId":"event-1","recipients":[{"id":"user-1","type":"telegram","error":"blocked"}]}}');
});

test('send: a profile without a server needs a URL, said plainly', async ({ page }) => {
  await openTest(page, '?seed=1');
  await expect(page.getByText('This profile has no server, so its URI is not an address')).toBeVisible();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('has no server, so its URI');
  await page.getByLabel('Target').fill('http://unreachable.invalid/chat/x');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('send-result')).toContainText('failed: connect');
  await expect(page.getByTestId('send-result')).toContainText('nothing answers there');
});

test('receive: start, requests stream in newest first with verdicts, expand shows the raw body', async ({ page }) => {
  await openTest(page);
  await section(page, 'Receive');
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue('8790');
  await page.getByLabel('Answer status').fill('202');
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await expect(page.getByTestId('receiver-url')).toHaveText('http://127.0.0.1:8790/hook');
  await expect(page.getByText('Waiting for requests')).toBeVisible();

  const body = '{"message":{"chatId":"c-7","date":1710348900,"text":"Hello, I am Ann"}}\n';
  await arrive(page, body, 'valid');
  await arrive(page, '{"close":{"chatId":"c-7"}}\n', 'wrong');
  await arrive(page, '{"message":{"chatId":"c-7","text":"unsigned"}}\n', 'missing');
  const rows = page.getByTestId('entry');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).locator('summary')).toContainText('missing');
  await expect(rows.nth(1).locator('summary')).toContainText('invalid');
  await expect(rows.nth(2).locator('summary')).toContainText('valid');
  await expect(rows.nth(2).locator('summary')).toContainText('POST /hook');
  await expect(rows.nth(2).locator('summary')).toContainText('202');

  await rows.nth(2).locator('summary').click();
  await expect(rows.nth(2).getByTestId('raw-body')).toHaveText(body);
  await expect(rows.nth(2)).toContainText('ends with a newline');
  await expect(rows.nth(2)).toContainText('"text": "Hello, I am Ann"');

  // Use it as the callback: the General tab's field gets the URL (unsaved until Save).
  await page.getByRole('button', { name: 'Use as callback URL' }).click();
  await expect(page.getByText("this gateway's callback")).toBeVisible();
  await page.getByRole('button', { name: 'Stop receiver' }).click();
  await expect(page.getByRole('button', { name: 'Start receiver' })).toBeVisible();
  await page.getByRole('tab', { name: 'General' }).click();
  await expect(page.getByLabel('Callback URL', { exact: true })).toHaveValue('http://127.0.0.1:8790/hook');
});

test('receive: a flood keeps the newest 200 live and says how many are only in the history', async ({ page }) => {
  await openTest(page);
  await section(page, 'Receive');
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await expect(page.getByTestId('receiver-url')).toBeVisible();
  await expect(page.getByTestId('not-shown')).toHaveCount(0);

  // The backend's batch: the newest 200 of 250, the other 50 counted.
  await page.evaluate(() => (window as any).fakeBackend.harness.flood(250, 200));
  const rows = page.getByTestId('entry');
  await expect(rows).toHaveCount(200);
  await expect(page.getByTestId('not-shown')).toHaveText('50 not shown live (only the newest 200 are): see History for every request.');
  await expect(rows.nth(0).locator('summary')).toContainText('missing');
  await rows.nth(0).locator('summary').click();
  await expect(rows.nth(0).getByTestId('raw-body')).toHaveText('{"message":{"chatId":"flood","text":"n250"}}');

  // One more arrives: the oldest shown is pushed out and counted too.
  await arrive(page, '{"message":{"chatId":"c-1","text":"late"}}', 'missing');
  await expect(rows).toHaveCount(200);
  await expect(page.getByTestId('not-shown')).toContainText('51 not shown live');
});

test('receive: requests the history could not keep are said, not dropped silently', async ({ page }) => {
  await openTest(page);
  await section(page, 'Receive');
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await expect(page.getByTestId('receiver-url')).toBeVisible();
  await expect(page.getByTestId('not-recorded')).toHaveCount(0);

  await page.evaluate(() => (window as any).fakeBackend.harness.historyFails(3));
  await expect(page.getByTestId('not-recorded')).toHaveText('3 not kept in the history: the database refused them (see the log file).');
  await page.evaluate(() => (window as any).fakeBackend.harness.historyFails(2));
  await expect(page.getByTestId('not-recorded')).toContainText('5 not kept');
});

test('receive: a port that cannot be used is explained', async ({ page }) => {
  await openTest(page);
  await section(page, 'Receive');
  await page.getByLabel('Port', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await expect(page.getByRole('alert')).toContainText('Cannot listen on 127.0.0.1:1');
});

test('webitel + transcript: both directions of one chat with statuses and verdicts', async ({ page }) => {
  await openTest(page);
  await page.evaluate(() => {
    const profile = [...(window as any).fakeBackend.profiles.values()][0];
    profile.templates.join = '$(.FirstName) joined the chat';
  });
  await page.getByLabel('Chat id').fill('c-100');
  await page.getByLabel('Text').fill('Hi, anyone there?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('send-result').locator('.badge')).toHaveText('200');

  await section(page, 'Receive');
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await section(page, 'Webitel');
  await expect(page.getByLabel('Deliver to')).toHaveValue('receiver');
  await expect(page.getByLabel('Chat id')).toHaveAttribute('placeholder', 'c-100');
  await page.getByLabel('Action').selectOption('join');
  await expect(page.getByText('"agent joining" message rendered from this gateway\'s Templates tab')).toBeVisible();
  await page.getByLabel('Agent first name').fill('Maria');
  await page.getByRole('button', { name: 'Send as Webitel' }).click();
  await expect(page.getByTestId('delivery')).toHaveCount(1);
  await expect(page.getByTestId('delivery')).toContainText('Maria joined the chat');
  await expect(page.getByTestId('delivery').locator('.badge')).toHaveText('200');
  await page.getByLabel('Action').selectOption('text');
  await page.getByRole('textbox', { name: 'Text' }).fill('  Hello, I am Maria  ');
  await page.getByRole('button', { name: 'Send as Webitel' }).click();
  await expect(page.getByTestId('delivery')).toContainText('Hello, I am Maria');
  const emulated = await calls(page, 'emulate_webitel');
  expect(emulated.at(-1)!.args.url).toBe('http://127.0.0.1:8790/hook');

  await section(page, 'Transcript');
  await expect(page.getByLabel('Chat', { exact: true })).toHaveValue('c-100');
  const bubbles = page.getByTestId('bubble');
  await expect(bubbles).toHaveCount(3);
  await expect(bubbles.nth(0)).toHaveAttribute('data-side', 'client');
  await expect(bubbles.nth(0)).toContainText('Hi, anyone there?');
  await expect(bubbles.nth(0)).toContainText('200');
  await expect(bubbles.nth(1)).toHaveAttribute('data-side', 'webitel');
  await expect(bubbles.nth(1)).toContainText('Maria joined the chat');
  await expect(bubbles.nth(1)).toContainText('valid');
  await expect(bubbles.nth(2)).toContainText('Hello, I am Maria');
  await expect(bubbles.nth(2).locator('.badge').first()).toHaveText('200');
});

test('history: search by status and text, expand, replay as recorded and re-signed', async ({ page }) => {
  await openTest(page);
  await page.getByLabel('Chat id').fill('c-9');
  await page.getByLabel('Text').fill('first try');
  await page.getByRole('button', { name: 'Send with wrong signature' }).click();
  await expect(page.getByTestId('send-result').locator('.badge')).toHaveText('403');
  await page.getByLabel('Text').fill('second try');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('send-result').locator('.badge')).toHaveText('200');

  await section(page, 'History');
  const rows = page.getByTestId('entry');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Status').fill('4xx');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('first try');
  await expect(rows.first()).toContainText('wrong signature');
  await page.getByLabel('Status').fill('nope');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('alert')).toContainText('is not a status filter');
  await page.getByLabel('Status').fill('');
  await page.getByLabel('Text', { exact: true }).fill('SECOND');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Text', { exact: true }).fill('');
  await page.getByLabel('Status').fill('403');
  await page.getByRole('button', { name: 'Search' }).click();

  const wrong = rows.first();
  await wrong.locator('summary').click();
  await expect(wrong).toContainText('X-Webitel-Sign: ');
  await wrong.getByRole('button', { name: /^Replay: / }).click();
  await expect(page.getByRole('status').getByText(/Replayed #\d+: 403/)).toBeVisible();
  await expect(rows).toHaveCount(2);
  // The original stays open after the list refreshes.
  await rows.last().getByRole('button', { name: 'Replay re-signed' }).click();
  await expect(page.getByRole('status').getByText(/Replayed #\d+ re-signed: 200/)).toBeVisible();
  await page.getByLabel('Status').fill('');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText(/replay of #\d+/);
  const replays = await calls(page, 'replay_history');
  expect(replays.map((c) => c.args.resign)).toEqual([false, true]);
});

test('burst: progress, throughput, percentiles, errors and a histogram', async ({ page }) => {
  await openTest(page);
  await section(page, 'Burst');
  await page.getByLabel('Messages').fill('500');
  await page.getByLabel('Concurrency').fill('20');
  await page.getByRole('button', { name: 'Run burst' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  const report = page.getByTestId('burst-report');
  await expect(report).toContainText('Throughput');
  await expect(report).toContainText('p99');
  await expect(page.getByRole('progressbar')).toContainText('500 / 500 sent');
  await expect(page.getByRole('table')).toContainText('503');
  await expect(page.getByTestId('histogram').locator('rect')).toHaveCount(12);
  const runs = await calls(page, 'run_burst');
  expect([runs[0].args.count, runs[0].args.concurrency]).toEqual([500, 20]);
});

test('signature lab: computes each scheme and verifies a pasted signature', async ({ page }) => {
  await openTest(page);
  await section(page, 'Signature lab');
  const body = '{"close":{"chatId":"c-1"}}\n';
  await page.getByLabel('Secret').fill('labSecret');
  await page.getByLabel(/^Body/).fill(body);
  const expected = createHmac('sha256', 'labSecret').update(body).digest('hex');
  await expect(page.getByTestId('lab-header-x-webitel-sign')).toHaveText(expected);
  await page.getByLabel('Verify a signature').fill(expected);
  await expect(page.getByTestId('lab-verdict')).toContainText('valid');
  await page.getByLabel('Verify a signature').fill(expected.toUpperCase());
  await expect(page.getByTestId('lab-verdict')).toContainText('upper-case hex');

  await page.getByLabel('Scheme').selectOption('sha1');
  await expect(page.getByTestId('lab-header-x-chatzuri-signature')).toHaveText(createHmac('sha1', 'labSecret').update(body).digest('hex'));

  await page.getByLabel('Scheme').selectOption('standard');
  await expect(page.getByRole('alert')).toContainText('whsec_');
  const key = Buffer.from('standard-key-bytes');
  await page.getByLabel('Secret').fill(`whsec_${key.toString('base64')}`);
  const ts = Number(await page.getByLabel(/webhook-timestamp/).inputValue());
  const sig = `v1,${createHmac('sha256', key).update(`msg_1.${ts}.${body}`).digest('base64')}`;
  await expect(page.getByTestId('lab-header-webhook-signature')).toHaveText(sig);
  await page.getByLabel('Verify a signature').fill(sig);
  await expect(page.getByTestId('lab-verdict')).toContainText('valid');
});

test('keyboard: arrow keys move between sections, Ctrl+Enter sends the body; another gateway starts clean', async ({ page }) => {
  await openTest(page, '?flows=1&seed=2&onserver=1');
  await page.getByRole('tab', { name: /^Send/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('tab', { name: /^Receive/ })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Start receiver' })).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('tab', { name: /^Send/ })).toHaveAttribute('aria-selected', 'true');

  await page.getByLabel('Body (sent exactly as written)').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('send-result').locator('.badge')).toHaveText('200');

  await gatewayName(page, 'Beta sales').click();
  await page.getByRole('tab', { name: 'Test' }).click();
  await expect(page.getByTestId('send-result')).toHaveCount(0);
  await expect(page.getByTestId('send-target')).toContainText('/chat/');
});
