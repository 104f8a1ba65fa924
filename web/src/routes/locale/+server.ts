import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/locale.ts';
import { formText, safeRedirectTarget } from '$lib/server/forms.ts';
import { LOCALE_COOKIE } from '$lib/server/i18n/request-locale.ts';
import { isLoopbackHttp } from '$lib/server/session/refresh-cookie.ts';
import type { RequestHandler } from './$types';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language switch of the signed-out pages (a plain form, so it works without JavaScript):
 * remembers the choice in a cookie and goes back to the page it was on. Signed-in users choose
 * their language in the profile, which wins over this cookie.
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
  const locale = formText(await request.formData(), 'locale');
  if (isLocale(locale)) {
    cookies.set(LOCALE_COOKIE, locale, { path: '/', httpOnly: true, sameSite: 'lax', secure: !isLoopbackHttp(url), maxAge: ONE_YEAR_SECONDS });
  }
  redirect(303, safeRedirectTarget(url, '/sign-in'));
};
