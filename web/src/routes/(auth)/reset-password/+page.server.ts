import { fail, redirect } from '@sveltejs/kit';
import { ResetPasswordDocument } from '$lib/graphql/__generated__/graphql.ts';
import { apiFailure, formText } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ hasToken: (url.searchParams.get('token') ?? '').length >= 16 });

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const form = await request.formData();
    const token = url.searchParams.get('token') ?? '';
    const newPassword = formText(form, 'newPassword');
    if (newPassword !== formText(form, 'confirmPassword')) return fail(400, { message: 'The two passwords are not the same.', code: 'INPUT' });
    if (newPassword.length < 8) return fail(400, { message: 'Use at least 8 characters.', code: 'INPUT' });
    try {
      await locals.anonymousApi.mutate(ResetPasswordDocument, { token, newPassword });
    } catch (error) {
      return apiFailure(error, {});
    }
    // Resetting ends every session, this browser's included.
    await locals.session.signOut().catch(() => undefined);
    redirect(303, '/sign-in?notice=password-reset');
  },
};
