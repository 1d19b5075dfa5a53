// Fails on a hard-coded font size: every `font-size` (and `font` shorthand) under src/ must use
// one of the type-size tokens (`var(--text-…)`) defined beside the colour tokens in
// src/app.css, so the type scale is changed in one place. Run by `npm run check`;
// `node scripts/check-font-sizes.js FILE...` checks the given files only.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../src/', import.meta.url).pathname;
const tokensFile = join(root, 'app.css');

function styledFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : styledFiles(path);
    return /\.(svelte|css|ts)$/.test(entry.name) ? [path] : [];
  });
}

/** The type-size tokens app.css defines (`--text-sm: 12px;` gives `--text-sm`; a colour such
 *  as `--text-muted` is not one). */
export function definedTokens(css) {
  return new Set([...css.matchAll(/(--text-[\w-]+)\s*:\s*[\d.]+(?:px|rem|em)\s*;/g)].map((match) => match[1]));
}

/** The problems in one file's text: raw sizes, and tokens app.css does not define. */
export function problems(text, tokens) {
  const found = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    for (const match of line.matchAll(/(?<![\w-])font(-size)?\s*:\s*([^;}"'`]+)/g)) {
      const value = match[2].trim();
      if (!match[1]) {
        // The shorthand: only `inherit` and friends, never a size in it.
        if (/^(inherit|initial|unset|revert)$/.test(value)) continue;
        found.push({ line: index + 1, text: `font: ${value} (use font-size: var(--text-…))` });
        continue;
      }
      const token = /^var\((--text-[\w-]+)\)$/.exec(value);
      if (!token && !/^(inherit|initial|unset|revert)$/.test(value)) {
        found.push({ line: index + 1, text: `font-size: ${value} (use a var(--text-…) token)` });
      } else if (token && !tokens.has(token[1])) {
        found.push({ line: index + 1, text: `font-size: ${value} (${token[1]} is not a type-size token of app.css)` });
      }
    }
  });
  return found;
}

const tokens = definedTokens(readFileSync(tokensFile, 'utf8'));
const files = process.argv.length > 2 ? process.argv.slice(2) : styledFiles(root);
let failures = 0;
for (const file of files) {
  for (const problem of problems(readFileSync(file, 'utf8'), tokens)) {
    failures++;
    console.error(`${relative(process.cwd(), file)}:${problem.line}: hard-coded ${problem.text}`);
  }
}
if (tokens.size === 0) {
  console.error('app.css defines no --text-… tokens');
  failures++;
}
if (failures > 0) process.exit(1);
console.log(`font sizes: ${files.length} files use only the ${tokens.size} type-size tokens`);
