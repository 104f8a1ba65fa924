import { BASE_LOCALE, isLocale, type Locale } from '../../i18n/locale.ts';
import { localeFromAcceptLanguage } from './accept-language.ts';

/** The cookie the language switch of the signed-out pages sets. */
export const LOCALE_COOKIE = 'portal_locale';

export interface LocaleInputs {
  /** The signed-in user's `preferred_language`, if anyone is signed in. */
  userLanguage: string | null;
  /** The language switch's cookie. */
  cookie: string | undefined;
  acceptLanguage: string | null;
}

/**
 * A signed-in user reads the portal in the language of their profile; someone signed out in the
 * one they picked with the switch, else the one their browser asks for, else English.
 */
export function requestLocale({ userLanguage, cookie, acceptLanguage }: LocaleInputs): Locale {
  if (isLocale(userLanguage)) return userLanguage;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? BASE_LOCALE;
}
