// The registry (issue H): Webitel-style search, sort remembered, filters with the count, the
// multi-selection (Shift ranges, Ctrl+A), bulk actions with a per-row result, the keyboard
// grid, 10,000 rows kept virtual, and the empty registry's two ways in.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { searchPattern } from '../src/lib/search-pattern';
import { gatewayName, gatewayRow, gatewayRows } from './registry-rows';

interface Case { pattern: string; text: string; matches: boolean }
const cases = JSON.parse(readFileSync(new URL('../../tests/fixtures/search-patterns.json', import.meta.url), 'utf8')) as Case[];

test('the search matcher agrees with core on every case of the shared table', () => {
  expect(cases.length).toBeGreaterThan(20);
  const wrong = cases.filter((c) => searchPattern(c.pattern)(c.text) !== c.matches);
  expect(wrong).toEqual([]);
});

const search = (page: Page) => page.getByLabel('Search gateways', { exact: true });
const count = (page: Page) => page.getByRole('status').filter({ hasText: /Gateways:|of/ });
const names = (page: Page) => gatewayRows(page).locator('.title').allTextContents();
const closeCard = (page: Page) => page.getByRole('button', { name: 'Close the open gateway and show the whole table' }).click();

test('search: Part* is a prefix, *x* anywhere, plain text a substring; over URI, callback and notes too', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=12');
  await expect(count(page)).toHaveText('Gateways: 12');
  await search(page).fill('Gateway 1*');
  expect(await names(page)).toEqual(['Gateway 10', 'Gateway 11', 'Gateway 12']);
  await expect(count(page)).toHaveText('3 of 12');
  await search(page).fill('*sales*');
  expect(await names(page)).toEqual(['Beta sales']);
  await search(page).fill('sales*');
  await expect(gatewayRows(page)).toHaveCount(0);
  await expect(page.getByText('Nothing matches \u201csales*\u201d.')).toBeVisible();
  // The callback: seeded as https://botN.example.com/hook.
  await search(page).fill('bot7.example');
  expect(await names(page)).toEqual(['Gateway 7']);
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(gatewayRows(page)).toHaveCount(12);
});

test('every column sorts, again for the reverse, and the choice is remembered', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=4&flows=1&onserver=1&withflow=1');
  await closeCard(page);
  const nameHeader = page.getByRole('columnheader', { name: 'Name' });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  expect(await names(page)).toEqual(['Alpha support', 'Beta sales', 'Gamma billing', 'Gateway 4']);
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await names(page)).toEqual(['Gateway 4', 'Gamma billing', 'Beta sales', 'Alpha support']);
  // Flow: Beta has none, so it goes last (ascending).
  await page.getByRole('button', { name: 'Flow', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Flow' })).toHaveAttribute('aria-sort', 'ascending');
  expect((await names(page)).at(-1)).toBe('Beta sales');
  for (const column of ['URI', 'Server', 'State', 'Sync', 'Problems']) {
    await page.getByRole('button', { name: column, exact: true }).click();
    await expect(page.getByRole('columnheader', { name: column })).toHaveAttribute('aria-sort', 'ascending');
  }
  await page.getByRole('button', { name: 'Problems', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Problems' })).toHaveAttribute('aria-sort', 'descending');
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Problems' })).toHaveAttribute('aria-sort', 'descending');
});

test('filters narrow by server, state, sync and problems, with the count of matches', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=5&flows=1&onserver=1&withflow=1');
  await page.getByLabel('Filter by problems').selectOption({ label: 'Incomplete' });
  expect(await names(page)).toEqual(['Beta sales']);
  await expect(count(page)).toHaveText('1 of 5');
  await page.getByLabel('Filter by problems').selectOption({ label: 'No problems' });
  await expect(gatewayRows(page)).toHaveCount(4);
  await page.getByLabel('Filter by server').selectOption({ label: 'This computer only' });
  await expect(gatewayRows(page)).toHaveCount(0);
  await expect(page.getByText('No gateway matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await page.getByLabel('Filter by sync state').selectOption({ label: 'local only' });
  await expect(gatewayRows(page)).toHaveCount(5);
  await page.getByLabel('Filter by state').selectOption({ label: 'Enabled' });
  await expect(gatewayRows(page)).toHaveCount(0);
});

test('checkboxes, a Shift-click range and Ctrl+A; Start on a selection with one failure says why and does the rest', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=6&flows=1&onserver=1&withflow=1');
  await closeCard(page);
  const box = (name: string) => gatewayRow(page, name).getByRole('checkbox', { name: `Check ${name}` });
  await box('Alpha support').click();
  await box('Gateway 4').click({ modifiers: ['Shift'] });
  await expect(page.getByText('Checked: 4')).toBeVisible();
  for (const name of ['Alpha support', 'Beta sales', 'Gamma billing', 'Gateway 4']) await expect(box(name)).toBeChecked();
  await expect(box('Gateway 5')).not.toBeChecked();

  // Ctrl+A in the grid: every match.
  await page.getByRole('grid').focus();
  await page.keyboard.press('Control+a');
  await expect(page.getByText('Checked: 6')).toBeVisible();

  await page.getByRole('toolbar').getByRole('button', { name: 'Start', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Start the checked gateways (6)?' });
  await confirm.getByRole('button', { name: 'Go ahead (6)' }).click();
  const results = page.getByRole('dialog', { name: 'Starting gateways' });
  await expect(results.getByRole('status')).toHaveText('Done: 5 · failed: 1');
  const failed = results.getByRole('listitem').first();
  await expect(failed).toContainText('Beta sales');
  await expect(failed).toContainText('Pick a flow schema before enabling the gateway');
  await expect(results.getByRole('listitem')).toHaveCount(6);
  await results.getByRole('button', { name: 'Check only the failed (1)' }).click();
  await expect(page.getByText('Checked: 1')).toBeVisible();
  await expect(box('Beta sales')).toBeChecked();
  // The rest are started; the failed row carries why.
  await expect(gatewayRow(page, 'Alpha support').getByRole('switch')).toBeChecked();
  await expect(gatewayRow(page, 'Beta sales').getByRole('switch')).not.toBeChecked();
  await expect(gatewayRow(page, 'Beta sales').getByRole('img', { name: /Pick a flow schema/ })).toBeVisible();
  const calls = await page.evaluate(() => (window as any).fakeBackend.calls.filter((c: { cmd: string }) => c.cmd === 'run_bulk'));
  expect(calls).toHaveLength(1);
  expect(calls[0].args.action).toEqual({ kind: 'enable' });
});

test('bulk delete asks once, naming the count, and offers the server only for pushed gateways', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=3');
  await closeCard(page);
  await page.getByRole('checkbox', { name: 'Check every match' }).click();
  await page.getByRole('toolbar').getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the checked gateways (3)?' });
  await expect(confirm.getByRole('button', { name: 'Delete here and on the servers' })).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Delete here only' }).click();
  await expect(page.getByRole('dialog', { name: 'Deleting gateways' }).getByRole('status')).toHaveText('Done: 3 · failed: 0');
  await page.getByRole('dialog', { name: 'Deleting gateways' }).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('No gateways yet')).toBeVisible();
});

test('keyboard: / searches, arrows move, Enter opens, Space checks, Delete asks', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=3');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Alpha support');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(search(page)).toBeFocused();
  const grid = page.getByRole('grid');
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect(grid).toHaveAttribute('aria-activedescendant', /^row-/);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Beta sales');
  await grid.focus();
  await page.keyboard.press(' ');
  await expect(gatewayRow(page, 'Beta sales').getByRole('checkbox')).toBeChecked();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog', { name: 'Delete the checked gateways (1)?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(gatewayRows(page)).toHaveCount(3);
});

test('10,000 gateways: only the rows in view are in the page, and search and sort still answer', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/tests/harness.html?seed=10000');
  await expect(count(page)).toHaveText('Gateways: 10000', { timeout: 60_000 });
  expect(await gatewayRows(page).count()).toBeLessThan(60);
  await search(page).fill('Gateway 999*');
  await expect(count(page)).toHaveText('11 of 10000');
  await search(page).fill('');
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(gatewayRows(page).first()).toContainText('Gateway 10000');
  await page.getByRole('grid').focus();
  await page.keyboard.press('End');
  await expect(gatewayName(page, 'Alpha support')).toBeVisible();
});

test('an empty registry names both ways in', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await expect(page.getByText('No gateways yet')).toBeVisible();
  await expect(page.getByRole('button', { name: '+ New gateway' })).toBeVisible();
  await page.getByRole('button', { name: 'Connect a server' }).click();
  await expect(page.getByRole('dialog', { name: 'Webitel servers' })).toBeVisible();
});
