import { describe, expect, test } from 'vitest';
import { localeFromAcceptLanguage } from '../../src/lib/server/i18n/accept-language.ts';
import { requestLocale } from '../../src/lib/server/i18n/request-locale.ts';
import { messageFor } from '../../src/lib/i18n/message-lookup.ts';

describe('the language of a request', () => {
  test('the browser: the best supported language by q-value, any Chinese or English variant counts', () => {
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('zh-TW')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('de-DE,de;q=0.9,en-GB;q=0.8,zh;q=0.5')).toBe('en-US');
    expect(localeFromAcceptLanguage('en;q=0.4, zh-Hans;q=0.7')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('fr, zh;q=0')).toBeNull();
    expect(localeFromAcceptLanguage('*')).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
    expect(localeFromAcceptLanguage('zh;q=abc, en')).toBe('en-US');
  });

  test("the signed-in user's profile wins over the switch, the switch over the browser", () => {
    expect(requestLocale({ userLanguage: 'zh-CN', cookie: 'en-US', acceptLanguage: 'en' })).toBe('zh-CN');
    expect(requestLocale({ userLanguage: null, cookie: 'zh-CN', acceptLanguage: 'en' })).toBe('zh-CN');
    expect(requestLocale({ userLanguage: null, cookie: 'xx', acceptLanguage: 'zh' })).toBe('zh-CN');
    expect(requestLocale({ userLanguage: 'fr-FR', cookie: undefined, acceptLanguage: 'de' })).toBe('en-US');
  });
});

describe('looking a code up in a map of messages', () => {
  test('finds the map’s own codes and nothing inherited', () => {
    const messages = { 'signed-out': () => 'You have signed out.' };
    expect(messageFor(messages, 'signed-out')).toBe('You have signed out.');
    expect(messageFor(messages, 'constructor')).toBeUndefined();
    expect(messageFor(messages, 'toString')).toBeUndefined();
    expect(messageFor(messages, '')).toBeUndefined();
  });
});
