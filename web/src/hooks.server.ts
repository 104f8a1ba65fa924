import { redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { getAppDeps } from '$lib/server/app-deps.ts';
import { wrongAreaRedirect } from '$lib/server/areas.ts';
import { genericMessage } from '$lib/server/engine/messages.ts';
import { m } from '$lib/paraglide/messages.js';
import { resolveLocals } from '$lib/server/request-locals.ts';
import { isCrossSiteFormPost } from '$lib/server/same-origin.ts';
import { chooseLocale } from '$lib/server/i18n/locale-strategy.ts';
import { LOCALE_COOKIE, requestLocale } from '$lib/server/i18n/request-locale.ts';
import { paraglideMiddleware } from '$lib/paraglide/server.js';

/**
 * Refuses cross-site form posts, resolves the session once per request, keeps staff and customers
 * each in their own area, renders the page in the request's language, then marks every answer
 * private and uncacheable.
 */
export const handle: Handle = async ({ event, resolve }) => {
  if (isCrossSiteFormPost(event.request, event.url)) {
    return new Response('Cross-site form submissions are forbidden.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  await resolveLocals(event, getAppDeps(env));
  const elsewhere = wrongAreaRedirect(event.route.id, event.locals.session.user?.role ?? null);
  if (elsewhere) redirect(303, elsewhere);
  const locale = requestLocale({
    userLanguage: event.locals.session.user?.preferredLanguage ?? null,
    cookie: event.cookies.get(LOCALE_COOKIE),
    acceptLanguage: event.request.headers.get('accept-language'),
  });
  chooseLocale(event.request, locale);
  const response = await paraglideMiddleware(event.request, () =>
    resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) }),
  );
  // The language can follow Accept-Language, so no shared cache may mix the two.
  response.headers.append('vary', 'Accept-Language');
  // Pages carry the user's orders: never cached, so Back after sign-out shows nothing stale.
  if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'same-origin');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  return response;
};

/** Unexpected errors: the log gets the detail, the page a plain sentence. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status !== 404) getAppDeps(env).logger.error({ err: error, route: event.route.id, status }, message);
  return { message: status === 404 ? m.error_page_not_found() : genericMessage() };
};
