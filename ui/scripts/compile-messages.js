// Compiles messages/*.json into src/paraglide (typed message functions) with the same options
// as the Vite plugin; `npm run check` runs it first because svelte-check reads the output.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.options.js';

await compile(paraglideOptions);
