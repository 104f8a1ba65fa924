import { fail, redirect } from '@sveltejs/kit';
import { acceptSession } from '$lib/server/auth/accept-session.ts';
import { signInSecondFactor, type SignedIn } from '$lib/server/auth/sign-in.ts';
import { ApiError } from '$lib/server/engine/api-error.ts';
import { apiFailure, formText, safeRedirectTarget } from '$lib/server/forms.ts';
import { rememberDevice } from '$lib/server/auth/known-device.ts';
import { deviceCookieName, MFA_COOKIE, mfaCookieOptions } from '$lib/server/session/refresh-cookie.ts';
import { m } from '$lib/paraglide/messages.js';
import { homePath } from '$lib/user.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, cookies, url }) => {
  if (locals.session.user) redirect(303, safeRedirectTarget(url, homePath(locals.session.user.role)));
  if (!cookies.get(MFA_COOKIE)) redirect(303, `/sign-in${url.search}`);
  return {};
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const ticket = cookies.get(MFA_COOKIE);
    if (!ticket) return fail(401, { message: m.auth_mfa_attempt_expired(), code: 'MFA_TICKET_INVALID' });
    const code = formText(await request.formData(), 'code').replace(/\s+/g, '');
    if (code.length < 6) return fail(400, { message: m.auth_mfa_enter_code(), code: 'INPUT' });
    let signedIn: SignedIn;
    try {
      signedIn = await signInSecondFactor(locals.anonymousApi, ticket, code, cookies.get(deviceCookieName(url)));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'MFA_TICKET_INVALID') cookies.delete(MFA_COOKIE, mfaCookieOptions(url));
      return apiFailure(error, {});
    }
    cookies.delete(MFA_COOKIE, mfaCookieOptions(url));
    rememberDevice(cookies, url, signedIn.deviceToken);
    const refusal = await acceptSession(locals, signedIn.session);
    if (refusal) return fail(403, { message: refusal, code: 'NOT_A_PORTAL_ACCOUNT' });
    redirect(303, safeRedirectTarget(url, homePath(signedIn.session.user.role)));
  },
};
