// Checks messages/*.json against the base (en): no language has a key the base lacks, each key
// takes the same parameters in every language, and every language has every key. Run by
// `npm run check`.
import { readFileSync } from 'node:fs';

const dir = new URL('../messages/', import.meta.url);
const settings = JSON.parse(readFileSync(new URL('../project.inlang/settings.json', import.meta.url), 'utf8'));
const read = (locale) => {
  const { $schema: _schema, ...messages } = JSON.parse(readFileSync(new URL(`${locale}.json`, dir), 'utf8'));
  return messages;
};

const placeholders = (text) => [...text.matchAll(/(?<!\\)\{\s*([A-Za-z_][\w]*)\s*\}/g)].map((match) => match[1]);

/** The inputs a message takes: its {placeholders}, or for variants the declared inputs. */
export function parameters(value) {
  if (typeof value === 'string') return new Set(placeholders(value));
  const found = new Set();
  for (const variant of Array.isArray(value) ? value : [value]) {
    const locals = new Set();
    for (const declaration of variant.declarations ?? []) {
      const input = /^input\s+(\w+)/.exec(declaration);
      const local = /^local\s+(\w+)\s*=/.exec(declaration);
      if (input) found.add(input[1]);
      if (local) locals.add(local[1]);
    }
    for (const text of Object.values(variant.match ?? {})) {
      for (const name of placeholders(text)) if (!locals.has(name)) found.add(name);
    }
  }
  return found;
}

const same = (a, b) => a.size === b.size && [...a].every((name) => b.has(name));
const base = read(settings.baseLocale);
const problems = [];
for (const locale of settings.locales) {
  if (locale === settings.baseLocale) continue;
  const messages = read(locale);
  for (const key of Object.keys(messages)) {
    if (!(key in base)) problems.push(`${locale}.json: "${key}" is not in ${settings.baseLocale}.json`);
    else if (!same(parameters(messages[key]), parameters(base[key]))) {
      problems.push(`${locale}.json: "${key}" takes {${[...parameters(messages[key])].join(', ')}}, the base {${[...parameters(base[key])].join(', ')}}`);
    }
  }
  for (const key of Object.keys(base)) if (!(key in messages)) problems.push(`${locale}.json: "${key}" is missing`);
}
if (problems.length > 0) {
  console.error(`Message files disagree with ${settings.baseLocale}.json:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`check-message-files: ${Object.keys(base).length} keys in each of ${settings.locales.join(', ')}; parameters agree`);
