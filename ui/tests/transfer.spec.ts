// Gateways to another machine in the registry (issue J, section 6): Export names what it takes
// (the checked rows, or every row shown), asks a passphrase twice for the secrets; Import… shows
// what would be added, updated and in conflict per profile and changes nothing before Apply; a
// file with secrets asks its passphrase, a wrong one is said and imports nothing; a foreign
// file is refused in words.
import { expect, test, type Page } from '@playwright/test';
import { gatewayRow, gatewayRows } from './registry-rows';

const fake = (page: Page, body: string) => page.evaluate(body);
const dialogPath = (page: Page, path: string | null) => page.evaluate((p) => ((window as any).fakeBackend.dialogPath = p), path);
const exportButton = (page: Page) => page.getByRole('button', { name: /^Export (checked|all shown)/ });
const importButton = (page: Page) => page.getByRole('button', { name: 'Import…' });
const closeCard = (page: Page) => page.getByRole('button', { name: 'Close the open gateway and show the whole table' }).click();

/** A file holding Alpha (its notes changed), Beta as it is and a new gateway, optionally sealed. */
async function otherMachineFile(page: Page, path: string, passphrase: string | null) {
  await page.evaluate(
    ({ path, passphrase }) => {
      const backend = (window as any).fakeBackend;
      const views = [...backend.profiles.values()];
      const alpha = structuredClone(views.find((p: any) => p.name === 'Alpha support'));
      alpha.notes = 'Moved from the old laptop';
      const beta = structuredClone(views.find((p: any) => p.name === 'Beta sales'));
      const added = { ...structuredClone(beta), id: 'x', name: 'Delta new', uri: 'delta-new', remoteId: null };
      backend.transfer.files.set(path, { profiles: [alpha, beta, added], passphrase });
    },
    { path, passphrase },
  );
}

test('Export names what it takes, asks the passphrase twice for secrets, then the save dialog', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=4&flows=1&onserver=1&withflow=1');
  await closeCard(page);
  await expect(exportButton(page)).toHaveText('Export all shown (4)…');
  await gatewayRow(page, 'Alpha support').getByRole('checkbox').click();
  await gatewayRow(page, 'Beta sales').getByRole('checkbox').click();
  await expect(exportButton(page)).toHaveText('Export checked (2)…');
  await exportButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Export profiles: 2' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Include the app secrets, encrypted with a passphrase').check();
  const go = dialog.getByRole('button', { name: 'Choose the file and export…' });
  await expect(go).toBeDisabled();
  await dialog.getByLabel('Passphrase', { exact: true }).fill('correct horse');
  await dialog.getByLabel('Passphrase again').fill('correct hors');
  await expect(dialog.getByRole('alert')).toHaveText('The two passphrases differ');
  await expect(go).toBeDisabled();
  await dialog.getByLabel('Passphrase again').fill('correct horse');
  await expect(go).toBeEnabled();
  // Cancelled in the save dialog: still open, nothing written.
  await dialogPath(page, null);
  await go.click();
  await expect(dialog).toBeVisible();
  await dialogPath(page, '/tmp/gateways.json');
  await go.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Profiles exported: 2 (/tmp/gateways.json)')).toBeVisible();
  const calls = await fake(page, `window.fakeBackend.calls.filter((c) => c.cmd === 'export_profiles').map((c) => c.args)`);
  expect(calls).toHaveLength(1);
  expect((calls as any)[0].ids).toHaveLength(2);
  expect((calls as any)[0].passphrase).toBe('correct horse');
  expect((calls as any)[0].path).toBe('/tmp/gateways.json');
});

test('Import shows what would be added, updated and unchanged per profile, and applies only on Apply', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=4&flows=1&onserver=1&withflow=1');
  await closeCard(page);
  await otherMachineFile(page, '/tmp/other.json', null);
  await dialogPath(page, '/tmp/other.json');
  await importButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Import profiles' });
  const preview = dialog.getByTestId('import-preview');
  await expect(preview.getByRole('region', { name: 'Would add: 1' })).toContainText('Delta new');
  const updated = preview.getByRole('region', { name: 'Would update: 1' });
  await expect(updated).toContainText('Alpha support');
  await expect(updated).toContainText('Changes: Notes');
  await expect(preview.getByRole('region', { name: 'Unchanged: 1' })).toContainText('Beta sales');
  // Nothing changed yet.
  await expect(gatewayRows(page)).toHaveCount(4);
  await dialog.getByRole('button', { name: 'Apply (2)' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Imported: 1 added, 1 updated, 0 in conflict (kept as they were)')).toBeVisible();
  await expect(gatewayRow(page, 'Delta new')).toBeVisible();
  await expect(gatewayRows(page)).toHaveCount(5);
});

test('edits not pushed yet are shown as a conflict, kept, and Cancel imports nothing', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=4&flows=1&onserver=1&withflow=1');
  await closeCard(page);
  await otherMachineFile(page, '/tmp/other.json', null);
  await fake(page, `(() => { const a = [...window.fakeBackend.profiles.values()].find((p) => p.name === 'Alpha support'); a.remoteId = 7; a.syncState = 'changedHere'; })()`);
  await dialogPath(page, '/tmp/other.json');
  await importButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Import profiles' });
  const conflict = dialog.getByRole('region', { name: 'In conflict, kept as they are here: 1' });
  await expect(conflict).toContainText('Alpha support');
  await expect(conflict).toContainText('Edited here and not pushed yet (Notes would change)');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  const applied = await fake(page, `window.fakeBackend.calls.filter((c) => c.cmd === 'apply_import').length`);
  expect(applied).toBe(0);
});

test('a file with secrets asks its passphrase; a wrong one is said and imports nothing', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=4&flows=1&onserver=1&withflow=1');
  await closeCard(page);
  await otherMachineFile(page, '/tmp/sealed.json', 'open sesame');
  await dialogPath(page, '/tmp/sealed.json');
  await importButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Import profiles' });
  await expect(dialog.getByText('This file holds encrypted app secrets.')).toBeVisible();
  const open = dialog.getByRole('button', { name: 'Show what would change' });
  await expect(open).toBeDisabled();
  await dialog.getByLabel('Passphrase').fill('open sesam');
  await open.click();
  await expect(dialog.getByTestId('error-message')).toContainText('The passphrase does not open the secrets in this file: nothing was imported');
  await expect(dialog.getByTestId('import-preview')).toHaveCount(0);
  await dialog.getByLabel('Passphrase').fill('open sesame');
  await open.click();
  await expect(dialog.getByRole('region', { name: 'Would add: 1' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Apply (2)' }).click();
  await expect(gatewayRows(page)).toHaveCount(5);
  const passphrases = await fake(page, `window.fakeBackend.calls.filter((c) => c.cmd === 'apply_import').map((c) => c.args.passphrase)`);
  expect(passphrases).toEqual(['open sesame']);
});

test('a foreign file is refused in words; an empty registry offers Import too', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await fake(page, `window.fakeBackend.transfer.files.set('/tmp/har.json', 'damaged')`);
  await dialogPath(page, '/tmp/har.json');
  await importButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Import profiles' });
  await expect(dialog.getByTestId('error-message')).toContainText('not a Textgate profile export');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // Cancelled in the open dialog: no dialog, no call.
  await dialogPath(page, null);
  await importButton(page).click();
  await expect(dialog).toBeHidden();
  const previews = await fake(page, `window.fakeBackend.calls.filter((c) => c.cmd === 'preview_import').length`);
  expect(previews).toBe(1);
});
