import { StaffOrdersDocument } from '$lib/graphql/__generated__/staff.ts';
import { m } from '$lib/paraglide/messages.js';
import { PAGE_SIZE, parseStaffOrderFilters, staffOrdersWhere } from './staff-order-filters.ts';
import type { PageServerLoad } from './$types';

/** The whole tenant's orders, newest first, 20 a page; filters live in the address so they survive reloads and links. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const { filters, problems } = parseStaffOrderFilters(url.searchParams);
  const data = await locals.api.query(StaffOrdersDocument, {
    where: staffOrdersWhere(filters),
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  });
  if (filters.customer && !data.customers.some((customer) => customer.id === filters.customer)) {
    problems.push(m.staff_orders_unknown_customer());
  }
  return { filters, problems, orders: data.orders, total: data.total.aggregate?.count ?? 0, customers: data.customers, pageSize: PAGE_SIZE };
};
