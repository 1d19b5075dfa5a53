// General → App secret → Rotate secret… (issue J) against the fake backend: a new secret to
// copy and what breaks when (v1 holds one secret per gateway), Save and push, then the proof:
// an agent message signed with the new secret to the callback (or the local receiver), its
// verdict shown and the exchange kept in the history. A local-only profile is just saved, and
// told so; a callback that does not answer is said as such.
import { expect, test, type Page } from '@playwright/test';

type Call = { cmd: string; args: Record<string, any> };
const calls = (page: Page, cmd: string) =>
  page.evaluate((c) => (window as any).fakeBackend.calls.filter((call: Call) => call.cmd === c), cmd) as Promise<Call[]>;

async function openRotate(page: Page) {
  await page.getByRole('button', { name: 'Rotate secret…' }).click();
  const dialog = page.getByTestId('rotate-secret');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('rotate-new-secret')).not.toHaveValue('');
  return dialog;
}

test('rotate a pushed gateway: generate, say what breaks, save and push, prove end to end', async ({ page }) => {
  await page.goto('/tests/harness.html?flows=1&seed=1&onserver=1');
  const field = page.locator('#profile-secret');
  const old = await field.inputValue();
  const dialog = await openRotate(page);
  const fresh = await dialog.getByTestId('rotate-new-secret').inputValue();
  expect(fresh).not.toBe(old);
  await expect(dialog.getByTestId('rotate-breaks')).toContainText('get 403 from then on');
  await expect(dialog.getByRole('button', { name: 'Send the proof' })).toBeDisabled();

  await dialog.getByRole('button', { name: /^Save and push to / }).click();
  await expect(dialog.getByText(/^Saved and pushed to .*: the gateway checks the new secret/)).toBeVisible();
  const saved = await calls(page, 'save_profile');
  expect(saved.at(-1)!.args.draft.secret).toBe(fresh);
  expect((await calls(page, 'push_profile')).length).toBe(1);
  await expect(field).toHaveValue(fresh);

  await dialog.getByRole('button', { name: 'Send the proof' }).click();
  await expect(dialog.getByTestId('rotate-proof')).toHaveText('Accepted (200): the chat service checks with the new secret.');
  const kept = await page.evaluate(() =>
    (window as any).fakeBackend.harness.history.filter((e: any) => e.chatId === 'textgate-secret-check' && e.channel === 'emulate'));
  expect(kept).toHaveLength(1);
  expect(kept[0].signing).toBe('correct');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('a local-only profile is just saved, and a callback that does not answer is said', async ({ page }) => {
  await page.goto('/tests/harness.html?flows=1&seed=1');
  const callback = page.locator('#profile-callback');
  await callback.fill('https://unreachable.example.com/hook');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('button', { name: 'Rotate secret…' })).toBeEnabled();
  const dialog = await openRotate(page);
  await expect(dialog.getByTestId('rotate-breaks')).toHaveText('This profile is local only: the new secret is just saved here, no server is told.');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByText('Saved here. No server has it: the profile is local only.')).toBeVisible();
  expect(await calls(page, 'push_profile')).toEqual([]);
  await dialog.getByRole('button', { name: 'Send the proof' }).click();
  await expect(dialog.getByTestId('rotate-proof')).toHaveText('No answer from https://unreachable.example.com/hook: nothing listens there, or it timed out.');
});
