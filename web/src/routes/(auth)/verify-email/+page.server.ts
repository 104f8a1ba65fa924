import { fail, redirect } from '@sveltejs/kit';
import { ResendVerificationEmailDocument, VerifyEmailDocument } from '$lib/graphql/__generated__/graphql.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, formText } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** The link in the email opens this page; confirming is a POST so that link scanners cannot spend the token. */
export const load: PageServerLoad = ({ url }) => ({ hasToken: Boolean(url.searchParams.get('token')) });

export const actions: Actions = {
  confirm: async ({ request, locals }) => {
    const token = formText(await request.formData(), 'token');
    if (token.length < 16) return fail(400, { message: m.auth_invalid_link(), code: 'INVALID_TOKEN' });
    let approvalPending: boolean;
    try {
      ({ customerVerifyEmail: { approvalPending } } = await locals.anonymousApi.mutate(VerifyEmailDocument, { token }));
    } catch (error) {
      return apiFailure(error, {});
    }
    if (approvalPending) redirect(303, '/sign-in?notice=awaiting-approval');
    redirect(303, locals.session.user ? '/' : '/sign-in?notice=email-confirmed');
  },
  resend: async ({ request, locals }) => {
    const email = formText(await request.formData(), 'email').trim();
    if (!email.includes('@')) return fail(400, { email, message: m.auth_enter_registered_email(), code: 'INPUT' });
    try {
      await locals.anonymousApi.mutate(ResendVerificationEmailDocument, { tenant: locals.tenant ?? null, email });
    } catch (error) {
      return apiFailure(error, { email });
    }
    return { sent: true, email };
  },
};
