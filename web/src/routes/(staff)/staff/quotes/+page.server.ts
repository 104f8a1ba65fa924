import { StaffQuoteQueueDocument } from '$lib/graphql/__generated__/staff.ts';
import { PRICING_QUEUE, QUEUE_LIMIT } from './quote-queue.ts';
import type { PageServerLoad } from './$types';

/** One query per section, in the queue's order, each served by the (tenant, status, requested_at) index. */
export const load: PageServerLoad = async ({ locals }) => {
  const sections = await Promise.all(
    PRICING_QUEUE.map(async ({ status, heading }) => {
      const data = await locals.api.query(StaffQuoteQueueDocument, { status, limit: QUEUE_LIMIT });
      const quotes = data.quotes.map(({ lines, ...quote }) => ({ ...quote, lineCount: lines.length }));
      return { status, heading: heading(), quotes, total: data.total.aggregate?.count ?? 0 };
    }),
  );
  return { sections };
};
