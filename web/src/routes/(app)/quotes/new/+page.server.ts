import { fail, redirect } from '@sveltejs/kit';
import { QuoteProductsDocument, RequestQuoteDocument } from '$lib/graphql/__generated__/graphql.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { todayIn } from '$lib/time-zones.ts';
import { parseQuoteRequest, readQuoteRequest, rowsToShow } from './quote-request-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { products } = await locals.api.query(QuoteProductsDocument, {});
  const chosen = url.searchParams.get('product') ?? '';
  const first = products.some((product) => product.id === chosen) ? [{ product: chosen, description: '', quantity: '', notes: '' }] : [];
  return { products, rows: rowsToShow(first) };
};

export const actions: Actions = {
  /** "Add a line" works without JavaScript: the same values come back with one more empty row. */
  addLine: async ({ request }) => {
    const values = readQuoteRequest(await request.formData());
    return { values: { ...values, lines: rowsToShow([...values.lines, { product: '', description: '', quantity: '', notes: '' }]) }, errors: {} as Record<string, string> };
  },
  request: async ({ request, locals, url }) => {
    const user = requireUser(locals, url);
    const values = readQuoteRequest(await request.formData());
    const { products } = await locals.api.query(QuoteProductsDocument, {});
    const names = new Map(products.map((product) => [product.id, product.name]));
    const parsed = parseQuoteRequest(values, (id) => names.get(id), todayIn(user.timezone));
    const again = { values: { ...values, lines: rowsToShow(values.lines) } };
    if (!parsed.ok) return fail(400, { ...again, errors: parsed.errors, message: m.quotes_request_needs_another_look(), code: 'INPUT' });
    let created: { id: string } | null | undefined;
    try {
      created = (await locals.api.mutate(RequestQuoteDocument, { quote: parsed.quote })).quote;
    } catch (caught) {
      return apiFailure(caught, { ...again, errors: {} as Record<string, string> });
    }
    if (!created) return fail(403, { ...again, errors: {}, message: m.quotes_request_forbidden(), code: 'FORBIDDEN' });
    redirect(303, `/quotes/${created.id}?requested=1`);
  },
};
