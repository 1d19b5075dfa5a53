// Types for paraglide.options.js (plain JS so that node runs scripts/compile-messages.js as is).
import type { CompilerOptions } from '@inlang/paraglide-js';

export declare const paraglideOptions: CompilerOptions;
