// Picks a flow schema in the editor's flow field (a combobox): types its name, Enter takes the
// first match, as an admin would.
import { expect, type Page } from '@playwright/test';

export async function pickFlow(page: Page, name: string) {
  const flow = page.getByRole('combobox', { name: 'Flow schema', exact: true });
  await flow.fill(name);
  await expect(page.getByRole('listbox', { name: 'Flow schemas' }).getByRole('option').first()).toContainText(name);
  await flow.press('Enter');
  await expect(flow).toHaveValue(name);
}
