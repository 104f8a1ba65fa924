import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { acceptSession } from '$lib/server/auth/accept-session.ts';
import { signIn, type SignInOutcome } from '$lib/server/auth/sign-in.ts';
import { apiFailure, formText, safeRedirectTarget } from '$lib/server/forms.ts';
import { rememberDevice } from '$lib/server/auth/known-device.ts';
import { deviceCookieName, MFA_COOKIE, mfaCookieOptions } from '$lib/server/session/refresh-cookie.ts';
import { messageFor } from '$lib/i18n/message-lookup.ts';
import { m } from '$lib/paraglide/messages.js';
import { homePath } from '$lib/user.ts';
import type { Actions, PageServerLoad } from './$types';

const credentials = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1024) });

/** The `?notice=` a redirect to sign-in may carry, in the request's language. */
const NOTICES: Record<string, () => string> = {
  'signed-out': m.auth_notice_signed_out,
  'password-reset': m.auth_notice_password_reset,
  'email-confirmed': m.auth_notice_email_confirmed,
  'awaiting-approval': m.auth_notice_awaiting_approval,
  'invitation-accepted': m.auth_notice_invitation_accepted,
};

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.session.user) redirect(303, safeRedirectTarget(url, homePath(locals.session.user.role)));
  const notice = url.searchParams.get('notice') ?? '';
  return { notice: messageFor(NOTICES, notice) ?? null };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const form = await request.formData();
    const email = formText(form, 'email');
    const input = credentials.safeParse({ email, password: formText(form, 'password') });
    if (!input.success) return fail(400, { email, message: m.auth_enter_credentials(), code: 'INPUT' });
    let outcome: SignInOutcome;
    try {
      outcome = await signIn(locals.anonymousApi, locals.tenant, input.data.email, input.data.password, cookies.get(deviceCookieName(url)));
    } catch (error) {
      return apiFailure(error, { email });
    }
    if (outcome.kind !== 'signed-in') {
      cookies.set(MFA_COOKIE, outcome.ticket, mfaCookieOptions(url, outcome.expiresAt));
      redirect(303, `/sign-in/${outcome.kind === 'enroll' ? 'mfa-setup' : 'mfa'}${url.search}`);
    }
    rememberDevice(cookies, url, outcome.deviceToken);
    const refusal = await acceptSession(locals, outcome.session);
    if (refusal) return fail(403, { email, message: refusal, code: 'NOT_A_PORTAL_ACCOUNT' });
    redirect(303, safeRedirectTarget(url, homePath(outcome.session.user.role)));
  },
};
