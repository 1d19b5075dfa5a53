// Walks the Tab order of the page as it is (tests/keyboard.spec.ts): every enabled, visible
// control must be reached by Tab alone, except the ones whose keyboard path is the arrow keys
// by design (the unselected tabs of a tablist with a roving tabindex, the unchecked radios of a
// named group, the rows' controls of a grid, which its arrows and Space reach), which are
// checked with the arrow keys instead (their group must have a member in the Tab order). While a modal dialog is open,
// the controls are the dialog's and focus must never leave it.
import { expect, type Page } from '@playwright/test';

interface Control {
  id: string;
  what: string;
  /** How it is reached: by Tab, or by the arrow keys within its tablist / radio group. */
  via: 'tab' | 'arrows';
  group: string | null;
}

/** Marks every control the user should be able to reach and describes it. */
function collect(page: Page): Promise<Control[]> {
  return page.evaluate(() => {
    const modal = [...document.querySelectorAll('dialog:modal')].at(-1);
    const scope: ParentNode = modal ?? document;
    for (const el of document.querySelectorAll('[data-kb-no-ring]')) el.removeAttribute('data-kb-no-ring');
    const selector = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const controls: Control[] = [];
    let n = 0;
    for (const el of scope.querySelectorAll<HTMLElement>(selector)) {
      el.removeAttribute('data-kb');
      if (el.matches(':disabled') || el.closest('[inert]')) continue;
      if (!el.checkVisibility({ visibilityProperty: true }) || el.getClientRects().length === 0) continue;
      const id = String(n++);
      el.setAttribute('data-kb', id);
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent?.trim() : el.closest('label')?.textContent?.trim();
      const what = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> ${name || label?.slice(0, 50) || ''}`.trim();
      const roving = el.getAttribute('role') === 'tab' && el.getAttribute('tabindex') === '-1';
      const radio = el instanceof HTMLInputElement && el.type === 'radio' && el.name !== '';
      const tab = el.getAttribute('role') === 'tab';
      const grid = el.getAttribute('role') === 'grid' ? el : el.closest('[role="grid"]');
      const inGrid = grid !== null && grid !== el && el.getAttribute('tabindex') === '-1';
      const group = tab
        ? (el.closest('[role="tablist"]')?.getAttribute('aria-label') ?? 'tablist')
        : radio
          ? (el as HTMLInputElement).name
          : grid
            ? `grid ${grid.getAttribute('aria-label') ?? ''}`
            : null;
      controls.push({ id, what, via: roving || inGrid || (radio && !(el as HTMLInputElement).checked) ? 'arrows' : 'tab', group });
    }
    return controls;
  });
}

/** The data-kb of the focused element, '' for a control outside the scope, null for none. */
const focused = (page: Page, afterTab = true) =>
  page.evaluate((afterTab) => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    // Focus must be visible: an outline or a ring on the control (or on the label around a
    // visually hidden radio). Recorded on the element for the walk to report.
    const ring = (node: Element | null) => {
      if (!node) return false;
      const style = getComputedStyle(node);
      return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    };
    if (afterTab && !ring(el) && !ring(el.closest('label'))) el.setAttribute('data-kb-no-ring', '');
    // The top one: the dialogs are declared in the order they stack (a confirmation last).
    const modal = [...document.querySelectorAll('dialog:modal')].at(-1);
    if (modal && !modal.contains(el)) return `outside the dialog: ${el.outerHTML.slice(0, 80)}`;
    return el.getAttribute('data-kb') ?? '';
  }, afterTab);

/**
 * Presses Tab around the whole cycle and asserts every control was reached (and, with a
 * dialog open, that focus stayed in it). Returns the controls reached, in order.
 */
export async function expectAllReachable(page: Page, screen: string): Promise<string[]> {
  const controls = await collect(page);
  expect(controls.length, `${screen}: no controls found`).toBeGreaterThan(0);
  const reached: string[] = [];
  const escaped: string[] = [];
  // Where focus already is counts as reached (the walk starts there).
  // (A mouse may have put it there: its focus ring is checked when Tab comes back to it.)
  const start = await focused(page, false);
  let first: string | null = start && !start.startsWith('outside') ? start : null;
  if (first) reached.push(first);
  for (let step = 0; step < controls.length * 2 + 10; step++) {
    await page.keyboard.press('Tab');
    const at = await focused(page);
    if (at === null || at === '') continue;
    if (at.startsWith('outside')) {
      escaped.push(at);
      continue;
    }
    if (at === first) break;
    first ??= at;
    if (!reached.includes(at)) reached.push(at);
  }
  const byId = new Map(controls.map((c) => [c.id, c]));
  const missing = controls.filter((c) => c.via === 'tab' && !reached.includes(c.id)).map((c) => c.what);
  // Arrow-key controls: their group must have a member in the Tab order.
  const groups = new Set(reached.map((id) => byId.get(id)?.group).filter(Boolean));
  const orphaned = controls.filter((c) => c.via === 'arrows' && !groups.has(c.group)).map((c) => `${c.what} (group ${c.group})`);
  expect(escaped, `${screen}: focus left the open dialog`).toEqual([]);
  expect([...missing, ...orphaned], `${screen}: not reachable by Tab`).toEqual([]);
  const unseen = await page.evaluate(() =>
    [...document.querySelectorAll('[data-kb-no-ring]')].map((el) => `<${el.tagName.toLowerCase()}> ${el.textContent?.trim().slice(0, 40) ?? ''}`),
  );
  expect(unseen, `${screen}: focused without a visible focus indicator`).toEqual([]);
  return reached.map((id) => byId.get(id)!.what);
}

/** From the selected tab, `key` pressed once per tab must visit every tab and come back. */
export async function expectArrowsVisitAll(page: Page, tablist: string, key: 'ArrowRight' | 'ArrowDown') {
  const list = page.getByRole('tablist', { name: tablist });
  const names = await list.getByRole('tab').allTextContents();
  await list.locator('[role="tab"][aria-selected="true"]').focus();
  const visited: string[] = [];
  for (let i = 0; i < names.length; i++) {
    await page.keyboard.press(key);
    visited.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
  }
  expect(new Set(visited), `${tablist}: ${key} visits every tab`).toEqual(new Set(names));
}
