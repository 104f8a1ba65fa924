import { fail, redirect } from '@sveltejs/kit';
import { LANGUAGES } from '@portal/common';
import { z } from 'zod';
import { RegisterDocument } from '$lib/graphql/__generated__/graphql.ts';
import { apiFailure, formText } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const registration = z.object({
  customerCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'Enter the customer code your printer gave you, such as BLUEPEAK.'),
  firstName: z.string().trim().min(1, 'Enter your first name.').max(100),
  lastName: z.string().trim().min(1, 'Enter your last name.').max(100),
  email: z.string().trim().toLowerCase().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Enter an email address such as name@company.com.').max(254),
  password: z.string().min(8, 'Use at least 8 characters.').max(128, 'Use at most 128 characters.'),
  preferredLanguage: z.enum(LANGUAGES),
});

export const load: PageServerLoad = ({ locals }) => {
  if (locals.session.user) redirect(303, '/');
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await request.formData();
    const fields = ['customerCode', 'firstName', 'lastName', 'email', 'password', 'preferredLanguage'] as const;
    const raw = Object.fromEntries(fields.map((name) => [name, formText(form, name)])) as Record<(typeof fields)[number], string>;
    const values = { ...raw, password: '' };
    const input = registration.safeParse(raw);
    if (!input.success) {
      const errors = Object.fromEntries(input.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
      return fail(400, { values, errors, message: 'Some of the details need another look.', code: 'INPUT' });
    }
    try {
      await locals.anonymousApi.mutate(RegisterDocument, { tenant: locals.tenant ?? null, ...input.data });
    } catch (error) {
      return apiFailure(error, { values, errors: {} as Record<string, string> });
    }
    return { registered: true, email: input.data.email };
  },
};
