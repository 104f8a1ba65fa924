import { fail, redirect } from '@sveltejs/kit';
import { ResetPasswordDocument } from '$lib/graphql/__generated__/graphql.ts';
import { newPasswordErrors } from '$lib/forms/new-password.ts';
import { apiFailure, formText } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ hasToken: (url.searchParams.get('token') ?? '').length >= 16 });

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const form = await request.formData();
    const token = url.searchParams.get('token') ?? '';
    const newPassword = formText(form, 'newPassword');
    const errors = newPasswordErrors(newPassword, formText(form, 'confirmPassword'), 'newPassword');
    if (errors) return fail(400, { errors, message: Object.values(errors)[0], code: 'INPUT' });
    try {
      await locals.anonymousApi.mutate(ResetPasswordDocument, { token, newPassword });
    } catch (error) {
      return apiFailure(error, { errors: {} });
    }
    // Resetting ends every session, this browser's included.
    await locals.session.signOut().catch(() => undefined);
    redirect(303, '/sign-in?notice=password-reset');
  },
};
