import { fail } from '@sveltejs/kit';
import { ChangePasswordDocument, DisableMfaDocument, EnrollMfaDocument, VerifyMfaDocument } from '$lib/graphql/__generated__/graphql.ts';
import { toIssuedSession } from '$lib/server/auth/token-api.ts';
import { apiFailure, formText } from '$lib/server/forms.ts';
import { readEnrollment } from './mfa-enrollment.ts';
import type { Actions } from './$types';

/** Each change ends the account's other sessions and hands back a new one for this browser. */
export const actions: Actions = {
  changePassword: async ({ request, locals }) => {
    const form = await request.formData();
    const [currentPassword, newPassword] = [formText(form, 'currentPassword'), formText(form, 'newPassword')];
    if (newPassword !== formText(form, 'confirmPassword')) return fail(400, { action: 'password', message: 'The two new passwords are not the same.', code: 'INPUT' });
    try {
      const data = await locals.api.mutate(ChangePasswordDocument, { currentPassword, newPassword });
      locals.session.replace(toIssuedSession(data.customerChangePassword));
    } catch (error) {
      return apiFailure(error, { action: 'password' });
    }
    return { action: 'password', done: 'Your password has been changed. Other devices have been signed out.' };
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
    return { action: 'mfa', done: 'Two-factor authentication is on. Other devices have been signed out.' };
  },
  disableMfa: async ({ request, locals }) => {
    const currentPassword = formText(await request.formData(), 'currentPassword');
    try {
      const data = await locals.api.mutate(DisableMfaDocument, { currentPassword });
      locals.session.replace(toIssuedSession(data.customerDisableMFA));
    } catch (error) {
      return apiFailure(error, { action: 'mfa' });
    }
    return { action: 'mfa', done: 'Two-factor authentication is off. Other devices have been signed out.' };
  },
};
