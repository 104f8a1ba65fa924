import { OPEN_SALES_ORDER_STATUSES, SALES_ORDER_STATUSES } from '@portal/common';
import { StaffDashboardDocument } from '$lib/graphql/__generated__/staff.ts';
import { QUOTE_STATUSES_TO_PRICE } from './quotes/quote-queue.ts';
import type { PageServerLoad } from './$types';

/** One round trip: the quotes waiting for a price and the tenant's orders in each status. */
export const load: PageServerLoad = async ({ locals }) => {
  const data = await locals.api.query(StaffDashboardDocument, { toPrice: QUOTE_STATUSES_TO_PRICE });
  // Indexing by every status makes this fail to compile when the enum gains one the query lacks.
  const ordersByStatus = SALES_ORDER_STATUSES.map((status) => ({ status, count: data[status].aggregate?.count ?? 0 }));
  const openOrders = ordersByStatus.filter(({ status }) => OPEN_SALES_ORDER_STATUSES.includes(status)).reduce((sum, { count }) => sum + count, 0);
  return { quotesToPrice: data.quotesToPrice.aggregate?.count ?? 0, openOrders, ordersByStatus };
};
