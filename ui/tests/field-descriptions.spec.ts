// Every input of the General tab and the Servers dialog tells a screen reader what the eye
// sees: aria-describedby names elements that exist (the field's hint, or its error or
// warning), and aria-invalid is "true" exactly while that input shows an error.
import { expect, test, type Locator, type Page } from '@playwright/test';

type Control = {
  name: string;
  describedBy: string[];
  missing: string[];
  invalid: string | null;
  /** Texts shown under the control in its field row (hint, error, warning). */
  shown: string[];
  /** Whether its field row shows an error. */
  errorShown: boolean;
  description: string;
};

/** The inputs, selects and textareas in `scope`, with what they reference and what is shown. */
async function controls(scope: Locator): Promise<Control[]> {
  return scope.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('input, select, textarea')].map((el) => {
      const describedBy = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      const row = el.closest('.field');
      const shown = row ? [...row.querySelectorAll<HTMLElement>('.help, .issue')] : [];
      return {
        name:
          (el instanceof HTMLInputElement && el.type === 'radio' ? 'radio: ' : '') +
          (el.id || el.closest('label')?.textContent?.trim() || el.outerHTML.slice(0, 60)),
        describedBy,
        missing: describedBy.filter((id) => !document.getElementById(id)),
        invalid: el.getAttribute('aria-invalid'),
        shown: shown.map((p) => p.id),
        errorShown: shown.some((p) => p.classList.contains('error')),
        description: describedBy.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' '),
      };
    }),
  );
}

/** General tab: each control references exactly what its row shows; invalid iff an error is. */
async function expectGeneralTabDescribed(page: Page) {
  const found = await controls(page.locator('#panel-general'));
  expect(found.map((c) => c.name)).toEqual(['profile-server', 'profile-name', 'profile-secret', 'profile-uri', 'profile-flow', 'profile-callback', 'profile-notes']);
  for (const control of found) {
    expect(control.missing, `${control.name}: aria-describedby names missing elements`).toEqual([]);
    expect(control.shown.length, `${control.name}: a hint or a message is shown`).toBeGreaterThan(0);
    expect(control.describedBy, `${control.name}: references what its row shows`).toEqual(control.shown);
    expect(control.invalid, `${control.name}: aria-invalid`).toBe(control.errorShown ? 'true' : null);
  }
  return found;
}

test('General tab: every input is described by its hint or its message, and invalid exactly while in error', async ({ page }) => {
  await page.goto('/tests/harness.html?flows=1');
  await page.getByRole('button', { name: '+ New', exact: true }).click();
  await expect(page.getByLabel('Name', { exact: true })).toBeVisible();
  const calm = await expectGeneralTabDescribed(page);
  expect(calm.filter((c) => c.errorShown)).toEqual([]);
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/gateway list/);

  // Errors at three fields (as in profiles.spec.ts); the others keep their hints.
  await page.getByLabel('Callback URL', { exact: true }).fill('bot.example.com');
  await page.getByLabel('App Secret', { exact: true }).fill('');
  await page.keyboard.press('Control+s');
  await expect(page.locator('#profile-name-issue')).toHaveText('Name is required');
  const failing = await expectGeneralTabDescribed(page);
  expect(failing.filter((c) => c.errorShown).map((c) => c.name)).toEqual(['profile-name', 'profile-secret', 'profile-callback']);
  await expect(page.getByLabel('Callback URL', { exact: true })).toHaveAccessibleDescription(/absolute URL/);

  // Fixing a field: its error goes, and so do aria-invalid and the reference to it.
  await page.getByLabel('Name', { exact: true }).fill('Fixed');
  await expect(page.locator('#profile-name-issue')).toHaveCount(0);
  const fixed = await expectGeneralTabDescribed(page);
  expect(fixed.filter((c) => c.errorShown).map((c) => c.name)).toEqual(['profile-secret', 'profile-callback']);
});

test('Servers dialog: every input is described by a failed connect, the one it is about is invalid', async ({ page }) => {
  await page.goto('/tests/harness.html');
  await page.getByRole('button', { name: /^Servers/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Webitel servers' });
  const form = dialog.locator('form');
  await expect(dialog.getByLabel('Server name')).toBeVisible();

  const expectDescribed = async (errorAbout: string[]) => {
    const found = await controls(form);
    expect(found.length).toBeGreaterThan(0);
    const error = await form.locator('#servers-add-error').count();
    for (const control of found) {
      expect(control.missing, `${control.name}: aria-describedby names missing elements`).toEqual([]);
      // The sign-in choice is not what failed; every typed input is.
      const radio = control.name.startsWith('radio: ');
      if (error && !radio) expect(control.describedBy, `${control.name}: references the error`).toContain('servers-add-error');
      if (!error) expect(control.describedBy).not.toContain('servers-add-error');
      expect(control.invalid, `${control.name}: aria-invalid`).toBe(errorAbout.includes(control.name) ? 'true' : null);
    }
    return found;
  };

  await expectDescribed([]);
  await expect(dialog.getByRole('textbox', { name: 'Access token' })).toHaveAccessibleDescription(/kept in the OS keychain/);

  await dialog.getByLabel('Server name').fill('Production');
  await dialog.getByLabel('Server address').fill('https://production.example.com');
  await dialog.getByRole('textbox', { name: 'Access token' }).fill('bad-token');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/refused this token/);
  await expectDescribed(['Access token']);
  await expect(dialog.getByRole('textbox', { name: 'Access token' })).toHaveAccessibleDescription(/refused this token/);
  await expect(dialog.getByLabel('Server name')).not.toHaveAttribute('aria-invalid');

  // Signing in with a login instead: the same, on the login's inputs.
  await dialog.getByRole('radio', { name: 'User name and password' }).check();
  await expectDescribed(['User name', 'Password', 'Domain']);
  await dialog.getByRole('textbox', { name: 'Access token' }).waitFor({ state: 'detached' });
});
