import type { QuoteStatus } from '@portal/common';

/**
 * The quotes staff have to price, one section per status in the order the queue is worked
 * through: new requests (DRAFT) first, then the customers' change requests, which answer with a
 * new revision. The dashboard count and the queue both follow this list.
 */
export const PRICING_QUEUE = [
  { status: 'DRAFT', heading: 'New requests' },
  { status: 'CHANGES_REQUESTED', heading: 'Changes requested' },
] as const satisfies readonly { status: QuoteStatus; heading: string }[];

export type StatusToPrice = (typeof PRICING_QUEUE)[number]['status'];

export const QUOTE_STATUSES_TO_PRICE: StatusToPrice[] = PRICING_QUEUE.map((section) => section.status);

/** Quotes shown per section, oldest first; the section says how many more are waiting. */
export const QUEUE_LIMIT = 50;
