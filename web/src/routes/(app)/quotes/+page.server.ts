import { QuotesDocument } from '$lib/graphql/__generated__/graphql.ts';
import { PAGE_SIZE, parseQuoteFilters, quotesWhere } from './quote-filters.ts';
import type { PageServerLoad } from './$types';

/** Newest request first, 20 a page; filters live in the address. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const { filters, problems } = parseQuoteFilters(url.searchParams);
  const data = await locals.api.query(QuotesDocument, { where: quotesWhere(filters), limit: PAGE_SIZE, offset: (filters.page - 1) * PAGE_SIZE });
  return { filters, problems, quotes: data.quotes, total: data.total.aggregate?.count ?? 0, pageSize: PAGE_SIZE };
};
