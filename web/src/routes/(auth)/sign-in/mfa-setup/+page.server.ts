import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { StartRequiredMfaDocument } from '$lib/graphql/__generated__/graphql.ts';
import { acceptSession } from '$lib/server/auth/accept-session.ts';
import { rememberDevice } from '$lib/server/auth/known-device.ts';
import { finishRequiredMfa, type SignedIn } from '$lib/server/auth/sign-in.ts';
import { ApiError } from '$lib/server/engine/api-error.ts';
import { readEnrollment } from '$lib/forms/mfa-enrollment.ts';
import { apiFailure, formText, safeRedirectTarget } from '$lib/server/forms.ts';
import { deviceCookieName, MFA_COOKIE, mfaCookieOptions } from '$lib/server/session/refresh-cookie.ts';
import { m } from '$lib/paraglide/messages.js';
import { homePath } from '$lib/user.ts';
import type { Actions, PageServerLoad } from './$types';

/** Reached from sign-in when the company requires two-factor authentication and the person has none yet. */
export const load: PageServerLoad = ({ locals, cookies, url }) => {
  if (locals.session.user) redirect(303, safeRedirectTarget(url, homePath(locals.session.user.role)));
  if (!cookies.get(MFA_COOKIE)) redirect(303, `/sign-in${url.search}`);
  return {};
};

/** A spent or expired ticket: forget its cookie, so the page offers signing in again. */
function expired(cookies: Cookies, url: URL, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== 'MFA_TICKET_INVALID') return false;
  cookies.delete(MFA_COOKIE, mfaCookieOptions(url));
  return true;
}

export const actions: Actions = {
  start: async ({ locals, cookies, url }) => {
    const ticket = cookies.get(MFA_COOKIE);
    if (!ticket) return fail(401, { message: m.auth_mfa_attempt_expired(), code: 'MFA_TICKET_INVALID' });
    try {
      const { customerStartRequiredMfa: enrollment } = await locals.anonymousApi.mutate(StartRequiredMfaDocument, { mfaTicket: ticket });
      return { enrollment };
    } catch (error) {
      expired(cookies, url, error);
      return apiFailure(error, {});
    }
  },
  finish: async ({ request, locals, cookies, url }) => {
    const ticket = cookies.get(MFA_COOKIE);
    if (!ticket) return fail(401, { message: m.auth_mfa_attempt_expired(), code: 'MFA_TICKET_INVALID' });
    const form = await request.formData();
    const enrollment = readEnrollment(formText(form, 'enrollment'));
    const code = formText(form, 'code').replace(/\s+/g, '');
    if (code.length < 6) return fail(400, { enrollment, message: m.auth_mfa_setup_enter_code(), code: 'INPUT' });
    let signedIn: SignedIn;
    try {
      signedIn = await finishRequiredMfa(locals.anonymousApi, ticket, code, cookies.get(deviceCookieName(url)));
    } catch (error) {
      return apiFailure(error, { enrollment: expired(cookies, url, error) ? null : enrollment });
    }
    cookies.delete(MFA_COOKIE, mfaCookieOptions(url));
    rememberDevice(cookies, url, signedIn.deviceToken);
    const refusal = await acceptSession(locals, signedIn.session);
    if (refusal) return fail(403, { enrollment: null, message: refusal, code: 'NOT_A_PORTAL_ACCOUNT' });
    redirect(303, safeRedirectTarget(url, homePath(signedIn.session.user.role)));
  },
};
