import { fail, type ActionFailure } from '@sveltejs/kit';
import { ApiError } from './engine/api-error.ts';

/** A text field of a submitted form ('' when absent or a file). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * The `redirectTo` parameter when it is a path on this site, else `fallback` (no open redirects).
 * The target is parsed as a browser would parse the Location header (which drops tabs and line
 * breaks and reads `\\` as `/`, so `/\t/evil.example` means `//evil.example`), and only a result
 * on this origin is used, re-serialised, so no control character reaches the header.
 */
export function safeRedirectTarget(url: URL, fallback = '/'): string {
  const target = url.searchParams.get('redirectTo');
  if (!target || !target.startsWith('/')) return fallback;
  const resolved = new URL(target, url.origin);
  if (resolved.origin !== url.origin) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** Status for a refused operation: the person can fix their input, or try later. */
function statusFor(code: string): number {
  if (code === 'RATE_LIMITED') return 429;
  if (code === 'ACCOUNT_LOCKED') return 423;
  if (code === 'NETWORK') return 503;
  if (code === 'INVALID_CREDENTIALS' || code === 'INVALID_MFA_CODE' || code === 'MFA_CODE_ALREADY_USED' || code === 'MFA_TICKET_INVALID') return 401;
  if (/^[a-z-]+$/.test(code)) return 502;
  return 400;
}

/**
 * Turns an ApiError into the form action's failure (message and code for the page, with the
 * values to put back into the form); anything else is rethrown.
 */
export function apiFailure<Values extends Record<string, unknown>>(
  error: unknown,
  values: Values,
): ActionFailure<Values & { message: string; code: string }> {
  if (!(error instanceof ApiError)) throw error;
  return fail(statusFor(error.code), { ...values, message: error.message, code: error.code });
}
