// The colour theme: the OS's light or dark appearance ("system", the default) or one forced by
// the admin in Settings. The resolved theme is the `data-theme` attribute of <html> (app.css
// keys its colour tokens and `color-scheme` on it); "system" follows the OS live. The choice is
// cached in localStorage only so public/boot-theme.js can set it before the first paint.
import type { Theme } from '../bindings/Theme';

export const THEME_CACHE_KEY = 'textgate.theme';

const media = typeof window !== 'undefined' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
let choice: Theme = 'system';

function paint() {
  const dark = choice === 'dark' || (choice === 'system' && !!media?.matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

media?.addEventListener('change', paint);

/** Applies `theme` now and remembers it for the next start's first paint. */
export function applyTheme(theme: Theme): void {
  choice = theme;
  paint();
  try {
    localStorage.setItem(THEME_CACHE_KEY, theme);
  } catch {
    // Storage refused: the theme still holds for this window.
  }
}

// Until the settings arrive: what boot-theme.js found (or the OS).
try {
  const cached = localStorage.getItem(THEME_CACHE_KEY);
  if (cached === 'light' || cached === 'dark') choice = cached;
} catch {
  // Storage refused: follow the OS.
}
if (typeof document !== 'undefined') paint();
