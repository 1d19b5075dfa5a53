// Gateways to another machine in the real window (issue J, section 6): the journey's profiles are
// exported with `textgate-cli profiles export` (the same data folder), the file is changed as if
// edited on another machine (one note changed, one gateway added), and the app's Import… opens it
// through the real GTK open dialog, answered with xdotool (WebDriver cannot reach it).
// The preview says what would be added, updated and left unchanged; Cancel imports nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Opens `path` in GTK's open dialog titled `title` once it shows. Xvfb runs no window manager,
 * so the keyboard goes to the window under the pointer: the pointer is moved onto the dialog.
 * The path is pasted, not typed: the location entry's inline completion races typed keys.
 */
async function answerOpenDialog(title, path) {
  for (let attempt = 0; attempt < 100; attempt++) {
    let window = '';
    try {
      window = execFileSync('xdotool', ['search', '--onlyvisible', '--name', `^${title}$`], { encoding: 'utf8' }).trim().split('\n')[0];
    } catch {
      // not shown yet
    }
    if (window) {
      await sleep(500);
      execFileSync('xdotool', ['mousemove', '--window', window, '400', '300']);
      // Ctrl+L opens the location entry; Return opens the file named there.
      execFileSync('xdotool', ['key', 'ctrl+l']);
      await sleep(300);
      execFileSync('xdotool', ['key', 'ctrl+a', 'ctrl+v']);
      await sleep(300);
      execFileSync('xdotool', ['key', 'Return']);
      return;
    }
    await sleep(100);
  }
  throw new Error(`no open dialog titled ${title}`);
}

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
    // The path on the clipboard, as if copied from a file manager (the app's own clipboard).
    await browser.execute((text) => window.__TAURI_INTERNALS__.invoke('plugin:clipboard-manager|write_text', { text }), file);
    await (await button(browser, 'Import…')).click();
    await answerOpenDialog('Import gateway profiles', file);
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
