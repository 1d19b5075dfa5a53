// Keyboard only (issue F §6): on every screen each enabled control is reached by Tab (or, in a
// tablist or radio group, by the arrow keys); each dialog keeps focus while open, Escape closes
// it and focus returns to the control that opened it.
import { expect, test } from './rust-pipe';
import type { Page } from '@playwright/test';
import { expectAllReachable, expectArrowsVisitAll } from './keyboard-walk';

const section = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
/** Toasts leave on a timer; walk once they are gone, so the set of controls holds still. */
const noToasts = (page: Page) => expect(page.locator('.toast')).toHaveCount(0, { timeout: 10_000 });

test.setTimeout(60_000);

test('empty state and the profile list with the General tab', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  await expectAllReachable(page, 'empty state');

  await page.goto('/tests/harness.html?seed=3&flows=1&onserver=1');
  await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
  const order = await expectAllReachable(page, 'list + General tab');
  // The registry is one Tab stop (its grid); its rows are reached with the arrows.
  expect(order.some((what) => what.includes('Gateway rows'))).toBe(true);
  await expectArrowsVisitAll(page, 'Gateway settings', 'ArrowRight');

  // The tooltip of the secret opens on focus, not only on hover.
  await page.getByRole('button', { name: 'Altering this field will interrupt the integration' }).focus();
  await expect(page.getByRole('tooltip')).toBeVisible();
});

test('Templates tab: every control, and variables inserted from the keyboard', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  await page.getByRole('tab', { name: 'Templates' }).click();
  await page.getByText('More', { exact: true }).click();
  await page.getByText(/^Sample agent \(workspace member\) for the previews/).click();
  await expectAllReachable(page, 'Templates tab');

  // Tab back from a message would pass (and retarget to) the messages above it: Ctrl+I goes
  // straight to the picker, which inserts into the message it came from.
  const join = page.getByLabel('Agent joining message', { exact: true });
  await join.fill(' joined');
  await join.press('Home');
  await join.press('Control+i');
  const picker = page.getByRole('toolbar', { name: 'Insert a variable' });
  await expect(picker.getByRole('button', { name: '.FirstName' })).toBeFocused();
  await expectAllReachable(page, 'Templates tab, picker enabled for the joining message');
  await join.press('Control+i');
  await page.keyboard.press('Tab');
  await expect(picker.getByRole('button', { name: '.LastName' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(join).toHaveValue('$(.LastName) joined');
  await expect(join).toBeFocused();
  // Escape in the picker goes back to the message without inserting.
  await page.keyboard.press('Control+i');
  await page.keyboard.press('Escape');
  await expect(join).toBeFocused();
  await page.keyboard.type('!');
  await expect(join).toHaveValue('$(.LastName)! joined');
});

test('Test tab: every section, with results on screen', async ({ page }) => {
  await page.goto('/tests/harness.html?flows=1&seed=1&onserver=1');
  await page.getByRole('tab', { name: 'Test' }).click();
  await expectArrowsVisitAll(page, 'Test sections', 'ArrowDown');
  await section(page, 'Send');
  await page.getByRole('button', { name: '+ Variable' }).click();
  await page.getByLabel('Attach a file').check();
  await page.getByRole('button', { name: 'Send with wrong signature' }).click();
  await expect(page.getByTestId('send-result')).toBeVisible();
  await page.getByLabel('Body (sent exactly as written)').fill('{"message":{}}');
  await expectAllReachable(page, 'send');
  await page.getByText('Broadcast failure', { exact: true }).click();
  await expectAllReachable(page, 'send: broadcast failure');

  await section(page, 'Receive');
  await page.getByRole('button', { name: 'Start receiver' }).click();
  await page.evaluate(() => (window as any).fakeBackend.harness.flood(2, 2));
  await page.getByTestId('entry').first().locator('summary').click();
  await expectAllReachable(page, 'receive: running, an entry open');

  await section(page, 'Webitel');
  await page.getByLabel('Action').selectOption('file');
  await page.getByRole('button', { name: 'Send as Webitel' }).click();
  await expect(page.getByTestId('delivery')).toHaveCount(1);
  await expectAllReachable(page, 'webitel');
  await section(page, 'Transcript');
  await expect(page.getByTestId('bubble').first()).toBeVisible();
  await expectAllReachable(page, 'transcript');
  await section(page, 'History');
  await page.getByTestId('entry').first().locator('summary').click();
  await noToasts(page);
  await expectAllReachable(page, 'history: an entry open');
  await section(page, 'Burst');
  await page.getByRole('button', { name: 'Run burst' }).click();
  await expect(page.getByTestId('burst-report')).toBeVisible();
  await expectAllReachable(page, 'burst');
  await section(page, 'Signature lab');
  await page.getByLabel('Scheme').selectOption('standard');
  await expectAllReachable(page, 'signature lab');
});

/** Opens a dialog from `opener` with Enter (then `keys`, e.g. to pick a menu item), walks it,
 * closes it with Escape. */
async function dialogByKeyboard(page: Page, opener: ReturnType<Page['getByRole']>, name: string | RegExp, keys: string[] = []) {
  await opener.focus();
  await page.keyboard.press('Enter');
  for (const key of keys) await page.keyboard.press(key);
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await expectAllReachable(page, `dialog ${name}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener, `focus back on the opener of ${name}`).toBeFocused();
}

test('dialogs keep focus, close on Escape and give focus back', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=2&flows=1&conflict=1');
  await dialogByKeyboard(page, page.getByRole('button', { name: 'Resolve conflict' }), 'Changed here and on the server');
  // Delete is in the card's ⋯ menu: Enter opens it on Duplicate, two arrows down reach Delete.
  await dialogByKeyboard(page, page.getByRole('button', { name: 'More options', exact: true }), /^Delete/, ['ArrowDown', 'ArrowDown', 'Enter']);

  await page.getByLabel('Name', { exact: true }).fill('Alpha edited');
  // The registry: focus its grid, the arrow moves to Beta, Enter opens it and the guard asks.
  const grid = page.getByRole('grid');
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await dialogByKeyboard(page, grid, 'Unsaved changes');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Alpha edited');

  // A confirmation over the servers dialog: Escape closes only the top one.
  const servers = page.getByRole('button', { name: /^Servers/ });
  await servers.focus();
  await page.keyboard.press('Enter');
  const serversDialog = page.getByRole('dialog', { name: 'Webitel servers' });
  await expect(serversDialog).toBeVisible();
  await page.getByLabel('User name and password').check();
  await expectAllReachable(page, 'servers dialog');
  await dialogByKeyboard(page, serversDialog.getByRole('button', { name: 'Remove' }), 'Remove \u201cDemo\u201d?');
  await expect(serversDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(serversDialog).toBeHidden();
  await expect(servers).toBeFocused();
});

test('Settings: opened by its button or Ctrl+, every control reachable, focus kept and given back', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1&update=offered&badsettings=1');
  await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
  const opener = page.getByRole('button', { name: 'Settings', exact: true });
  await dialogByKeyboard(page, opener, 'Settings');

  // With an update offered, then downloaded: its buttons are in the Tab order too.
  await opener.focus();
  await page.keyboard.press('Enter');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Check for updates' }).focus();
  await page.keyboard.press('Enter');
  await expect(settings.getByRole('button', { name: 'Download and install' })).toBeVisible();
  await expectAllReachable(page, 'settings: update offered');
  await settings.getByRole('button', { name: 'Download and install' }).focus();
  await page.keyboard.press('Enter');
  // The Download button is gone: focus moves on to Restart, not to the page.
  await expect(settings.getByRole('button', { name: 'Restart to update' })).toBeFocused();
  await expectAllReachable(page, 'settings: update downloaded');
  // The theme radios are one group, moved through with the arrow keys.
  await settings.getByLabel('System', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(settings.getByLabel('Light', { exact: true })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(opener).toBeFocused();

  // Ctrl+, from the editor; Escape gives focus back to the field.
  const name = page.getByLabel('Name', { exact: true });
  await name.focus();
  await page.keyboard.press('Control+,');
  await expect(settings).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(name).toBeFocused();
});

test('a dialog closed and opened again at once stays open (the late close event is not taken as a close)', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  // Close, let the dialog shut (its close event is now queued), then Ctrl+, before that event runs.
  await page.evaluate(async () => {
    document.querySelector<HTMLButtonElement>('dialog[open] button.close')!.click();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ',', ctrlKey: true, bubbles: true }));
  });
  await page.waitForTimeout(300);
  await expect(settings).toBeVisible();
});

test('the update notice at start: its action and its dismiss button by keyboard', async ({ page }) => {
  await page.goto('/tests/harness.html?update=offered&settings={"checkUpdatesOnStart":true}');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: 'Textgate 0.2.0 is available.' });
  await expect(notice).toBeVisible();
  await expectAllReachable(page, 'the update notice');
  await notice.getByRole('button', { name: 'Show' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByTestId('update-offer')).toBeVisible();
});

test('About: from its button or F1, every control by Tab, Escape gives focus back', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1&logs=fail');
  await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
  await dialogByKeyboard(page, page.getByRole('button', { name: 'About', exact: true }), 'About Textgate');

  // F1 from a field: the error shown in place keeps the controls reachable, focus returns.
  const name = page.getByLabel('Name', { exact: true });
  await name.focus();
  await page.keyboard.press('F1');
  const about = page.getByRole('dialog', { name: 'About Textgate' });
  await expect(about).toBeVisible();
  await about.getByRole('button', { name: 'Open log folder' }).focus();
  await page.keyboard.press('Enter');
  await expect(about.getByRole('alert')).toBeVisible();
  await expectAllReachable(page, 'about dialog with an open-folder error');
  await about.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Enter');
  await expect(about).toBeHidden();
  await expect(name).toBeFocused();
});

test('Escape answers a question the app asked by itself (no click or key opened it)', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
  // As the window-close guard does: the question comes from the app, not from a user gesture.
  await page.evaluate(() => {
    const path = '/src/lib/confirm.svelte.ts';
    import(/* @vite-ignore */ path).then(({ confirmations }) =>
      confirmations
        .ask('Unsaved changes', 'Save your changes before leaving?', [
          { value: 'cancel', label: 'Keep editing', tone: 'plain' },
          { value: 'save', label: 'Save', tone: 'primary' },
        ])
        .then((answer: string | null) => ((window as any).answer = String(answer))),
    );
  });
  const dialog = page.getByRole('dialog', { name: 'Unsaved changes' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.poll(() => page.evaluate(() => (window as any).answer)).toBe('null');
  // And the app is not left waiting on it: Ctrl+N works again.
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('heading', { name: 'New gateway' })).toBeVisible();
});

test('toasts can be reached and dismissed from the keyboard', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
  await page.evaluate(async () => {
    const path = '/src/lib/toasts.svelte.ts';
    const { toasts } = await import(/* @vite-ignore */ path);
    toasts.show('Copied URI', 'success', 60_000);
  });
  await expectAllReachable(page, 'a toast');
  await page.getByRole('button', { name: 'Copied URI' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.toast')).toHaveCount(0);
});
