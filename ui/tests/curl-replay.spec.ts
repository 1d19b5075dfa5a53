// Copy as cURL, Paste cURL and Edit and resend (issue J) against the fake backend: a history
// entry's command and the Send form's go to the clipboard exactly as core renders them; a
// pasted command loads its URL, headers and body into the request editor (and one it cannot
// read says why); an entry opened for resend with an edited body is sent and links back.
import { expect, test, type Page } from '@playwright/test';
import type { HistoryEntry } from '../src/bindings/HistoryEntry';
import { renderCurl } from './fake-curl';

type Call = { cmd: string; args: Record<string, any> };
const copies = (page: Page) =>
  page.evaluate(() => (window as any).fakeBackend.calls.filter((c: Call) => c.cmd === 'plugin:clipboard-manager|write_text')) as Promise<Call[]>;
const history = (page: Page) => page.evaluate(() => (window as any).fakeBackend.harness.history) as Promise<HistoryEntry[]>;
const section = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();

async function sendOne(page: Page, text: string) {
  await page.goto('/tests/harness.html?flows=1&seed=1&onserver=1');
  await page.getByRole('tab', { name: 'Test' }).click();
  await page.getByLabel('Chat id').fill('c-curl');
  await page.getByLabel('Text').fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('send-result').locator('.badge')).toHaveText('200');
}

async function openEntry(page: Page, id: number) {
  await section(page, 'History');
  const row = page.locator(`[data-testid="entry"][data-id="${id}"]`);
  await row.locator('summary').click();
  return row;
}

test('Copy as cURL on a history entry puts the exact command on the clipboard', async ({ page }) => {
  await sendOne(page, "it's $5 \\ ok");
  const [sent] = await history(page);
  const row = await openEntry(page, sent.id);
  await row.getByRole('button', { name: 'Copy as cURL' }).click();
  await expect(page.getByRole('status').getByText('Copied the cURL command')).toBeVisible();
  const calls = await copies(page);
  expect(calls).toHaveLength(1);
  expect(calls[0].args.text).toBe(renderCurl(sent.method, sent.url, sent.requestHeaders, sent.body));
  expect(calls[0].args.text).toContain(`-H 'X-Webitel-Sign: ${sent.requestHeaders[1][1]}'`);
  expect(calls[0].args.text).toContain("it'\\''s $5");
});

test('Copy as cURL on the Send form is what Send would send now, signed', async ({ page }) => {
  await sendOne(page, 'first');
  await page.getByLabel('Text').fill('not sent yet');
  await page.getByRole('button', { name: 'Copy as cURL' }).click();
  await expect(page.getByRole('status').getByText('Copied the cURL command')).toBeVisible();
  const [call] = await copies(page);
  const raw = await page.locator('#send-raw').inputValue();
  expect(raw).toContain('not sent yet');
  expect(call.args.text).toContain(`--data-raw '${raw}'`);
  expect(call.args.text).toMatch(/-H 'X-Webitel-Sign: [0-9a-f]{64}'/);
  expect(await history(page)).toHaveLength(1);
});

test('Paste cURL loads URL, headers and body; a command it cannot read says why', async ({ page }) => {
  await sendOne(page, 'first');
  await page.getByRole('button', { name: 'Paste cURL' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('cURL command').fill('wget https://example.com/');
  await dialog.getByRole('button', { name: 'Load' }).click();
  await expect(dialog.getByTestId('error-message')).toContainText('This is not a cURL command');
  await dialog.getByLabel('cURL command').fill(
    "curl -X POST 'https://gw.example.com/chat/pasted' \\\n  -H 'Content-Type: application/json' \\\n  -H 'X-Trace: t-1' \\\n  --data-raw '{\"message\":{\"chatId\":\"p-1\",\"text\":\"pasted\"}}'",
  );
  await dialog.getByRole('button', { name: 'Load' }).click();
  await expect(dialog).toBeHidden();
  const editor = page.getByTestId('raw-request');
  await expect(editor.getByRole('heading', { name: 'Pasted request' })).toBeVisible();
  await expect(editor.getByLabel('Target URL')).toHaveValue('https://gw.example.com/chat/pasted');
  await expect(editor.getByLabel(/^Headers/)).toHaveValue('Content-Type: application/json\nX-Trace: t-1');
  await expect(editor.getByLabel('Body')).toHaveValue('{"message":{"chatId":"p-1","text":"pasted"}}');
  await editor.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(editor.getByTestId('raw-request-sent')).toHaveText(/Sent as #2/);
  const pasted = (await history(page)).find((e) => e.id === 2)!;
  expect(pasted.url).toBe('https://gw.example.com/chat/pasted');
  expect(pasted.signing).toBe('correct');
  expect(pasted.requestHeaders).toContainEqual(['X-Trace', 't-1']);
});

test('Edit and resend: the entry opens in the Send form, an edited body is re-signed and links back', async ({ page }) => {
  await sendOne(page, 'original');
  const [sent] = await history(page);
  const row = await openEntry(page, sent.id);
  await row.getByRole('button', { name: 'Edit and resend' }).click();
  await expect(page.getByRole('tab', { name: /^Send/ })).toHaveAttribute('aria-selected', 'true');
  const editor = page.getByTestId('raw-request');
  await expect(editor.getByRole('heading', { name: `Resend #${sent.id}, edited` })).toBeVisible();
  await expect(editor.getByLabel('Target URL')).toHaveValue(sent.url);
  const body = editor.getByLabel('Body');
  await expect(body).toHaveValue(sent.body);
  await body.fill(sent.body.replace('original', 'edited'));
  await editor.getByLabel(/^Headers/).fill('Content-Type: application/json\nbroken line');
  await editor.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(editor.getByRole('alert')).toHaveText('\u201cbroken line\u201d is not a header: write it as Name: value');
  await editor.getByLabel(/^Headers/).fill('Content-Type: application/json');
  await editor.getByLabel('Re-sign with the current secret').check();
  await editor.getByRole('button', { name: 'Send', exact: true }).click();
  const sentLine = editor.getByTestId('raw-request-sent');
  await expect(sentLine).toContainText(`Sent as #${sent.id + 1}`);
  const resent = (await history(page)).find((e) => e.id === sent.id + 1)!;
  expect(resent.replayOf).toBe(sent.id);
  expect(resent.body).toBe(sent.body.replace('original', 'edited'));
  expect(resent.signing).toBe('correct');
  expect(resent.status).toBe(200);

  await sentLine.getByRole('button', { name: `replays #${sent.id}` }).click();
  await expect(page.getByRole('tab', { name: /^History/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`[data-testid="entry"][data-id="${resent.id}"]`)).toContainText(`replay of #${sent.id}`);
});

test('Edit and resend: the old signature kept over an edited body is sent and recorded as wrong', async ({ page }) => {
  await sendOne(page, 'original');
  const [sent] = await history(page);
  const row = await openEntry(page, sent.id);
  await row.getByRole('button', { name: 'Edit and resend' }).click();
  const editor = page.getByTestId('raw-request');
  await editor.getByLabel('Body').fill(sent.body.replace('original', 'tampered'));
  await editor.getByLabel('Keep the old signature').check();
  await editor.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(editor.getByTestId('send-result').locator('.badge')).toHaveText('403');
  const resent = (await history(page)).find((e) => e.id === sent.id + 1)!;
  expect(resent.signing).toBe('wrong');
  expect(resent.requestHeaders).toContainEqual(['X-Webitel-Sign', sent.requestHeaders[1][1]]);
  await editor.getByRole('button', { name: 'Close' }).click();
  await expect(editor).toHaveCount(0);
});
