import type { ErrorCode, QuoteStatus, UserRole } from '@portal/common';

/** Who decides on a priced quote (approve, reject, ask for changes). */
export const QUOTE_DECIDERS: readonly UserRole[] = ['customer_approver', 'customer_admin'];

/** Every customer role may reorder. */
export const REORDERERS: readonly UserRole[] = ['customer_user', 'customer_approver', 'customer_admin'];

/**
 * The calendar day of an instant in UTC, `YYYY-MM-DD`. Validity dates are UTC days: a quote is valid
 * through its `valid_until` day and expired from the next.
 */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Why a customer may not decide on this quote today, or null when they may. */
export function decisionRefusal(quote: { status: QuoteStatus; valid_until: string | null }, today: string): ErrorCode | null {
  switch (quote.status) {
    case 'CONVERTED':
      return 'QUOTE_ALREADY_CONVERTED';
    case 'REJECTED':
      return 'QUOTE_ALREADY_DECIDED';
    case 'EXPIRED':
      return 'QUOTE_EXPIRED';
    case 'DRAFT':
    case 'CHANGES_REQUESTED':
      return 'QUOTE_NOT_PRICED';
    case 'PRICED':
      // The expiry job may not have run yet: the date decides, not the status.
      return quote.valid_until === null || quote.valid_until < today ? 'QUOTE_EXPIRED' : null;
  }
}

/** Staff price a new request or answer a change request; a quote in any other status is not theirs to price. */
export function pricingRefusal(status: QuoteStatus): ErrorCode | null {
  return status === 'DRAFT' || status === 'CHANGES_REQUESTED' ? null : 'QUOTE_NOT_PRICEABLE';
}

/** Above the company's approval limit (null: none) only someone acting as customer_admin may approve. */
export function exceedsApprovalLimit(totalCents: bigint, limitCents: bigint | null, role: UserRole): boolean {
  return limitCents !== null && totalCents > limitCents && role !== 'customer_admin';
}
