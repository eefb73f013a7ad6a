// Paraglide JS compiler options, shared by the Vite plugin (build, dev, vitest) and
// scripts/i18n-compile.js (before svelte-check), so both generate the same src/lib/paraglide.
// The locale lives in the URL only (/fr/..., /es/..., English without prefix): no cookie or
// Accept-Language, so a page is a pure function of its URL and can be cached and shared.
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const PARAGLIDE_OPTIONS = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  strategy: ['url', 'baseLocale'],
  emitReadme: false
};
