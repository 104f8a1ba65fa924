import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { AcceptInvitationDocument } from '$lib/graphql/__generated__/graphql.ts';
import { newPasswordErrors } from '$lib/forms/new-password.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, formText } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const names = z.object({ firstName: z.string().trim().min(1).max(100), lastName: z.string().trim().min(1).max(100) });

/** The invitation email's link opens this page; nothing happens until the person submits the form. */
export const load: PageServerLoad = ({ url }) => ({ hasToken: (url.searchParams.get('token') ?? '').length >= 16 });

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const form = await request.formData();
    const values = { firstName: formText(form, 'firstName'), lastName: formText(form, 'lastName') };
    const password = formText(form, 'password');
    const parsed = names.safeParse(values);
    if (!parsed.success) return fail(400, { ...values, errors: {}, message: m.auth_enter_names(), code: 'INPUT' });
    const errors = newPasswordErrors(password, formText(form, 'confirmPassword'));
    if (errors) return fail(400, { ...values, errors, message: Object.values(errors)[0], code: 'INPUT' });
    try {
      await locals.anonymousApi.mutate(AcceptInvitationDocument, { token: url.searchParams.get('token') ?? '', password, ...parsed.data });
    } catch (error) {
      return apiFailure(error, { ...values, errors: {} });
    }
    redirect(303, '/sign-in?notice=invitation-accepted');
  },
};
