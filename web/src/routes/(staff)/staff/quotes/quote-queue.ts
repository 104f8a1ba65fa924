import type { QuoteStatus } from '@portal/common';

/**
 * The quotes staff have to price, one section per status in the order the queue is worked
 * through: new requests (DRAFT) first. When the enum gains a status for a customer's requested
 * changes, it joins here, and the dashboard count and the queue both follow.
 */
export const PRICING_QUEUE = [{ status: 'DRAFT', heading: 'New requests' }] as const satisfies readonly { status: QuoteStatus; heading: string }[];

export type StatusToPrice = (typeof PRICING_QUEUE)[number]['status'];

export const QUOTE_STATUSES_TO_PRICE: StatusToPrice[] = PRICING_QUEUE.map((section) => section.status);

/** Quotes shown per section, oldest first; the section says how many more are waiting. */
export const QUEUE_LIMIT = 50;

/** A quote status in words ("CHANGES_REQUESTED" → "Changes requested"), for any value the enum has. */
export function quoteStatusLabel(status: string): string {
  const words = status.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
