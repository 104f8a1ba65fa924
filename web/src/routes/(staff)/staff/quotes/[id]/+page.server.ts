import { error } from '@sveltejs/kit';
import { StaffQuoteDetailDocument } from '$lib/graphql/__generated__/staff.ts';
import { specificationLines } from './specifications.ts';
import type { PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = 'We could not find that quote. The link may be wrong, or the quote belongs to another printer.';

export const load: PageServerLoad = async ({ locals, params }) => {
  if (!UUID.test(params.id)) error(404, NOT_FOUND);
  const { quote } = await locals.api.query(StaffQuoteDetailDocument, { id: params.id.toLowerCase() });
  if (!quote) error(404, NOT_FOUND);
  const lines = quote.lines.map(({ specifications, ...line }) => ({ ...line, specifications: specificationLines(specifications) }));
  return { quote: { ...quote, lines } };
};
