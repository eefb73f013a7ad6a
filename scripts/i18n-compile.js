// Compiles messages/*.json into src/lib/paraglide (generated, git-ignored). The Vite plugin does
// this for builds, the dev server and vitest; svelte-check runs no Vite plugins, so
// scripts/test.sh and `npm run check` run this first on a clean clone.
import { compile } from '@inlang/paraglide-js';
import { PARAGLIDE_OPTIONS } from '../paraglide.options.js';

await compile(PARAGLIDE_OPTIONS);
// The inlang SDK leaves a handle open for about 30 s after compiling; the CLI exits explicitly too.
process.exit(0);
