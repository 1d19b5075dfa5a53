// The card's ⋯ menu for the browser tests: Duplicate, Revert, Delete and the shortcut list
// live behind it (the header keeps one row at 900px), so a test opens it, then picks the item.
import type { Page } from '@playwright/test';

/** Opens the ⋯ menu and clicks its item `name`. */
export async function cardMenu(page: Page, name: string) {
  await page.getByRole('button', { name: 'More options', exact: true }).click();
  await page.getByRole('menu').getByRole('menuitem', { name, exact: true }).click();
}
