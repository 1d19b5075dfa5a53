// The registry's rows for the browser tests: a row found by the gateway's name, and its name
// cell (what a click that opens the card lands on, clear of the checkbox and the State switch).
import type { Page } from '@playwright/test';

/** The registry row of the gateway called `name` (a row is named by its gateway). */
export const gatewayRow = (page: Page, name: string) => page.getByRole('grid').getByRole('row', { name, exact: true });

/** The row's name text: click it to open the gateway. */
export const gatewayName = (page: Page, name: string) => gatewayRow(page, name).getByText(name, { exact: true });

/** Every gateway row on screen (the column headers are not one). */
export const gatewayRows = (page: Page) => page.getByRole('grid').locator('[role="row"][data-profile-id]');
