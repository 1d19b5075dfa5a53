// The Templates tab against the real Rust engine (tests/rust-pipe.ts): live previews over the
// sample contact, the error marker at the failing spot, variable insertion at the caret, and a
// broken template saved but flagged.
import { expect, test } from './rust-pipe';
import type { Page } from '@playwright/test';
import { gatewayRow } from './registry-rows';

async function openTemplates(page: Page) {
  await page.goto('/tests/harness.html?seed=1');
  await expect(page.getByRole('heading', { name: 'Alpha support' })).toBeVisible();
  await page.getByRole('tab', { name: 'Templates' }).click();
}

test('each template shows what the customer receives, over an editable sample contact', async ({ page }) => {
  await openTemplates(page);
  const join = page.getByLabel('Agent joining message', { exact: true });
  await join.fill('$(.FirstName)$(if .LastName) $(.LastName)$(end) joined (#$(printf "%03d" .Id))');
  await expect(page.getByTestId('template-join-output')).toHaveText('Ann Smith joined (#042)');

  await page.getByLabel("Workspace member's name", { exact: true }).fill('  Agent $(.Username | printf "%q")\n');
  await expect(page.getByTestId('template-title-output')).toHaveText('Agent "ann.smith"');

  // The sample contact changes every preview; an empty last name drops the space.
  await page.getByText(/^Sample agent \(workspace member\) for the previews/).click();
  await page.getByLabel('FirstName', { exact: true }).fill('Олена');
  await page.getByLabel('LastName', { exact: true }).fill('');
  await page.getByLabel('Id', { exact: true }).fill('7');
  await expect(page.getByTestId('template-join-output')).toHaveText('Олена joined (#007)');

  // close has no variables at all on Webitel's side.
  await page.getByLabel('Chat complete message', { exact: true }).fill('Thanks $(.FirstName)');
  await expect(page.getByTestId('template-close-problem')).toContainText('nil data; no entry for key "FirstName"');
});

test('an error is marked at the failing spot with Go\u2019s message', async ({ page }) => {
  await openTemplates(page);
  const join = page.getByLabel('Agent joining message', { exact: true });
  await join.fill('Hello\n$(.FirstName) and $(.Agent) here');
  const problem = page.getByTestId('template-join-problem');
  await expect(problem).toContainText('Cannot render');
  await expect(problem).toContainText('line 2, column 21');
  await expect(problem).toContainText('executing "join" at <.Agent>: can\u2019t evaluate field Agent in type *chat.Account'.replace('\u2019', "'"));
  await expect(page.getByTestId('template-join-marker')).toHaveText('.Agent');
  await expect(join).toHaveAttribute('aria-invalid', 'true');

  // The marker sits over the token in the textarea.
  const marker = await page.getByTestId('template-join-marker').boundingBox();
  const box = await join.boundingBox();
  expect(marker && box && marker.y > box.y + 10 && marker.y < box.y + box.height).toBeTruthy();

  await problem.getByRole('button', { name: 'Show in text' }).click();
  const selection = await join.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selection).toBe('.Agent');

  // A function Webitel's custom gateways do not have is refused at parse time.
  await join.fill('$(md2 .FirstName) joined');
  await expect(page.getByTestId('template-join-problem')).toContainText('Webitel refuses this template');
  await expect(page.getByTestId('template-join-problem')).toContainText('template: join:1: function "md2" not defined');
  await expect(page.getByTestId('template-join-marker')).toHaveText('md2');

  await join.fill('$(.FirstName) joined');
  await expect(page.getByTestId('template-join-output')).toHaveText('Ann joined');
  await expect(page.getByTestId('template-join-marker')).toHaveCount(0);
});

test('the picker inserts variables at the caret of the last focused template', async ({ page }) => {
  await openTemplates(page);
  const picker = page.getByRole('toolbar', { name: 'Insert a variable' });
  await expect(picker.getByRole('button', { name: '.FirstName' })).toBeDisabled();

  const join = page.getByLabel('Agent joining message', { exact: true });
  await join.fill('Hello  joined');
  await join.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(6, 6));
  await picker.getByRole('button', { name: '.FirstName' }).click();
  await expect(join).toHaveValue('Hello $(.FirstName) joined');
  // The caret follows the insertion, so a second pick lands after the first.
  await picker.getByRole('button', { name: '.Id' }).click();
  await expect(join).toHaveValue('Hello $(.FirstName)$(.Id) joined');
  await expect(page.getByTestId('template-join-output')).toHaveText('Hello Ann42 joined');

  // Replacing a selection, with the snippet, by keyboard.
  const title = page.getByLabel("Workspace member's name", { exact: true });
  await title.fill('NAME');
  await title.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 4));
  await picker.getByRole('button', { name: 'First + last name' }).focus();
  await page.keyboard.press('Enter');
  await expect(title).toHaveValue('$(.FirstName)$(if .LastName) $(.LastName)$(end)');
  await expect(page.getByTestId('template-title-output')).toHaveText('Ann Smith');

  // Messages Webitel sends without variables do not offer them.
  await page.getByLabel('Chat complete message', { exact: true }).click();
  await expect(picker.getByRole('button', { name: '.FirstName' })).toBeDisabled();
  await expect(picker).toContainText('is sent without variables');
});

test('a broken template can be saved but is flagged in the list and the header', async ({ page }) => {
  await openTemplates(page);
  await page.getByLabel('Agent disconnection message', { exact: true }).fill('$(.Nope) left');
  await expect(page.getByTestId('template-left-problem')).toBeVisible();
  await page.getByRole('button', { name: /^Save\b/ }).click();
  await expect(page.getByRole('status').getByText('Saved \u201cAlpha support\u201d')).toBeVisible();
  await expect(gatewayRow(page, 'Alpha support').getByRole('img', { name: /Template error/ })).toBeVisible();
  const headerBadge = page.getByRole('button', { name: 'template error', exact: true });
  await page.getByRole('tab', { name: 'General' }).click();
  await headerBadge.click();
  await expect(page.getByRole('tab', { name: 'Templates' })).toHaveAttribute('aria-selected', 'true');

  await page.getByLabel('Agent disconnection message', { exact: true }).fill('$(.FirstName) left');
  await expect(page.getByTestId('template-left-output')).toHaveText('Ann left');
  await page.getByRole('button', { name: /^Save\b/ }).click();
  await expect(gatewayRow(page, 'Alpha support').getByRole('img', { name: /Template error/ })).toHaveCount(0);
});

test('a template too costly to render is stopped at its limit and the form stays responsive', async ({ page }) => {
  await openTemplates(page);
  const join = page.getByLabel('Agent joining message', { exact: true });
  // About 2^41 template calls: the engine's work budget ends it and says which limit it hit.
  await join.fill('$(define "a")$(if .)$(template "a" slice . 1)$(template "a" slice . 1)$(else)x$(end)$(end)$(template "a" "0123456789012345678901234567890123456789")');
  const problem = page.getByTestId('template-join-problem');
  await expect(problem).toContainText('Too costly to render', { timeout: 20000 });
  await expect(problem).toContainText('steps');
  // The other previews still answer. Each preview renders all five messages, the over-budget one
  // too: ~1.2 s in the unoptimised test build of the pipe (a release build is ~10x faster), so
  // on a loaded machine the answer may take longer than Playwright's default 5 s.
  await page.getByLabel("Workspace member's name", { exact: true }).fill('Agent $(.FirstName)');
  await expect(page.getByTestId('template-title-output')).toHaveText('Agent Ann', { timeout: 20000 });
});
