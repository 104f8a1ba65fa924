import { error, fail, redirect } from '@sveltejs/kit';
import { artworkWhere } from '$lib/artwork/artwork-target.ts';
import { ApproveQuoteDocument, ArtworkFilesDocument, QuoteDetailDocument, RejectQuoteDocument, RequestQuoteChangesDocument } from '$lib/graphql/__generated__/graphql.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { specificationLines } from '$lib/specifications.ts';
import { daysBetween, todayIn } from '$lib/time-zones.ts';
import { mayDecide } from '$lib/user.ts';
import { approvalForm, changesForm, parseDecision, rejectionForm } from './quote-decision-form.ts';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Another company's quote is invisible to this session, so it is "not found" like one that does not exist. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  if (!UUID.test(params.id)) error(404, m.quotes_not_found());
  const id = params.id.toLowerCase();
  const [{ quote }, { files: artwork }] = await Promise.all([
    locals.api.query(QuoteDetailDocument, { id }),
    locals.api.query(ArtworkFilesDocument, { where: artworkWhere({ quoteId: id }) }),
  ]);
  if (!quote) error(404, m.quotes_not_found());
  const lines = quote.lines.map(({ specifications, ...line }) => ({ ...line, specifications: specificationLines(specifications) }));
  const daysLeft = quote.valid_until ? daysBetween(todayIn(user.timezone), quote.valid_until) : null;
  const decidable = quote.status === 'PRICED' && daysLeft !== null && daysLeft >= 0;
  return { quote: { ...quote, lines }, artwork, daysLeft, canDecide: decidable && mayDecide(user.role), decidable, notice: noticeFor(url, quote.quote_number) };
};

/** What the page says after the step that led here: a new request, or a reorder that needed prices. */
function noticeFor(url: URL, quoteNumber: string): string | null {
  if (url.searchParams.has('requested')) return m.quotes_notice_requested({ quoteNumber });
  const unpriced = Number(url.searchParams.get('reorder'));
  if (unpriced > 0) return m.quotes_notice_reorder({ count: unpriced, quoteNumber });
  return null;
}

/** Each decision names the quote in the address; the action server re-checks everything under a row lock. */
export const actions: Actions = {
  approve: async ({ request, locals, params }) => {
    const parsed = parseDecision(approvalForm(), await request.formData());
    if (!parsed.ok) return fail(400, { action: 'approve', errors: parsed.errors, message: m.quotes_needs_another_look(), code: 'INPUT' });
    let orderId: string;
    try {
      const { approval } = await locals.api.mutate(ApproveQuoteDocument, { quoteId: params.id, ...parsed.value });
      orderId = approval.orderId;
    } catch (caught) {
      return apiFailure(caught, { action: 'approve', errors: {} as Record<string, string> });
    }
    redirect(303, `/orders/${orderId}?approved=1`);
  },
  reject: async ({ request, locals, params }) => {
    const parsed = parseDecision(rejectionForm(), await request.formData());
    if (!parsed.ok) return fail(400, { action: 'reject', errors: parsed.errors, message: m.quotes_reject_reason_needed(), code: 'INPUT' });
    try {
      await locals.api.mutate(RejectQuoteDocument, { quoteId: params.id, reason: parsed.value.reason });
    } catch (caught) {
      return apiFailure(caught, { action: 'reject', errors: {} as Record<string, string> });
    }
    return { action: 'reject', done: m.quotes_rejected_done() };
  },
  changes: async ({ request, locals, params }) => {
    const parsed = parseDecision(changesForm(), await request.formData());
    if (!parsed.ok) return fail(400, { action: 'changes', errors: parsed.errors, message: m.quotes_changes_missing(), code: 'INPUT' });
    try {
      await locals.api.mutate(RequestQuoteChangesDocument, { quoteId: params.id, notes: parsed.value.notes });
    } catch (caught) {
      return apiFailure(caught, { action: 'changes', errors: {} as Record<string, string> });
    }
    return { action: 'changes', done: m.quotes_changes_done() };
  },
};
