/**
 * How Paraglide compiles the portal's messages (messages/<area>/<locale>.json) into message
 * functions: one place for the vite plugin (dev server, build) and for `npm run messages`, which
 * the tests and svelte-check run first because they do not go through vite.
 *
 * The server decides the locale of every request (the signed-in user's language, else the switch's
 * cookie, else Accept-Language: src/lib/i18n/) and renders it into <html lang>; the browser reads it
 * back from there. Hence one custom strategy on both sides, falling back to English.
 */
/** @satisfies {Omit<import('@inlang/paraglide-js').CompilerOptions, 'strategy'> & { strategy: ('custom-portal' | 'baseLocale')[] }} */
export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  strategy: /** @type {('custom-portal' | 'baseLocale')[]} */ (['custom-portal', 'baseLocale']),
  emitReadme: false,
};
