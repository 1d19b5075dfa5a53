// One source of truth for a profile's problems (issue I.11), against the real Rust template
// engine (tests/rust-pipe.ts): the editor's badges and the registry row's marker come from the
// same function, so a fixed draft clears both at once, and a `file_policy_fail` Webitel accepts
// but cannot send is a template problem like the other four: badge, marker, and no push.
import { expect, test } from './rust-pipe';
import type { Page } from '@playwright/test';
import { gatewayRow } from './registry-rows';

const headerBadge = (page: Page) => page.locator('.editor header').getByRole('button', { name: 'template error', exact: true });
const rowMarker = (page: Page, name: string) => gatewayRow(page, name).getByRole('img', { name: /Template error/ });

test('the template error badge and the row marker leave as soon as the draft is fixed', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
  await page.getByRole('tab', { name: 'Templates' }).click();
  const left = page.getByLabel('Agent disconnection message', { exact: true });
  await left.fill('$(.Nope) left');
  await page.getByRole('button', { name: /^Save\b/ }).click();
  await expect(page.getByRole('status').getByText('Saved \u201cAlpha support\u201d')).toBeVisible();
  await expect(headerBadge(page)).toBeVisible();
  await expect(rowMarker(page, 'Alpha support')).toBeVisible();

  // Fixed on screen, not saved yet: the draft is what is judged, in both places.
  await left.fill('$(.FirstName) left');
  await expect(page.getByTestId('template-left-output')).toHaveText('Ann left');
  await expect(headerBadge(page)).toHaveCount(0);
  await expect(rowMarker(page, 'Alpha support')).toHaveCount(0);
  // Broken again on screen: both come back.
  await left.fill('$(.Nope) left');
  await expect(headerBadge(page)).toBeVisible();
  await expect(rowMarker(page, 'Alpha support')).toBeVisible();
});

test('a file_policy_fail Webitel cannot send gets the badge and the marker, and is not pushed', async ({ page }) => {
  await page.goto('/tests/harness.html?flows=1&seed=1&onserver=1&withflow=1');
  await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
  await page.getByRole('tab', { name: 'Templates' }).click();
  // The file-policy message sits in the closed "More" disclosure while it is empty.
  await page.locator('summary').getByText('More', { exact: true }).click();
  await page.getByLabel('File policy violation message', { exact: true }).fill('Sorry $(.FirstName), no such files');
  await page.getByRole('button', { name: /^Save\b/ }).click();
  await expect(page.getByRole('status').getByText('Saved \u201cAlpha support\u201d')).toBeVisible();
  await expect(headerBadge(page)).toBeVisible();
  await expect(rowMarker(page, 'Alpha support')).toBeVisible();

  await page.locator('.editor header').getByRole('button', { name: 'Push' }).click();
  // Said at the field in plain words; the server's own words wait behind Details.
  const said = page.getByRole('alert').filter({ hasText: /Webitel will refuse the \u201cFile policy violation message\u201d template/ }).first();
  await expect(said).toBeVisible();
  await expect(said.locator('details')).toContainText('Webitel accepts this template but cannot send it');
  await expect(page.getByRole('status').getByText(/Pushed|Created on/)).toHaveCount(0);
  const pushed = await page.evaluate(() => [...(window as any).fakeBackend.profiles.values()][0].remoteId);
  expect(pushed).toBeNull();
});
