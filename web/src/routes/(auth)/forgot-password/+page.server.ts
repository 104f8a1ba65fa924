import { fail, redirect } from '@sveltejs/kit';
import { RequestPasswordResetDocument } from '$lib/graphql/__generated__/graphql.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, formText } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.session.user) redirect(303, '/profile/security');
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const email = formText(await request.formData(), 'email').trim();
    if (!email.includes('@')) return fail(400, { email, message: m.auth_enter_account_email(), code: 'INPUT' });
    try {
      await locals.anonymousApi.mutate(RequestPasswordResetDocument, { tenant: locals.tenant ?? null, email });
    } catch (error) {
      return apiFailure(error, { email });
    }
    return { sent: true, email };
  },
};
