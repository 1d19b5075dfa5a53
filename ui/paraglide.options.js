// The one set of Paraglide compiler options, shared by the Vite plugin (dev server, build) and
// scripts/compile-messages.js (run before svelte-check, which needs the compiled src/paraglide).
// The locale is chosen by src/lib/i18n.svelte.ts (OS locale, or the admin's choice) and handed to
// Paraglide through overwriteGetLocale, so the compiled strategy is only the base-locale fallback.
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/paraglide',
  strategy: ['baseLocale'],
  emitTsDeclarations: true,
  // One module per locale, not one per message: the dev server (and the browser tests) load ten
  // files instead of ~400 on the first page.
  outputStructure: 'locale-modules',
  emitReadme: false,
  emitPrettierIgnore: false,
};
