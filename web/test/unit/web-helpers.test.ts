import { describe, expect, test } from 'vitest';
import { nextDay, zonedDayStart } from '../../src/lib/time-zones.ts';
import { formatCalendarDate, formatMoney } from '../../src/lib/format.ts';
import { ApiError } from '../../src/lib/server/engine/api-error.ts';
import { humanMessage } from '../../src/lib/server/engine/messages.ts';
import { apiFailure, safeRedirectTarget } from '../../src/lib/server/forms.ts';
import { publicUser } from '../../src/lib/server/public-user.ts';
import { isLoopbackHttp, refreshCookieName, refreshCookieOptions } from '../../src/lib/server/session/refresh-cookie.ts';
import { readWebConfig } from '../../src/lib/server/config.ts';
import { isCrossSiteFormPost } from '../../src/lib/server/same-origin.ts';
import { describeUserAgent } from '../../src/lib/user-agent.ts';
import { USER } from './fakes.ts';

describe('refresh-token cookie', () => {
  test('httpOnly and SameSite=Strict always; Secure with the __Host- prefix outside plain-http loopback', () => {
    const local = new URL('http://127.0.0.1:3000/sign-in');
    expect(refreshCookieName(local)).toBe('portal_refresh');
    expect(refreshCookieOptions(local, 0)).toEqual({ path: '/', httpOnly: true, sameSite: 'strict', secure: false, expires: new Date(0) });
    const production = new URL('https://portal.example.com/sign-in');
    expect(refreshCookieName(production)).toBe('__Host-portal_refresh');
    expect(refreshCookieOptions(production)).toMatchObject({ httpOnly: true, sameSite: 'strict', secure: true, path: '/' });
    expect(isLoopbackHttp(new URL('http://localhost:3000/'))).toBe(true);
    expect(isLoopbackHttp(new URL('http://[::1]:3000/'))).toBe(true);
    expect(isLoopbackHttp(new URL('http://portal.internal:3000/'))).toBe(false);
  });
});

describe('the browser receives only whitelisted user fields', () => {
  test('no ids or tokens', () => {
    const sent = publicUser({ ...USER, accessToken: 'secret' } as typeof USER);
    expect(Object.keys(sent!).sort()).toEqual(['customerName', 'email', 'firstName', 'lastName', 'mfaEnabled', 'preferredLanguage', 'role', 'tenantName', 'timezone']);
    expect(JSON.stringify(sent)).not.toContain('secret');
    expect(publicUser(null)).toBeNull();
  });
});

describe('forms', () => {
  test('redirectTo must stay on this site', () => {
    const at = (target: string) => safeRedirectTarget(new URL(`http://portal.test/sign-in?redirectTo=${encodeURIComponent(target)}`));
    expect(at('/orders?status=SHIPPED')).toBe('/orders?status=SHIPPED');
    expect(at('//evil.example/')).toBe('/');
    expect(at('/\\evil.example')).toBe('/');
    expect(at('https://evil.example/')).toBe('/');
    // What the browser makes of the Location header decides: tabs and line breaks are dropped.
    expect(at('/\t/evil.example')).toBe('/');
    expect(at('/\n/x')).toBe('/');
    expect(at('/\r\n/evil.example/a')).toBe('/');
    expect(at('/orders\n?status=SHIPPED')).toBe('/orders?status=SHIPPED');
  });

  test('API errors become a failure with a human message and the values to show again', () => {
    const failure = apiFailure(new ApiError('INVALID_CREDENTIALS', humanMessage('INVALID_CREDENTIALS'), 'detail'), { email: 'a@b.example' });
    expect(failure.status).toBe(401);
    expect(failure.data).toEqual({ email: 'a@b.example', message: 'The email address or password is incorrect.', code: 'INVALID_CREDENTIALS' });
    expect(() => apiFailure(new TypeError('bug'), {})).toThrow(TypeError);
  });

  test('every action error code has its own message; WEAK_PASSWORD says what to change', () => {
    for (const code of ['EMAIL_NOT_VERIFIED', 'INVALID_MFA_CODE', 'ACCOUNT_LOCKED', 'RATE_LIMITED', 'TOKEN_EXPIRED', 'CURRENT_PASSWORD_INCORRECT']) {
      expect(humanMessage(code)).not.toBe(humanMessage('SOMETHING_NEW'));
    }
    expect(humanMessage('WEAK_PASSWORD', 'TOO_SHORT')).toBe('Use at least 8 characters.');
    expect(humanMessage('some-new-engine-code')).toBe('Something went wrong on our side. Try again in a moment.');
    // The database's refusals of a change are told in words, never as the engine's text.
    expect(humanMessage('constraint-violation')).toMatch(/^This change conflicts/);
    expect(humanMessage('data-exception')).toMatch(/^One of the values/);
  });
});

describe('dates and money', () => {
  test('the start of a day in a time zone, across daylight saving changes', () => {
    expect(zonedDayStart('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(zonedDayStart('2026-01-15', 'Asia/Shanghai').toISOString()).toBe('2026-01-14T16:00:00.000Z');
    expect(zonedDayStart('2026-03-08', 'America/Los_Angeles').toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(zonedDayStart('2026-03-09', 'America/Los_Angeles').toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  test('numeric amounts arrive as numbers or strings', () => {
    expect(formatMoney(1480.95, 'USD')).toBe('$1,480.95');
    expect(formatMoney('1480.95', 'USD ')).toBe('$1,480.95');
    expect(formatMoney(null, 'USD')).toBe('—');
    expect(formatCalendarDate('2026-11-29')).toBe('Nov 29, 2026');
  });
});

describe('web configuration', () => {
  test('defaults, and a message naming a bad variable', () => {
    expect(readWebConfig({})).toMatchObject({ graphqlUrl: 'http://127.0.0.1:8080/v1/graphql', tenant: undefined });
    expect(readWebConfig({ PORTAL_ENGINE_URL: 'http://engine:9090', PORTAL_WEB_TENANT: 'demo-printer' })).toMatchObject({
      graphqlUrl: 'http://engine:9090/v1/graphql',
      tenant: 'demo-printer',
    });
    expect(() => readWebConfig({ PORTAL_ENGINE_URL: 'not a url' })).toThrow(/PORTAL_ENGINE_URL/);
  });
});

describe('user agents in words', () => {
  test('browser and system for the usual ones, the raw text (cut short) otherwise', () => {
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36')).toBe('Chrome on Linux');
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1')).toBe('Safari on iOS');
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0')).toBe('Edge on Windows');
    expect(describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0')).toBe('Firefox on macOS');
    expect(describeUserAgent('curl/8.5.0')).toBe('curl/8.5.0');
    expect(describeUserAgent(null)).toBe('Unknown browser');
  });
});

describe('cross-site form posts', () => {
  const url = new URL('http://portal.test/sign-in');
  const post = (headers: Record<string, string>, method = 'POST') => new Request(url, { method, headers, body: method === 'GET' ? null : 'a=1' });
  test('a form posted from another site, or without an Origin, is cross-site; the same site, JSON and GET are not', () => {
    expect(isCrossSiteFormPost(post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' }), url)).toBe(true);
    expect(isCrossSiteFormPost(post({ 'content-type': 'multipart/form-data; boundary=x', origin: 'http://evil.example' }), url)).toBe(true);
    expect(isCrossSiteFormPost(post({ 'content-type': 'text/plain' }), url)).toBe(true);
    expect(isCrossSiteFormPost(post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://portal.test' }), url)).toBe(false);
    expect(isCrossSiteFormPost(post({ 'content-type': 'application/json', origin: 'http://evil.example' }), url)).toBe(false);
    expect(isCrossSiteFormPost(post({ origin: 'http://evil.example' }, 'GET'), url)).toBe(false);
  });
});
