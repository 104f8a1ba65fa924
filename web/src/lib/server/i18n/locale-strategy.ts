import { defineCustomServerStrategy } from '../../paraglide/runtime.js';
import type { Locale } from '../../i18n/locale.ts';

/** The locale hooks.server.ts chose for each request in flight, read by Paraglide's strategy. */
const chosen = new WeakMap<Request, Locale>();

defineCustomServerStrategy('custom-portal', {
  getLocale: (request) => (request ? chosen.get(request) : undefined),
});

/** Records the request's locale for the message functions called while it is rendered. */
export function chooseLocale(request: Request, locale: Locale): void {
  chosen.set(request, locale);
}
