// The app's keyboard shortcuts, in one table: the window's key handler (App.svelte) runs the
// global ones by their id, a field's own handler matches its local one here, and the shortcut
// list (ShortcutsDialog.svelte) is generated from the same rows, so the list cannot drift from
// the keys. Letters also match by their physical key (event.code), so Ctrl+S still saves with a
// Cyrillic layout active.
import { m } from '../paraglide/messages.js';

export type ShortcutId =
  | 'save' | 'new' | 'push' | 'find' | 'findSlash' | 'toggleList' | 'shortcuts' | 'settings' | 'about' | 'insertVariable';

export interface Shortcut {
  id: ShortcutId;
  /** The key as `KeyboardEvent.key` names it (a letter in lower case). */
  key: string;
  /** Ctrl (Cmd on macOS) held. */
  mod: boolean;
  /** Runs from anywhere in the window (else only in the place `where` names). */
  global: boolean;
  /** Also while typing in a field (the bare keys do not, so they can be typed). */
  inFields: boolean;
  label: () => string;
  /** Where a local shortcut works. */
  where?: () => string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'new', key: 'n', mod: true, global: true, inFields: true, label: m.shortcuts_new },
  { id: 'save', key: 's', mod: true, global: true, inFields: true, label: m.shortcuts_save },
  { id: 'push', key: 'p', mod: true, global: true, inFields: true, label: m.shortcuts_push },
  { id: 'find', key: 'f', mod: true, global: true, inFields: true, label: m.shortcuts_find },
  { id: 'findSlash', key: '/', mod: false, global: true, inFields: false, label: m.shortcuts_find },
  { id: 'toggleList', key: 'b', mod: true, global: true, inFields: true, label: m.shortcuts_toggle_list },
  { id: 'shortcuts', key: '/', mod: true, global: true, inFields: true, label: m.shortcuts_list },
  { id: 'settings', key: ',', mod: true, global: true, inFields: true, label: m.shortcuts_settings },
  { id: 'about', key: 'F1', mod: false, global: true, inFields: true, label: m.shortcuts_about },
  { id: 'insertVariable', key: 'i', mod: true, global: false, inFields: true, label: m.shortcuts_insert_variable, where: m.shortcuts_where_template },
];

const mac = typeof navigator !== 'undefined' && navigator.platform.startsWith('Mac');
/** The physical keys of the symbols we use, for layouts where they sit elsewhere. */
const SYMBOL_CODES: Record<string, string> = { '/': 'Slash', ',': 'Comma' };

export function shortcut(id: ShortcutId): Shortcut {
  return SHORTCUTS.find((s) => s.id === id)!;
}

/** Whether `event` is `s`'s key press (Shift is ignored for symbols: some layouts need it for `/`). */
export function matches(s: Shortcut, event: KeyboardEvent): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (mod !== s.mod || event.altKey) return false;
  if (s.key.length === 1 && /[a-z]/.test(s.key)) {
    if (event.shiftKey) return false;
    return event.key.toLowerCase() === s.key || event.code === `Key${s.key.toUpperCase()}`;
  }
  if (s.key.length > 1) return event.key === s.key && !event.shiftKey;
  return event.key === s.key || (mod && event.code === SYMBOL_CODES[s.key]);
}

/** The global shortcut `event` presses, if any (a bare key is none while typing in a field). */
export function globalShortcutOf(event: KeyboardEvent): Shortcut | undefined {
  const target = event.target as HTMLElement | null;
  const typing = !!target?.closest?.('input, textarea, select, [contenteditable="true"]');
  return SHORTCUTS.find((s) => s.global && (s.inFields || !typing) && matches(s, event));
}

/** The keys as this platform writes them: ⌘S on macOS, Ctrl+S elsewhere. */
export function keysLabel(s: Shortcut): string {
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key;
  if (!s.mod) return key;
  return mac ? `\u2318${key}` : `Ctrl+${key}`;
}

/** The keys of `id`, for a button's tooltip. */
export const keysOf = (id: ShortcutId) => keysLabel(shortcut(id));
