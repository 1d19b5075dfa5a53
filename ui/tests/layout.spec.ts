// The window's chrome at the smallest size (issue I §3, §4, §15, §17): every dialog and question
// fits its buttons at 900x600 (in English and in long-worded Ukrainian), the card's header is one
// row with the secondary actions in an accessible ⋯ menu, the gateway list folds away (and
// stays folded), the General tab follows Webitel's card with Flow in view, and the Templates
// tab calls its sample what it is: the agent.
import { expect, test, type Page } from '@playwright/test';
import { test as withRust } from './rust-pipe';
import { cardMenu } from './card-menu';

/** Runs one of the app's own actions through its modules (the same instances the app uses). */
function act(page: Page, action: string) {
  return page.evaluate(async (what) => {
    const load = (file: string) => import(/* @vite-ignore */ `/src/lib/${file}`);
    const [{ editor }, { servers }, { settings }, { about }, { layout }, { sync }, { serverGateways }, { registry }, { bulk }, { profiles }] =
      await Promise.all(['editor.svelte.ts', 'servers.svelte.ts', 'settings.svelte.ts', 'about.svelte.ts', 'layout.svelte.ts', 'sync.svelte.ts',
        'server-gateways.svelte.ts', 'registry.svelte.ts', 'bulk.svelte.ts', 'profiles.svelte.ts'].map(load));
    const actions: Record<string, () => unknown> = {
      delete: () => void editor.remove(),
      leave: () => { editor.form.name += ' edited'; void editor.newProfile(); },
      revert: () => void editor.revert(),
      generate: () => void editor.generateSecret(),
      secret: () => { editor.form.secret = `${editor.form.secret}x`; editor.touch('secret'); void editor.save(); },
      openBeta: () => editor.select(profiles.list[1].id),
      servers: () => (servers.dialogOpen = true),
      removeServer: () => void servers.remove(servers.list[0]),
      serverGateways: () => serverGateways.show(servers.list[0].id),
      settings: () => (settings.dialogOpen = true),
      about: () => about.open(),
      shortcuts: () => (layout.shortcutsOpen = true),
      conflict: () => sync.openConflict(),
      bulk: () => { registry.toggleAll(); void bulk.run('disable'); },
    };
    await actions[what]();
  }, action);
}

/** The top dialog: no button outside it or the window, no text cut inside a button, no sideways scroll. */
async function expectFits(page: Page, what: string) {
  await expect(page.locator('dialog[open]').last()).toBeVisible();
  const problems = await page.evaluate(() => {
    const dialog = [...document.querySelectorAll('dialog[open]')].at(-1) as HTMLDialogElement;
    const found: string[] = [];
    if (dialog.scrollWidth > dialog.clientWidth) found.push(`scrolls sideways (${dialog.scrollWidth} > ${dialog.clientWidth})`);
    for (const button of dialog.querySelectorAll('button')) {
      if (!button.checkVisibility({ visibilityProperty: true }) || button.closest('dialog') !== dialog) continue;
      button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = button.getBoundingClientRect();
      const frame = dialog.getBoundingClientRect();
      const name = (button.textContent ?? '').trim() || button.getAttribute('aria-label');
      if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5)
        found.push(`"${name}" outside the dialog`);
      if (box.left < 0 || box.right > innerWidth || box.top < 0 || box.bottom > innerHeight) found.push(`"${name}" outside the window`);
      if (button.scrollWidth > button.clientWidth + 1) found.push(`"${name}" cut inside its button`);
    }
    return found;
  });
  expect(problems, what).toEqual([]);
}

for (const locale of ['en-US', 'uk-UA']) {
  test.describe(`at 900x600 in ${locale}`, () => {
    test.use({ viewport: { width: 900, height: 600 }, locale });

    test('every dialog and question fits its buttons', async ({ page }) => {
      test.setTimeout(60_000);
      const open = async (action: string, closeWith = 1) => {
        await act(page, action);
        await expectFits(page, action);
        for (let i = 0; i < closeWith; i++) await page.keyboard.press('Escape');
        await expect(page.locator('dialog[open]')).toHaveCount(0);
      };
      await page.goto('/tests/harness.html?seed=2&flows=1&conflict=1');
      await expect(page.locator('header h1')).toHaveText('Alpha support');
      // Alpha is on Demo: Delete asks three ways (the 440px dialog cut off Cancel).
      await open('delete');
      // A changed secret asks at Save; Escape keeps the saved one, so nothing is left unsaved.
      await open('secret');
      await open('generate');
      await open('leave');
      await open('revert');
      await act(page, 'revert');
      await page.getByRole('dialog').getByRole('button').last().click();
      await open('conflict');
      await open('servers');
      await act(page, 'servers');
      await open('removeServer', 2);
      await open('serverGateways');
      await open('settings');
      await open('about');
      await open('shortcuts');
      await act(page, 'openBeta');
      await expect(page.locator('header h1')).toHaveText('Beta sales');
      await open('delete');
      await act(page, 'bulk');
      await expectFits(page, 'bulk question');
      await page.getByRole('dialog').getByRole('button').first().click();
      await expectFits(page, 'bulk results');
    });

    test('the card header is one row and Flow is above the fold, with the list open or folded', async ({ page }) => {
      await page.goto('/tests/harness.html?seed=2&flows=1&onserver=1');
      await expect(page.locator('header h1')).toHaveText('Alpha support');
      for (const folded of [false, true]) {
        const rows = await page.locator('.editor > header').evaluate((header) => {
          const boxes = [...header.children].map((child) => child.getBoundingClientRect()).filter((box) => box.width > 0);
          // One row: every part of it overlaps the first one vertically.
          return boxes.every((box) => box.top < boxes[0].bottom && box.bottom > boxes[0].top) ? 1 : 2;
        });
        expect(rows, `header rows (list folded: ${folded})`).toBe(1);
        const flow = await page.locator('#profile-flow').boundingBox();
        expect(flow!.y + flow!.height, `Flow's bottom (list folded: ${folded})`).toBeLessThanOrEqual(600);
        await page.keyboard.press('Control+b');
      }
    });
  });
}

test('the ⋯ menu is a menu button: arrows, Escape, focus back, and its items work', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=2');
  const more = page.getByRole('button', { name: 'More options', exact: true });
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Revert to saved' })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: 'Revert to saved' })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: /^Keyboard shortcuts/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();
  // ArrowUp opens it on the last item; a click outside closes it.
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: /^Keyboard shortcuts/ })).toBeFocused();
  await page.locator('.panel').click({ position: { x: 5, y: 5 } });
  await expect(menu).toHaveCount(0);

  await cardMenu(page, 'Duplicate');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Alpha support (copy)');
});

test('the gateway list folds beside an open card, by its toggle or Ctrl+B, and stays folded', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=2');
  const toggle = page.getByRole('button', { name: /^Hide the gateway list/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('grid')).toBeVisible();
  await toggle.click();
  await expect(page.getByRole('grid')).toBeHidden();
  const show = page.getByRole('button', { name: /^Show the gateway list/ });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await expect(page.locator('header h1')).toHaveText('Alpha support');
  await expect(page.getByRole('grid')).toBeHidden();
  await page.keyboard.press('Control+b');
  await expect(page.getByRole('grid')).toBeVisible();
  await page.keyboard.press('Control+b');
  await expect(page.getByRole('grid')).toBeHidden();
  // Closing the card brings the whole table back, folded or not.
  await page.evaluate(() => {
    const path = '/src/lib/editor.svelte.ts';
    return import(/* @vite-ignore */ path).then(({ editor }) => editor.close());
  });
  await expect(page.getByRole('grid')).toBeVisible();
});

test('the General tab follows Webitel\u2019s card, Server on top, in two columns on a wide window', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 760 });
  await page.goto('/tests/harness.html?seed=1&flows=1');
  await expect(page.locator('header h1')).toHaveText('Alpha support');
  const labels = await page.locator('#panel-general label[for^="profile-"]').allTextContents();
  expect(labels.map((l) => l.trim())).toEqual(['Server', 'Name', 'App Secret', 'URI', 'Flow schema', 'Callback URL', 'Notes']);
  const top = async (id: string) => (await page.locator(`#${id}`).boundingBox())!.y;
  expect(await top('profile-secret')).toBe(await top('profile-name'));
  expect(await top('profile-flow')).toBe(await top('profile-uri'));
  expect(await top('profile-name')).toBeGreaterThan(await top('profile-server'));
});

// The sample comes from the real Rust engine (the previews render over it).
withRust('the Templates tab calls its sample the agent (workspace member), in every language', async ({ page }) => {
  await page.goto('/tests/harness.html?seed=1');
  await page.getByRole('tab', { name: 'Templates' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'Variables describe the agent (workspace member) who joins or leaves the chat, not the customer.' })).toBeVisible();
  await expect(page.getByText(/^Sample agent \(workspace member\) for the previews: Ann Smith/)).toBeVisible();
  await expect(page.getByText(/sample contact/i)).toHaveCount(0);
  const texts = await page.evaluate(() =>
    ['en', 'es', 'ru', 'uk', 'kk', 'pl', 'ro', 'uz', 'vi'].map((locale) => {
      const { m } = (window as any).messages;
      return `${locale}: ${m.sample_summary({ name: 'Ann Smith' }, { locale })} | ${m.layout_sample_agent_note({}, { locale })}`;
    }),
  );
  for (const text of texts) expect(text).not.toMatch(/contact|контакт|kontakt|liên hệ/i);
});
