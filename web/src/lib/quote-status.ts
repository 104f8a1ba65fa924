import { QUOTE_STATUSES, type QuoteStatus } from '@portal/common';

export const QUOTE_STATUS_LABELS: Record<QuoteStatus, string> = {
  DRAFT: 'Requested',
  PRICED: 'Awaiting approval',
  CONVERTED: 'Approved',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
  CHANGES_REQUESTED: 'Changes requested',
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
