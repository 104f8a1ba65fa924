import { OPEN_SALES_ORDER_STATUSES } from '@portal/common';
import { DashboardDocument } from '$lib/graphql/__generated__/graphql.ts';
import type { PageServerLoad } from './$types';

/** One round trip: the engine answers all four root fields from one SQL statement. */
export const load: PageServerLoad = async ({ locals }) => {
  const loadedAt = new Date().toISOString();
  const data = await locals.api.query(DashboardDocument, { openStatuses: [...OPEN_SALES_ORDER_STATUSES], recent: 5 });
  return {
    loadedAt,
    counts: {
      openOrders: data.openOrders.aggregate?.count ?? 0,
      quotesAwaitingApproval: data.quotesAwaitingApproval.aggregate?.count ?? 0,
      proofsAwaitingReview: data.proofsAwaitingReview.aggregate?.count ?? 0,
    },
    recentOrders: data.recentOrders,
  };
};
