import { LANGUAGES, type Language } from '@portal/common';

/** The portal's locales are the languages a user can choose in their profile. */
export type Locale = Language;

export const BASE_LOCALE: Locale = 'en-US';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Each language named in itself, so someone who cannot read the current page can still find theirs. */
export const LOCALE_NAMES: Record<Locale, string> = {
  'en-US': 'English',
  'zh-CN': '中文',
};
