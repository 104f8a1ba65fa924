import type { Cookies } from '@sveltejs/kit';
import { deviceCookieName, deviceCookieOptions } from '../session/refresh-cookie.ts';

/** Keeps the known-device token a sign-in returned (null: the browser's cookie is still good). */
export function rememberDevice(cookies: Cookies, url: URL, deviceToken: string | null): void {
  if (deviceToken) cookies.set(deviceCookieName(url), deviceToken, deviceCookieOptions(url));
}
