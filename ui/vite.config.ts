import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide.options.js';

// Tauri loads `dist/` in the app; the dev server also serves the browser test harness.
// Paraglide compiles messages/*.json into src/paraglide before the Svelte files are built.
export default defineConfig({
  plugins: [paraglideVitePlugin(paraglideOptions), svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
