/** Cookie options as SvelteKit's `cookies.set` takes them. */
export interface CookieOptions {
  path: string;
  httpOnly: boolean;
  sameSite: 'strict';
  secure: boolean;
  expires?: Date;
  maxAge?: number;
}

/** http://localhost, 127.0.0.0/8 and [::1]: browsers treat these as secure contexts, but a Secure cookie needs https elsewhere. */
export function isLoopbackHttp(url: URL): boolean {
  if (url.protocol !== 'http:') return false;
  const host = url.hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The refresh token's cookie. Outside plain-http loopback it is Secure and takes the `__Host-`
 * prefix, which browsers accept only for Secure, host-only cookies with Path=/ (no subdomain or
 * other path can plant or shadow it).
 */
export function refreshCookieName(url: URL): string {
  return isLoopbackHttp(url) ? 'portal_refresh' : '__Host-portal_refresh';
}

export function refreshCookieOptions(url: URL, expiresAt?: number): CookieOptions {
  const options: CookieOptions = { path: '/', httpOnly: true, sameSite: 'strict', secure: !isLoopbackHttp(url) };
  if (expiresAt !== undefined) options.expires = new Date(expiresAt);
  return options;
}

/** The pending second sign-in step (MFA ticket): short-lived, only sent to the MFA page. */
export const MFA_COOKIE = 'portal_mfa';
export const MFA_COOKIE_PATH = '/sign-in';

export function mfaCookieOptions(url: URL, expiresAt?: number): CookieOptions {
  const options: CookieOptions = { path: MFA_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: !isLoopbackHttp(url) };
  if (expiresAt !== undefined) options.expires = new Date(expiresAt);
  return options;
}

/**
 * The known-device cookie: set after a sign-in, sent with the next ones, so that failed attempts
 * from elsewhere never lock this browser out. Same prefix rules as the refresh cookie.
 */
export function deviceCookieName(url: URL): string {
  return isLoopbackHttp(url) ? 'portal_device' : '__Host-portal_device';
}

const DEVICE_COOKIE_DAYS = 180;

export function deviceCookieOptions(url: URL): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: !isLoopbackHttp(url), maxAge: DEVICE_COOKIE_DAYS * 86400 };
}
