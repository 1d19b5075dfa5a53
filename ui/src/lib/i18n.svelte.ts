// The UI's language: the OS locale by default (navigator.languages; WebKitGTK derives it from
// LANG), or the admin's choice, remembered. Paraglide's message functions read the locale from
// here through overwriteGetLocale; it is a rune, so every message rendered in a template follows
// a change at once, without a reload and without losing what is being edited.
// Import this module before any message is rendered (main.ts does).
import {
  baseLocale,
  extractLocaleFromNavigator,
  isLocale,
  locales,
  overwriteGetLocale,
  type Locale,
} from '../paraglide/runtime.js';

export type { Locale };
export type LocaleChoice = Locale | 'system';

/** The nine languages, each named in itself, for the language picker. */
export const LOCALES: readonly { code: Locale; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'ru', name: 'Русский' },
  { code: 'uk', name: 'Українська' },
  { code: 'kk', name: 'Қазақша' },
  { code: 'pl', name: 'Polski' },
  { code: 'ro', name: 'Română' },
  { code: 'uz', name: 'Oʻzbekcha' },
  { code: 'vi', name: 'Tiếng Việt' },
];

/** A cache of the last language applied, for the moment before the settings arrive (or if
 * they cannot be read). The settings file (src/lib/settings.svelte.ts) is the source of truth. */
export const LOCALE_STORAGE_KEY = 'textgate.locale';

function storedChoice(): LocaleChoice {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    return stored && isLocale(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

/** The OS's language, when Textgate speaks it (else English). */
export function systemLocale(): Locale {
  return (typeof navigator !== 'undefined' && extractLocaleFromNavigator()) || baseLocale;
}

function resolve(choice: LocaleChoice): Locale {
  return choice === 'system' ? systemLocale() : choice;
}

const state = $state<{ choice: LocaleChoice; locale: Locale }>({ choice: 'system', locale: baseLocale });
state.choice = storedChoice();
state.locale = resolve(state.choice);
overwriteGetLocale(() => state.locale);
syncDocument();

function syncDocument() {
  if (typeof document !== 'undefined') document.documentElement.lang = state.locale;
}

/** The locale the UI is rendered in (reactive). */
export function currentLocale(): Locale {
  return state.locale;
}

/** What the admin chose: a locale, or 'system' to follow the OS (reactive). */
export function localeChoice(): LocaleChoice {
  return state.choice;
}

/** Switches the UI language now and caches it; 'system' follows the OS locale again. Saving it
 * for the next start is the settings' job (settings.save). */
export function setAppLocale(choice: LocaleChoice): void {
  if (choice !== 'system' && !(locales as readonly string[]).includes(choice)) return;
  state.choice = choice;
  state.locale = resolve(choice);
  try {
    if (choice === 'system') localStorage.removeItem(LOCALE_STORAGE_KEY);
    else localStorage.setItem(LOCALE_STORAGE_KEY, choice);
  } catch {
    // Storage refused: the choice still holds for this window.
  }
  syncDocument();
}

/** A number in the current locale's digits and separators. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(state.locale, options).format(value);
}

/** A date or time in the current locale. */
export function formatDateTime(value: Date | number, options?: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(state.locale, options).format(value);
}

/** A time from now in the current locale: "in 5 days", "dans 3 heures". */
export function formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  return new Intl.RelativeTimeFormat(state.locale, { numeric: 'always' }).format(value, unit);
}

/** Stands in a message's parameter where markup goes (a <strong>, a <code>): see `around`. */
export const SLOT = '\u0001';

/** Splits a message rendered with SLOT as a parameter into the text before and after it, so the
 * markup keeps each language's word order. */
export function around(text: string): [string, string] {
  const at = text.indexOf(SLOT);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + SLOT.length)];
}
