// Accessibility (issue F §6): axe-core on every screen and dialog the app has, in the light and
// the dark colour scheme; any serious or critical violation fails, listed with its rule id, the
// element and axe's help. Each test walks one area through its states against the fakes.
import { expect, test } from './rust-pipe';
import type { Page } from '@playwright/test';
import { pickFlow } from './pick-flow';
import { Audit } from './axe-audit';
import { gatewayName } from './registry-rows';
import { cardMenu } from './card-menu';

const section = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
const dialog = (page: Page) => page.getByRole('dialog');

/** Shows toasts of each kind through the app's own store (the same module the app imported). */
async function showToasts(page: Page) {
  await page.evaluate(async () => {
    const path = '/src/lib/toasts.svelte.ts';
    const { toasts } = await import(/* @vite-ignore */ path);
    toasts.show('Saved \u201cAlpha support\u201d', 'success', 60_000);
    toasts.show('Callback URL set in the General tab: save to keep it', 'info', 60_000);
    toasts.show('Saved without the app secret: the OS keychain is not available', 'warning', 60_000);
    toasts.show('Check the highlighted fields', 'error', 60_000);
  });
  await expect(page.getByRole('status').getByRole('button')).toHaveCount(4);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    test.setTimeout(60_000);

    test('start screens: empty state, storage failure, keychain banner, toasts', async ({ page }) => {
      const audit = new Audit(page);
      await page.goto('/tests/harness.html');
      await expect(page.getByText('No gateways yet')).toBeVisible();
      await audit.scan('empty state');
      await showToasts(page);
      await audit.scan('toasts (success, info, warning, error)');

      await page.goto('/tests/harness.html?storage=broken');
      await expect(page.getByRole('heading', { name: 'Textgate cannot open its database' })).toBeVisible();
      await audit.scan('storage failure');

      await page.goto('/tests/harness.html?keychain=down&seed=1');
      await expect(page.getByText('OS keychain unavailable.')).toBeVisible();
      await audit.scan('keychain unavailable');
      audit.expectClean();
    });

    test('profile list and General tab: many profiles, badges, tooltip, validation', async ({ page }) => {
      const audit = new Audit(page);
      await page.goto('/tests/harness.html?seed=14&flows=1&onserver=1&conflict=1');
      await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
      await audit.scan('profile list (14 profiles, conflict) + General tab');

      // A pushed, enabled gateway: in sync and enabled badges in the list and header.
      await gatewayName(page, 'Beta sales').click();
      await pickFlow(page, 'Support bot');
      await page.getByRole('switch', { name: 'Gateway enabled' }).check();
      await page.getByRole('button', { name: 'Push', exact: true }).click();
      await expect(page.locator('header .badge', { hasText: 'in sync' })).toBeVisible();
      await page.getByLabel('Name', { exact: true }).fill('Beta sales 2');
      await expect(page.locator('header .badge', { hasText: 'unsaved changes' })).toBeVisible();
      await audit.scan('enabled, in sync, unsaved changes');

      await page.getByRole('button', { name: 'Altering this field will interrupt the integration' }).hover();
      await expect(page.getByRole('tooltip')).toBeVisible();
      await audit.scan('secret tooltip');
      await page.getByRole('searchbox', { name: 'Search gateways' }).fill('nothing like this');
      await expect(page.getByText('Nothing matches')).toBeVisible();
      await audit.scan('search without match');

      await page.goto('/tests/harness.html');
      await page.getByRole('button', { name: '+ New', exact: true }).click();
      await page.getByLabel('Callback URL', { exact: true }).fill('bot.example.com');
      await page.getByLabel('App Secret', { exact: true }).fill('');
      await page.keyboard.press('Control+s');
      await expect(page.locator('#profile-name-issue')).toHaveText('Name is required');
      await audit.scan('new profile with validation errors');
      await page.getByLabel('Callback URL', { exact: true }).fill('http://bot.example.com/hook');
      await expect(page.locator('#profile-callback-issue')).toContainText('Plain http');
      await audit.scan('callback warning');
      audit.expectClean();
    });

    test('Templates tab: previews, variable picker, error marker, sample contact', async ({ page }) => {
      const audit = new Audit(page);
      await page.goto('/tests/harness.html?seed=1');
      await page.getByRole('tab', { name: 'Templates' }).click();
      await expect(page.getByRole('toolbar', { name: 'Insert a variable' })).toBeVisible();
      await audit.scan('Templates tab, picker disabled');

      await page.getByLabel('Agent joining message', { exact: true }).fill('$(.FirstName) joined');
      await expect(page.getByTestId('template-join-output')).toHaveText('Ann joined');
      await expect(page.getByRole('button', { name: '.FirstName' })).toBeEnabled();
      await page.getByLabel('Agent disconnection message', { exact: true }).fill('$(.Nope left');
      await expect(page.getByTestId('template-left-problem')).toBeVisible();
      await page.getByText('More', { exact: true }).click();
      await page.getByText(/^Sample agent \(workspace member\) for the previews/).click();
      await page.getByLabel('Agent joining message', { exact: true }).focus();
      await audit.scan('previews, picker enabled, template error, More and sample open');

      await page.keyboard.press('Control+s');
      await expect(page.locator('header').getByRole('button', { name: 'template error' })).toBeVisible();
      await audit.scan('saved with a template error');
      audit.expectClean();
    });

    test('Test tab: send, receive, Webitel, transcript', async ({ page }) => {
      const audit = new Audit(page);
      await page.goto('/tests/harness.html?flows=1&seed=1&onserver=1');
      await page.getByRole('tab', { name: 'Test' }).click();
      await page.getByLabel('Chat id').fill('c-1');
      await page.getByLabel('Text').fill('Hello');
      await page.getByRole('button', { name: 'Send with wrong signature' }).click();
      await expect(page.getByTestId('send-result').locator('.badge')).toHaveText('403');
      await audit.scan('send: 403 answer');
      await page.getByRole('button', { name: '+ Variable' }).click();
      await page.getByLabel('Attach a file').check();
      await page.getByLabel('Body (sent exactly as written)').fill('{"message":{}}');
      await expect(page.getByText('edited by hand')).toBeVisible();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(page.getByTestId('send-result').locator('.badge')).toHaveText('200');
      await audit.scan('send: file, metadata, edited by hand, 200 answer');
      await page.getByText('Broadcast failure', { exact: true }).click();
      await audit.scan('send: broadcast failure');

      await section(page, 'Receive');
      await audit.scan('receive: stopped');
      await page.getByRole('button', { name: 'Start receiver' }).click();
      await expect(page.getByTestId('receiver-url')).toBeVisible();
      await page.evaluate(() => (window as any).fakeBackend.harness.flood(3, 3));
      await page.getByTestId('entry').first().locator('summary').click();
      await audit.scan('receive: running, log with an open entry');
      await page.getByRole('button', { name: 'Use as callback URL' }).click();
      await expect(page.getByText("this gateway's callback")).toBeVisible();
      await audit.scan('receive: receiver is the callback, info toast');

      await section(page, 'Webitel');
      await page.getByRole('textbox', { name: 'Text' }).fill('Hello, I am Maria');
      await page.getByRole('button', { name: 'Send as Webitel' }).click();
      await expect(page.getByTestId('delivery')).toHaveCount(1);
      await audit.scan('webitel: agent text, one delivery');
      await page.getByLabel('Action').selectOption('join');
      await audit.scan('webitel: agent joins');
      await page.getByLabel('Action').selectOption('file');
      await audit.scan('webitel: agent file');
      await page.getByLabel('Action').selectOption('broadcast');
      await audit.scan('webitel: broadcast');

      await section(page, 'Transcript');
      await expect(page.getByTestId('bubble').first()).toBeVisible();
      await audit.scan('transcript');
      audit.expectClean();
    });

    test('Test tab: history, burst, signature lab', async ({ page }) => {
      const audit = new Audit(page);
      await page.goto('/tests/harness.html?flows=1&seed=1&onserver=1');
      await page.getByRole('tab', { name: 'Test' }).click();
      await section(page, 'Transcript');
      await expect(page.getByText('Send a message or emulate an agent')).toBeVisible();
      await audit.scan('transcript: empty');
      await section(page, 'Send');
      await page.getByRole('button', { name: 'Send with wrong signature' }).click();
      await expect(page.getByTestId('send-result').locator('.badge')).toHaveText('403');

      await section(page, 'History');
      await page.getByTestId('entry').first().locator('summary').click();
      await audit.scan('history: an open entry with replay buttons');
      await page.getByLabel('Status').fill('nope');
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await audit.scan('history: a bad filter');

      await section(page, 'Burst');
      await page.getByLabel('Messages').fill('300');
      await page.getByRole('button', { name: 'Run burst' }).click();
      await expect(page.getByTestId('burst-report')).toBeVisible();
      await expect(page.getByRole('progressbar')).toContainText('300 / 300 sent');
      await audit.scan('burst: report, errors and histogram');

      await section(page, 'Signature lab');
      await page.getByLabel('Secret').fill('labSecret');
      await page.getByLabel('Verify a signature').fill('00');
      await expect(page.getByTestId('lab-verdict')).toBeVisible();
      await audit.scan('signature lab: a verdict');
      await page.getByLabel('Scheme').selectOption('standard');
      await expect(page.getByRole('alert')).toContainText('whsec_');
      await audit.scan('signature lab: Standard Webhooks, error');
      await page.getByLabel('Scheme').selectOption('sha1');
      await audit.scan('signature lab: HMAC-SHA1');
      audit.expectClean();
    });

    test('dialogs: servers, conflict', async ({ page }) => {
      const audit = new Audit(page);
      await page.goto('/tests/harness.html');
      await page.getByRole('button', { name: /^Servers/ }).click();
      const servers = page.getByRole('dialog', { name: 'Webitel servers' });
      await expect(servers.getByText('No server yet')).toBeVisible();
      await audit.scan('servers dialog: empty');
      await servers.getByLabel('Server name').fill('Production');
      await servers.getByLabel('Server address').fill('http://production.example.com');
      await servers.getByRole('textbox', { name: 'Access token' }).fill('bad-token');
      await servers.getByRole('button', { name: 'Connect' }).click();
      await expect(servers.getByRole('alert')).toBeVisible();
      await audit.scan('servers dialog: refused token');
      await servers.getByRole('textbox', { name: 'Access token' }).fill('good-token');
      await servers.getByRole('button', { name: 'Connect' }).click();
      await expect(servers.getByText('http://production.example.com')).toBeVisible();
      await servers.getByLabel('User name and password').check();
      await servers.getByText('Private CA certificate').click();
      await audit.scan('servers dialog: a server with a warning, login form, CA open');
      // A server without a token and with a private CA: both badges.
      await page.evaluate(async () => {
        for (const server of (window as any).fakeBackend.servers.servers.values())
          Object.assign(server, { hasToken: false, hasCustomCa: true, tokenExpiresAt: Date.now() + 2 * 86_400_000 });
        const path = '/src/lib/servers.svelte.ts';
        await (await import(/* @vite-ignore */ path)).servers.load();
      });
      await expect(servers.getByText('custom CA')).toBeVisible();
      await expect(servers.getByText('no token')).toBeVisible();
      await expect(servers.getByTestId('token-expiry')).toHaveText('Token expires in 2 days');
      await audit.scan('servers dialog: no token, custom CA, a token about to expire');
      // The two-factor code step, then a log-in-again form with the token help open.
      await servers.getByLabel('Server name').fill('Cloud');
      await servers.getByLabel('Server address').fill('https://cloud.example.com');
      await servers.getByLabel('User name', { exact: true }).fill('ann');
      await servers.getByRole('textbox', { name: 'Password' }).fill('pa55');
      await servers.getByRole('button', { name: 'Connect', exact: true }).click();
      await expect(servers.getByRole('textbox', { name: 'Two-factor code' })).toBeFocused();
      await audit.scan('servers dialog: two-factor code');
      await servers.getByRole('button', { name: 'Log in again' }).click();
      const again = servers.getByRole('form', { name: 'Log in to \u201cProduction\u201d again' });
      await again.getByText('How do I get a personal access token?').click();
      await expect(again.getByText(/shows it only once/)).toBeVisible();
      await audit.scan('servers dialog: log in again, token help');

      await page.goto('/tests/harness.html?seed=1&flows=1&conflict=1');
      await page.getByRole('button', { name: 'Resolve conflict' }).click();
      await expect(page.getByRole('dialog', { name: 'Changed here and on the server' })).toBeVisible();
      await audit.scan('conflict dialog');
      audit.expectClean();
    });

    test('settings dialog: fields, a field error, file warnings, every update state, the update notice', async ({ page }) => {
      const audit = new Audit(page);
      await page.goto('/tests/harness.html?badsettings=1&update=offered&settings={"checkUpdatesOnStart":true}');
      await expect(page.getByText('No gateways yet')).toBeVisible();
      const notice = page.getByRole('status').filter({ hasText: 'Textgate 0.2.0 is available.' });
      await expect(notice).toBeVisible();
      await audit.scan('update notice (toast with an action)');
      await notice.getByRole('button', { name: 'Show' }).click();
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await expect(settings.getByRole('note')).toBeVisible();
      await expect(settings.getByTestId('update-offer')).toBeVisible();
      await audit.scan('settings: file warnings, update offered with notes');
      await page.evaluate(() => ((window as any).fakeBackend.settings.holdDownload = true));
      await settings.getByRole('button', { name: 'Download and install' }).click();
      await expect(settings.getByRole('progressbar')).toContainText('1.0 of 3.0 MB');
      await audit.scan('settings: update downloading');
      await page.evaluate(() => (window as any).fakeBackend.settings.releaseDownload());
      await expect(settings.getByRole('button', { name: 'Restart to update' })).toBeVisible();
      await audit.scan('settings: update downloaded, restart button');
      await settings.getByLabel('Receiver port').fill('0');
      await settings.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(settings.locator('#settings-port-issue')).toBeVisible();
      await audit.scan('settings: port error');

      await page.goto('/tests/harness.html?update=signature');
      await expect(page.getByText('No gateways yet')).toBeVisible();
      await page.keyboard.press('Control+,');
      await settings.getByRole('button', { name: 'Check for updates' }).click();
      await settings.getByRole('button', { name: 'Download and install' }).click();
      await expect(settings.getByRole('alert')).toBeVisible();
      await audit.scan('settings: signature refused');
      await page.goto('/tests/harness.html');
      await expect(page.getByText('No gateways yet')).toBeVisible();
      await page.keyboard.press('Control+,');
      await settings.getByRole('button', { name: 'Check for updates' }).click();
      await expect(settings.getByText('You have the latest version.')).toBeVisible();
      await audit.scan('settings: the latest version');
      audit.expectClean();
    });

    test('About dialog: facts, keychain problem, open-folder error, long folders', async ({ page }) => {
      const audit = new Audit(page);
      await page.goto('/tests/harness.html?seed=1');
      await page.getByRole('button', { name: 'About', exact: true }).click();
      const about = page.getByRole('dialog', { name: 'About Textgate' });
      await expect(about.getByTestId('about-version')).toBeVisible();
      await audit.scan('about dialog');
      await about.getByRole('button', { name: 'Copy diagnostics' }).click();
      await expect(page.getByRole('status').getByText('Diagnostics copied to the clipboard')).toBeVisible();
      await audit.scan('about dialog: diagnostics copied toast');

      await page.goto('/tests/harness.html?keychain=down&logs=fail&longpaths=1');
      await expect(page.getByText('OS keychain unavailable.')).toBeVisible();
      await page.keyboard.press('F1');
      await expect(about.getByRole('note')).toBeVisible();
      await about.getByRole('button', { name: 'Open log folder' }).click();
      await expect(about.getByRole('alert')).toBeVisible();
      await audit.scan('about dialog: keychain problem, open-folder error, long folders');
      audit.expectClean();
    });

    test('confirm dialogs: unsaved guard, delete, change secret, remove server, clear history', async ({ page }) => {
      const audit = new Audit(page);
      await page.goto('/tests/harness.html?seed=2&flows=1&conflict=1');
      await cardMenu(page, 'Delete');
      await expect(dialog(page).getByRole('button', { name: 'Delete here only' })).toBeVisible();
      await audit.scan('confirm: delete here or on the server');
      await page.keyboard.press('Escape');

      await gatewayName(page, 'Beta sales').click();
      await page.getByLabel('Name', { exact: true }).fill('Beta edited');
      await gatewayName(page, 'Alpha support').click();
      await expect(dialog(page).getByRole('heading', { name: 'Unsaved changes' })).toBeVisible();
      await audit.scan('confirm: unsaved changes');
      await dialog(page).getByRole('button', { name: 'Keep editing' }).click();

      await page.getByLabel('App Secret', { exact: true }).fill('another-secret');
      await page.keyboard.press('Control+s');
      await expect(dialog(page).getByRole('heading', { name: 'Change the app secret?' })).toBeVisible();
      await audit.scan('confirm: change the app secret');
      await dialog(page).getByRole('button', { name: 'Keep the old secret' }).click();
      await cardMenu(page, 'Delete');
      await expect(dialog(page).getByRole('heading', { name: /^Delete/ })).toBeVisible();
      await audit.scan('confirm: delete');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: /^Servers/ }).click();
      await page.getByRole('button', { name: 'Remove' }).click();
      await expect(page.getByRole('heading', { name: 'Remove \u201cDemo\u201d?' })).toBeVisible();
      await audit.scan('confirm: remove server (over the servers dialog)');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');

      await page.goto('/tests/harness.html?seed=1');
      await page.getByRole('tab', { name: 'Test' }).click();
      await section(page, 'History');
      // Clear sits behind the history's "⋯" menu (issue I, 14).
      await page.getByRole('button', { name: 'More history actions' }).click();
      await audit.scan('history: the \u22ef menu open');
      await page.getByRole('menuitem', { name: 'Clear history…' }).click();
      await expect(dialog(page).getByRole('heading', { name: 'Clear history?' })).toBeVisible();
      await audit.scan('confirm: clear history');
      audit.expectClean();
    });
  });
}
