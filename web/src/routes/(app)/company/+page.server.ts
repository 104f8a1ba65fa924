import { error, fail } from '@sveltejs/kit';
import {
  AddEmailDomainDocument,
  CompanyDocument,
  CompanyEmailDomainsDocument,
  RemoveEmailDomainDocument,
  SetApprovalLimitDocument,
  SetRequireMfaDocument,
} from '$lib/graphql/__generated__/graphql.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, formText } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { parseApprovalLimit } from './approval-limit-form.ts';
import type { Actions, PageServerLoad } from './$types';

/** Every customer role sees its own company (the engine's row filter); only its admin may change it. */
async function ownCompany(locals: App.Locals) {
  const { companies } = await locals.api.query(CompanyDocument, {});
  const company = companies[0];
  if (!company) error(404, m.company_not_found());
  return company;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  const canEdit = user.role === 'customer_admin';
  const domains = canEdit ? (await locals.api.query(CompanyEmailDomainsDocument, {})).domains : [];
  return { company: await ownCompany(locals), canEdit, domains, ownDomain: user.email.slice(user.email.lastIndexOf('@') + 1) };
};

export const actions: Actions = {
  limit: async ({ request, locals, url }) => {
    const user = requireUser(locals, url);
    const raw = String((await request.formData()).get('approval_limit') ?? '');
    if (user.role !== 'customer_admin') return fail(403, { action: 'limit', raw, error: '', message: m.company_only_admins_settings(), code: 'FORBIDDEN' });
    const parsed = parseApprovalLimit(raw);
    if (!parsed.ok) return fail(400, { action: 'limit', raw, error: parsed.error, message: m.company_limit_needs_another_look(), code: 'INPUT' });
    const company = await ownCompany(locals);
    try {
      await locals.api.mutate(SetApprovalLimitDocument, { id: company.id, limit: parsed.limit });
    } catch (caught) {
      return apiFailure(caught, { action: 'limit', raw, error: '' });
    }
    return { action: 'limit', raw: parsed.limit ?? '', error: '', saved: true };
  },
  mfa: async ({ request, locals, url }) => {
    const user = requireUser(locals, url);
    if (user.role !== 'customer_admin') return fail(403, { action: 'mfa', message: m.company_only_admins_settings(), code: 'FORBIDDEN' });
    const require = formText(await request.formData(), 'require') === 'true';
    const company = await ownCompany(locals);
    try {
      await locals.api.mutate(SetRequireMfaDocument, { id: company.id, require });
    } catch (caught) {
      return apiFailure(caught, { action: 'mfa' });
    }
    return { action: 'mfa', done: require ? m.company_mfa_required_done() : m.company_mfa_not_required_done() };
  },
  addDomain: async ({ request, locals, url }) => {
    requireUser(locals, url);
    const domain = formText(await request.formData(), 'domain').trim();
    try {
      await locals.api.mutate(AddEmailDomainDocument, { domain });
    } catch (caught) {
      return apiFailure(caught, { action: 'domain', domain });
    }
    return { action: 'domain', done: m.company_domain_added_done({ domain: domain.toLowerCase() }) };
  },
  removeDomain: async ({ request, locals, url }) => {
    requireUser(locals, url);
    const domainId = formText(await request.formData(), 'domainId');
    try {
      await locals.api.mutate(RemoveEmailDomainDocument, { domainId });
    } catch (caught) {
      return apiFailure(caught, { action: 'domain' });
    }
    return { action: 'domain', done: m.company_domain_removed_done() };
  },
};
