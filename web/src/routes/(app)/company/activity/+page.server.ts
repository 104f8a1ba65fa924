import { error } from '@sveltejs/kit';
import { CompanyActivityDocument } from '$lib/graphql/__generated__/graphql.ts';
import { activityWhere, readActivityFilters } from '$lib/company/activity-log.ts';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/request-locals.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  if (user.role !== 'customer_admin') error(403, m.company_activity_only_admins());
  const filters = readActivityFilters(url.searchParams);
  const where = activityWhere(filters);
  const result = await locals.api.query(CompanyActivityDocument, { where, limit: PAGE_SIZE, offset: (filters.page - 1) * PAGE_SIZE });
  return { filters, entries: result.entries, total: result.total.aggregate?.count ?? 0, people: result.people, pageSize: PAGE_SIZE };
};
