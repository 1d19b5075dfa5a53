// Errors as an admin reads them (issue I, items 7 and 12): a plain sentence at the field it is
// about, the next step, and the technical text verbatim behind "Details"; one way of naming a
// spot in a template; error toasts that stay until dismissed and never cover the editor.
import { expect, test, type Locator, type Page } from '@playwright/test';
// The template refusal comes from the real Rust engine (tests/rust-pipe.ts), as the app's would.
import { test as withRust } from './rust-pipe';

/** The port another program holds in the fake backend (`BUSY_PORT` in fake-harness.ts). */
const BUSY_PORT = 8780;

const errorToast = (page: Page) => page.getByTestId('toast-error');

/** The Details disclosure of an error: closed at first, holding `raw` verbatim once opened. */
async function expectDetails(error: Locator, raw: string | RegExp) {
  const details = error.locator('details');
  await expect(details).not.toHaveAttribute('open', '');
  await expect(details.locator('pre')).toBeHidden();
  await details.getByText('Details', { exact: true }).click();
  await expect(details.locator('pre')).toBeVisible();
  await expect(details.locator('pre')).toHaveText(raw);
}

async function openServers(page: Page, query = '') {
  await page.goto(`/tests/harness.html${query}`);
  await page.getByRole('button', { name: /^Servers/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Webitel servers' });
  await dialog.getByLabel('Server name').fill('Production');
  return dialog;
}

withRust('a refused template is said at the template, at the same line and column as the preview, with Go\u2019s words in Details', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1&flows=1&onserver=1');
  await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
  await page.getByRole('tab', { name: 'Templates' }).click();
  const join = page.getByLabel('Agent joining message', { exact: true });
  await join.fill('$(.Nope)');
  await expect(page.getByTestId('template-join-problem')).toContainText('line 1, column 3');
  await page.keyboard.press('Control+s');
  await page.getByRole('tab', { name: 'General' }).click();
  await page.getByRole('button', { name: 'Push', exact: true }).click();

  // The Templates tab opens on it; no toast.
  await expect(page.getByRole('tab', { name: 'Templates' })).toHaveAttribute('aria-selected', 'true');
  const error = page.locator('#template-join-issue');
  await expect(error).toContainText('Webitel will refuse the \u201cAgent joining message\u201d template: the problem is at line 1, column 3.');
  await expect(error).toContainText('Fix that spot (the preview marks it), then push again.');
  await expect(join).toHaveAttribute('aria-invalid', 'true');
  await expect(join).toHaveAccessibleDescription(/Webitel will refuse/);
  await expectDetails(error, /^updates\.join: template: join:1:2: executing "join" at <\.Nope>: can't evaluate field Nope in type \*chat\.Account$/);
  await expect(errorToast(page)).toHaveCount(0);
});

test('a server name no DNS knows is said under the address, with what to check', async ({ page }) => {
  const dialog = await openServers(page);
  const address = dialog.getByLabel('Server address');
  await address.fill('https://nope.invalid');
  await dialog.getByRole('textbox', { name: 'Access token' }).fill('good-token');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  const error = dialog.locator('#servers-add-error');
  await expect(error).toContainText('Textgate cannot reach nope.invalid.');
  await expect(error).toContainText('Check the address: no server answers at that name.');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  // Right under the address, above the sign-in.
  const under = (await address.boundingBox())!;
  const at = (await error.boundingBox())!;
  const tokenBox = (await dialog.getByRole('textbox', { name: 'Access token' }).boundingBox())!;
  expect(at.y).toBeGreaterThan(under.y);
  expect(at.y).toBeLessThan(tokenBox.y);
  await expectDetails(error, /dns error: failed to lookup address information/);
});

test('a refused pasted token asks for a new token; a refused password asks to check it', async ({ page }) => {
  const dialog = await openServers(page);
  await dialog.getByLabel('Server address').fill('https://production.example.com');
  const token = dialog.getByRole('textbox', { name: 'Access token' });
  await token.fill('bad-token');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  const error = dialog.locator('#servers-add-error');
  await expect(error).toContainText('production.example.com refused this token.');
  await expect(error).toContainText('Paste a new personal access token (in Webitel: Directory \u2192 Users \u2192 open the user \u2192 Tokens \u2192 Add).');
  await expect(error).not.toContainText('log in again');
  await expect(token).toHaveAttribute('aria-invalid', 'true');
  expect((await error.boundingBox())!.y).toBeGreaterThan((await token.boundingBox())!.y);
  await expectDetails(error, 'HTTP 401');

  await dialog.getByLabel('User name and password').check();
  await dialog.getByLabel('User name', { exact: true }).fill('bob');
  await dialog.getByRole('textbox', { name: 'Password' }).fill('wrong');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(error).toContainText('production.example.com refused this user name and password.');
  await expect(error).toContainText('Check the user name, the password and the domain, then try again.');
  await expect(dialog.getByRole('textbox', { name: 'Password' })).toHaveAttribute('aria-invalid', 'true');
});

test('a busy port marks the Port field and offers the free port beside it', async ({ page }) => {
  await page.goto('/tests/harness.html?flows=1&seed=1&onserver=1');
  await page.getByRole('tab', { name: 'Test' }).click();
  await page.getByRole('tab', { name: /^Receive/ }).click();
  const port = page.getByLabel('Port', { exact: true });
  await port.fill(String(BUSY_PORT));
  await page.getByRole('button', { name: 'Start receiver' }).click();
  const error = page.locator('#recv-error');
  await expect(error).toContainText(`Port ${BUSY_PORT} is already used by another program.`);
  await expect(error).toContainText(`Use port ${BUSY_PORT + 1}: it is free.`);
  await expect(port).toHaveAttribute('aria-invalid', 'true');
  await expect(port).toHaveAccessibleDescription(new RegExp(`Port ${BUSY_PORT} is already used`));
  await expectDetails(error, 'Address already in use (os error 98)');

  await error.getByRole('button', { name: `Use port ${BUSY_PORT + 1}` }).click();
  await expect(page.getByTestId('receiver-url')).toHaveText(`http://127.0.0.1:${BUSY_PORT + 1}/hook`);
  await expect(error).toBeHidden();
  await expect(port).not.toHaveAttribute('aria-invalid', 'true');
});

/** A push whose token the server refuses, with the log-in-again form cancelled: an error about no field. */
async function refusedPushToast(page: Page) {
  await page.goto('/tests/harness.html?seed=1&flows=1&onserver=1&refused=1');
  await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
  await page.getByRole('button', { name: 'Push', exact: true }).click();
  await page.getByRole('dialog', { name: 'Webitel servers' }).getByRole('button', { name: 'Cancel' }).click();
  const toast = errorToast(page);
  await expect(toast).toContainText('demo.example.com refused this token.');
  await expect(toast).toContainText('Paste a new personal access token');
  return toast;
}

test('an error toast stays until dismissed, by its close button or Escape', async ({ page }) => {
  await page.clock.install();
  const toast = await refusedPushToast(page);
  await page.clock.runFor(7000);
  await expect(toast).toBeVisible();
  await page.clock.runFor(60_000);
  await expect(toast).toBeVisible();
  await expectDetails(toast, /^HTTP 401/);

  await toast.getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Escape');
  await expect(toast).toHaveCount(0);

  await page.getByRole('button', { name: 'Push', exact: true }).click();
  await page.getByRole('dialog', { name: 'Webitel servers' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(errorToast(page)).toHaveCount(1);
  await errorToast(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(errorToast(page)).toHaveCount(0);
});

test('at 900x600 an error toast covers neither the editor\u2019s form nor its Save and Push buttons', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  const toast = await refusedPushToast(page);
  const box = (await toast.boundingBox())!;
  const overlaps = (other: { x: number; y: number; width: number; height: number }) =>
    box.x < other.x + other.width && other.x < box.x + box.width && box.y < other.y + other.height && other.y < box.y + box.height;
  for (const name of ['Save', 'Push']) {
    const button = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
    expect(overlaps(button), `${name} is covered`).toBe(false);
  }
  const form = (await page.locator('main').boundingBox())!;
  expect(overlaps(form), 'the editor is covered').toBe(false);
});
