import { QUOTE_STATUSES, type QuoteStatus } from '@portal/common';
import { m } from './paraglide/messages.js';

/** Each label is read in the current request's language (getters: the locale is per request). */
export const QUOTE_STATUS_LABELS: Readonly<Record<QuoteStatus, string>> = {
  get DRAFT() { return m.quotes_status_draft(); },
  get PRICED() { return m.quotes_status_priced(); },
  get CONVERTED() { return m.quotes_status_converted(); },
  get REJECTED() { return m.quotes_status_rejected(); },
  get EXPIRED() { return m.quotes_status_expired(); },
  get CHANGES_REQUESTED() { return m.quotes_status_changes_requested(); },
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
