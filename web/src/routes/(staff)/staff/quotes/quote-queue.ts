import type { QuoteStatus } from '@portal/common';
import { m } from '../../../../lib/paraglide/messages.js';

/**
 * The quotes staff have to price, one section per status in the order the queue is worked
 * through: new requests (DRAFT) first, then the customers' change requests, which answer with a
 * new revision. The dashboard count and the queue both follow this list. Headings are message
 * functions, worded when a request is answered.
 */
export const PRICING_QUEUE = [
  { status: 'DRAFT', heading: m.staff_queue_new_requests },
  { status: 'CHANGES_REQUESTED', heading: m.staff_queue_changes_requested },
] as const satisfies readonly { status: QuoteStatus; heading: () => string }[];

export type StatusToPrice = (typeof PRICING_QUEUE)[number]['status'];

export const QUOTE_STATUSES_TO_PRICE: StatusToPrice[] = PRICING_QUEUE.map((section) => section.status);

/** Quotes shown per section, oldest first; the section says how many more are waiting. */
export const QUEUE_LIMIT = 50;
