import { error } from '@sveltejs/kit';
import { CompanyActivityDocument } from '$lib/graphql/__generated__/graphql.ts';
import { activityCsv, activityWhere, readActivityFilters } from '$lib/company/activity-log.ts';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/request-locals.ts';
import type { RequestHandler } from './$types';

/** The most rows one export holds; narrow the filters for older entries. */
const EXPORT_LIMIT = 10_000;

/** The activity log with the page's filters as a CSV download. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  if (user.role !== 'customer_admin') error(403, m.company_activity_only_admins());
  const filters = readActivityFilters(url.searchParams);
  const { entries } = await locals.api.query(CompanyActivityDocument, { where: activityWhere(filters), limit: EXPORT_LIMIT, offset: 0 });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(activityCsv(entries), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="activity-${stamp}.csv"`, 'cache-control': 'no-store' },
  });
};
