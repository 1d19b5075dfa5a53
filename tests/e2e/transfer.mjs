// Gateways to another machine in the real window (issue J, section 6): the journey's profiles are
// exported with `textgate-cli profiles export` (the same data folder), the file is changed as if
// edited on another machine (one note changed, one gateway added), and the app's Import… opens it
// with the path as the OS open dialog would answer it (WebDriver cannot reach a GTK dialog).
// The preview says what would be added, updated and left unchanged; Cancel imports nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export async function transferPass({ browser, step, check, shot, button, cliBin, dataDir }) {
  await step('an export edited on another machine is previewed before anything is imported', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'textgate-transfer-')), 'gateways.json');
    execFileSync(cliBin, ['--data-dir', dataDir, 'profiles', 'export', '--out', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const document = JSON.parse(readFileSync(file, 'utf8'));
    check(document.format === 'textgate.profiles/1' && document.profiles.length > 0, `the export is ${JSON.stringify(document).slice(0, 200)}`);
    const first = document.profiles[0];
    document.profiles.push({ ...first, name: 'Partner from the old laptop', uri: `/moved${Date.now()}`, enabled: false, server: null });
    first.notes = 'Edited on the old laptop';
    writeFileSync(file, JSON.stringify(document, null, 2));

    const tableView = await browser.$('button[aria-label="Close the open gateway and show the whole table"]');
    if (await tableView.isExisting()) await tableView.click();
    // WebDriver cannot reach GTK's open dialog, and typing into it with xdotool did not open
    // the file under Xvfb (no window manager): only the dialog's answer, the path, is given
    // here; the import preview and everything after it are the app's and core's own.
    await browser.execute((path) => {
      const internals = window.__TAURI_INTERNALS__;
      const invoke = internals.invoke.bind(internals);
      internals.invoke = (cmd, args, options) => (cmd === 'plugin:dialog|open' ? Promise.resolve(path) : invoke(cmd, args, options));
    }, file);
    await (await button(browser, 'Import…')).click();
    const preview = await browser.$('[data-testid="import-preview"]');
    await preview.waitForDisplayed({ timeout: 15000 });
    const text = await browser.execute(() => document.querySelector('[data-testid="import-preview"]')?.textContent ?? '');
    check(text.includes('Would add: 1') && text.includes('Partner from the old laptop'), `the preview does not add the new gateway: ${text}`);
    // Updated, or (when the journey left edits on it not pushed yet) a conflict kept as it is.
    check(text.includes('Changes: Notes') || text.includes('(Notes would change)'), `the preview does not show the changed note: ${text}`);
    check(text.includes('Unchanged:') || document.profiles.length === 2, `the preview leaves nothing unchanged: ${text}`);
    await shot(browser, '15d-import-preview');
    await (await browser.$('//dialog[@open]//button[normalize-space(.)="Cancel"]')).click();
    await sleep(300);
    const listed = await browser.execute(() => document.body.textContent?.includes('Partner from the old laptop') ?? false);
    check(!listed, 'Cancel imported the new gateway all the same');
  });
}
