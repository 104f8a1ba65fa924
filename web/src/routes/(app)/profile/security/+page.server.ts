import { fail } from '@sveltejs/kit';
import { ChangePasswordDocument, DisableMfaDocument, EnrollMfaDocument, RevokeSessionDocument, SessionsDocument, VerifyMfaDocument } from '$lib/graphql/__generated__/graphql.ts';
import { toIssuedSession } from '$lib/server/auth/token-api.ts';
import { apiFailure, formText } from '$lib/server/forms.ts';
import { readEnrollment } from '$lib/forms/mfa-enrollment.ts';
import { newPasswordErrors } from '$lib/forms/new-password.ts';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The account's live sessions, this browser's first. */
export const load: PageServerLoad = async ({ locals }) => {
  const { sessions } = await locals.api.query(SessionsDocument, {});
  const current = locals.session.sessionId;
  return { sessions: [...sessions].sort((a, b) => Number(b.id === current) - Number(a.id === current)).map((session) => ({ ...session, current: session.id === current })) };
};

/** Each change ends the account's other sessions and hands back a new one for this browser. */
export const actions: Actions = {
  /** Ends another of the account's sessions; this browser's own ends with "Sign out". */
  revokeSession: async ({ request, locals }) => {
    const sessionId = formText(await request.formData(), 'sessionId');
    if (!UUID.test(sessionId) || sessionId === locals.session.sessionId) return fail(400, { action: 'sessions', message: m.account_session_not_other(), code: 'INPUT' });
    try {
      await locals.api.mutate(RevokeSessionDocument, { sessionId });
    } catch (error) {
      return apiFailure(error, { action: 'sessions' });
    }
    return { action: 'sessions', done: m.account_session_ended() };
  },
  changePassword: async ({ request, locals }) => {
    const form = await request.formData();
    const [currentPassword, newPassword] = [formText(form, 'currentPassword'), formText(form, 'newPassword')];
    const errors = newPasswordErrors(newPassword, formText(form, 'confirmPassword'), 'newPassword');
    if (errors) return fail(400, { action: 'password', errors, message: Object.values(errors)[0], code: 'INPUT' });
    try {
      const data = await locals.api.mutate(ChangePasswordDocument, { currentPassword, newPassword });
      locals.session.replace(toIssuedSession(data.customerChangePassword));
    } catch (error) {
      return apiFailure(error, { action: 'password' });
    }
    return { action: 'password', done: m.account_password_changed() };
  },
  enrollMfa: async ({ request, locals }) => {
    const currentPassword = formText(await request.formData(), 'currentPassword');
    try {
      const { customerEnrollMFA: enrollment } = await locals.api.mutate(EnrollMfaDocument, { currentPassword });
      return { action: 'mfa', enrollment };
    } catch (error) {
      return apiFailure(error, { action: 'mfa' });
    }
  },
  verifyMfa: async ({ request, locals }) => {
    const form = await request.formData();
    const enrollment = readEnrollment(formText(form, 'enrollment'));
    try {
      const data = await locals.api.mutate(VerifyMfaDocument, { code: formText(form, 'code').replace(/\s+/g, '') });
      locals.session.replace(toIssuedSession(data.customerVerifyMFA));
    } catch (error) {
      return apiFailure(error, { action: 'mfa', enrollment });
    }
    return { action: 'mfa', done: m.account_mfa_now_on() };
  },
  disableMfa: async ({ request, locals }) => {
    const currentPassword = formText(await request.formData(), 'currentPassword');
    try {
      const data = await locals.api.mutate(DisableMfaDocument, { currentPassword });
      locals.session.replace(toIssuedSession(data.customerDisableMFA));
    } catch (error) {
      return apiFailure(error, { action: 'mfa' });
    }
    return { action: 'mfa', done: m.account_mfa_now_off() };
  },
};
