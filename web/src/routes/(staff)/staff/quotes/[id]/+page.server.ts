import { error, fail } from '@sveltejs/kit';
import { PriceQuoteDocument, StaffQuoteDetailDocument } from '$lib/graphql/__generated__/staff.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { specificationLines } from '$lib/specifications.ts';
import { todayIn } from '$lib/time-zones.ts';
import { QUOTE_STATUSES_TO_PRICE } from '../quote-queue.ts';
import { addDays, parsePricing, readPricing } from './pricing-form.ts';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How long new prices stay valid unless staff choose otherwise. */
const DEFAULT_VALIDITY_DAYS = 30;

async function loadQuote(locals: App.Locals, id: string) {
  if (!UUID.test(id)) error(404, m.staff_quote_not_found());
  const { quote } = await locals.api.query(StaffQuoteDetailDocument, { id: id.toLowerCase() });
  if (!quote) error(404, m.staff_quote_not_found());
  return quote;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  const quote = await loadQuote(locals, params.id);
  const lines = quote.lines.map(({ specifications, ...line }) => ({ ...line, specifications: specificationLines(specifications) }));
  const today = todayIn(user.timezone);
  return {
    quote: { ...quote, lines },
    canPrice: (QUOTE_STATUSES_TO_PRICE as readonly string[]).includes(quote.status),
    defaultValidUntil: addDays(today, DEFAULT_VALIDITY_DAYS),
    priced: url.searchParams.get('priced'),
  };
};

export const actions: Actions = {
  /** Prices every line as revision n+1; the action server refuses a quote that is not waiting for prices. */
  price: async ({ request, locals, params, url }) => {
    const user = requireUser(locals, url);
    const quote = await loadQuote(locals, params.id);
    const values = readPricing(await request.formData(), quote.lines.map((line) => line.id));
    const parsed = parsePricing(values, todayIn(user.timezone));
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors, message: m.staff_quote_prices_need_look(), code: 'INPUT' });
    let revision: number;
    try {
      revision = (await locals.api.mutate(PriceQuoteDocument, { quoteId: quote.id, ...parsed.input })).priced.revision;
    } catch (caught) {
      return apiFailure(caught, { values, errors: {} as Record<string, string> });
    }
    return { values, errors: {} as Record<string, string>, done: m.staff_quote_priced({ revision }) };
  },
};
