import { defineCustomClientStrategy } from '$lib/paraglide/runtime.js';

// The server chose the page's locale and wrote it into <html lang>; the browser keeps to it.
defineCustomClientStrategy('custom-portal', {
  getLocale: () => document.documentElement.lang,
  // A language changes only on the server (the profile, the switch's form), so the browser keeps nothing.
  setLocale: () => {},
});
