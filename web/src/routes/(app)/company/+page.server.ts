import { error, fail } from '@sveltejs/kit';
import { CompanyDocument, SetApprovalLimitDocument } from '$lib/graphql/__generated__/graphql.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { parseApprovalLimit } from './approval-limit-form.ts';
import type { Actions, PageServerLoad } from './$types';

/** Every customer role sees its own company (the engine's row filter); only its admin may change the limit. */
async function ownCompany(locals: App.Locals) {
  const { companies } = await locals.api.query(CompanyDocument, {});
  const company = companies[0];
  if (!company) error(404, 'We could not find your company.');
  return company;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  return { company: await ownCompany(locals), canEdit: user.role === 'customer_admin' };
};

export const actions: Actions = {
  limit: async ({ request, locals, url }) => {
    const user = requireUser(locals, url);
    const raw = String((await request.formData()).get('approval_limit') ?? '');
    if (user.role !== 'customer_admin') return fail(403, { raw, error: '', message: 'Only a portal administrator of your company may change the approval limit.', code: 'FORBIDDEN' });
    const parsed = parseApprovalLimit(raw);
    if (!parsed.ok) return fail(400, { raw, error: parsed.error, message: 'The approval limit needs another look.', code: 'INPUT' });
    const company = await ownCompany(locals);
    try {
      await locals.api.mutate(SetApprovalLimitDocument, { id: company.id, limit: parsed.limit });
    } catch (caught) {
      return apiFailure(caught, { raw, error: '' });
    }
    return { raw: parsed.limit ?? '', error: '', saved: true };
  },
};
