import { OrdersDocument } from '$lib/graphql/__generated__/graphql.ts';
import { PAGE_SIZE, ordersWhere, parseOrderFilters } from './order-filters.ts';
import type { PageServerLoad } from './$types';

/** Newest first, 20 a page, with the total for the pager; filters live in the address so they survive reloads and links. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const loadedAt = new Date().toISOString();
  const { filters, problems } = parseOrderFilters(url.searchParams);
  const timeZone = locals.session.user?.timezone ?? 'UTC';
  const data = await locals.api.query(OrdersDocument, {
    where: ordersWhere(filters, timeZone),
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  });
  return { loadedAt, filters, problems, orders: data.orders, total: data.total.aggregate?.count ?? 0, pageSize: PAGE_SIZE };
};
