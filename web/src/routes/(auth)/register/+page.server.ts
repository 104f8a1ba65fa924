import { fail, redirect } from '@sveltejs/kit';
import { LANGUAGES } from '@portal/common';
import { z } from 'zod';
import { RegisterDocument } from '$lib/graphql/__generated__/graphql.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, formText } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** Built per request: its messages are in the request's language. */
function registrationSchema() {
  const name = (missing: () => string) => z.string().trim().min(1, { error: missing }).max(100, { error: m.auth_name_too_long });
  return z.object({
    customerCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { error: m.auth_customer_code_invalid }),
    firstName: name(m.auth_first_name_missing),
    lastName: name(m.auth_last_name_missing),
    email: z.string().trim().toLowerCase().max(254, { error: m.auth_email_invalid }).regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, { error: m.auth_email_invalid }),
    password: z.string().min(8, { error: m.auth_password_too_short }).max(128, { error: m.auth_password_too_long }),
    preferredLanguage: z.enum(LANGUAGES, { error: m.auth_language_invalid }),
  });
}

export const load: PageServerLoad = ({ locals }) => {
  if (locals.session.user) redirect(303, '/');
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await request.formData();
    const fields = ['customerCode', 'firstName', 'lastName', 'email', 'password', 'preferredLanguage'] as const;
    const raw = Object.fromEntries(fields.map((name) => [name, formText(form, name)])) as Record<(typeof fields)[number], string>;
    const values = { ...raw, password: '' };
    const input = registrationSchema().safeParse(raw);
    if (!input.success) {
      const errors = Object.fromEntries(input.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
      return fail(400, { values, errors, message: m.auth_register_needs_another_look(), code: 'INPUT' });
    }
    try {
      await locals.anonymousApi.mutate(RegisterDocument, { tenant: locals.tenant ?? null, ...input.data });
    } catch (error) {
      return apiFailure(error, { values, errors: {} as Record<string, string> });
    }
    return { registered: true, email: input.data.email };
  },
};
