import { QUOTE_STATUSES, type QuoteStatus } from '@portal/common';
import { m } from './paraglide/messages.js';

const LABELS: Record<QuoteStatus, () => string> = {
  DRAFT: m.quote_status_draft,
  PRICED: m.quote_status_priced,
  CONVERTED: m.quote_status_converted,
  REJECTED: m.quote_status_rejected,
  EXPIRED: m.quote_status_expired,
  CHANGES_REQUESTED: m.quote_status_changes_requested,
};

/** Badge colours (the text always says the status too). */
export const QUOTE_STATUS_TONES: Record<QuoteStatus, 'info' | 'progress' | 'success' | 'warning' | 'neutral'> = {
  DRAFT: 'info',
  PRICED: 'warning',
  CONVERTED: 'success',
  REJECTED: 'neutral',
  EXPIRED: 'neutral',
  CHANGES_REQUESTED: 'progress',
};

export function isQuoteStatus(value: string): value is QuoteStatus {
  return (QUOTE_STATUSES as readonly string[]).includes(value);
}

/** The status's name in the page's language; an unknown value as it is. */
export function quoteStatusLabel(value: string): string {
  return isQuoteStatus(value) ? LABELS[value]() : value;
}
