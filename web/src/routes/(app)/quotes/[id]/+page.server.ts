import { error } from '@sveltejs/kit';
import { QuoteDetailDocument } from '$lib/graphql/__generated__/graphql.ts';
import type { PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = 'We could not find that quote. It may belong to another company, or the link may be wrong.';

/** Another company's quote is invisible to this session, so it is "not found" like one that does not exist. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  if (!UUID.test(params.id)) error(404, NOT_FOUND);
  const { quote } = await locals.api.query(QuoteDetailDocument, { id: params.id.toLowerCase() });
  if (!quote) error(404, NOT_FOUND);
  const lines = quote.lines.map(({ specifications, ...line }) => ({ ...line, notes: specificationNotes(specifications) }));
  return { quote: { ...quote, lines }, justRequested: url.searchParams.has('requested') };
};

function specificationNotes(specifications: unknown): string {
  if (specifications && typeof specifications === 'object' && 'notes' in specifications) {
    const notes = (specifications as { notes: unknown }).notes;
    if (typeof notes === 'string') return notes;
  }
  return '';
}
