import { contentHash, type RevisionLine } from '@portal/actions/quote-evidence';
import { centsToNumeric, numericToCents } from './money.ts';
import type { QuoteAcceptanceRow, QuoteLineRow, QuoteRevisionRow, QuoteRow } from './tables.ts';

/**
 * The revision and acceptance rows a priced or approved quote implies, in exactly the form the
 * action server writes them (lines, canonical JSON, SHA-256 from `@portal/actions/quote-evidence`),
 * so seeded evidence verifies like real evidence.
 */
export function revisionLines(lines: readonly QuoteLineRow[], skuOf: (productId: string | null) => string | null): RevisionLine[] {
  return [...lines].sort((a, b) => a.line_number - b.line_number).map((line) => {
    const unitCents = numericToCents(line.unit_price ?? '0');
    return {
      line_id: line.id, line_number: line.line_number, product_id: line.product_id, sku: skuOf(line.product_id),
      description: line.description, specifications: line.specifications as Record<string, unknown>, quantity: line.quantity,
      unit_price: centsToNumeric(unitCents), line_total: centsToNumeric(unitCents * line.quantity),
    };
  });
}

/** The quote's current revision as staff priced it (the quote must be priced). */
export function revisionRow(id: string, quote: QuoteRow, lines: RevisionLine[]): QuoteRevisionRow {
  if (quote.revision < 1 || !quote.subtotal || !quote.valid_until || !quote.priced_at) throw new Error(`quote ${quote.id} is not priced`);
  const total = [quote.subtotal, quote.setup_amount, quote.tax_amount, quote.shipping_amount].reduce((sum, v) => sum + numericToCents(v), 0);
  const content = {
    quote_id: quote.id, revision: quote.revision, currency_code: quote.currency_code, valid_until: quote.valid_until,
    subtotal: quote.subtotal, setup_amount: quote.setup_amount, tax_amount: quote.tax_amount,
    shipping_amount: quote.shipping_amount, total_amount: centsToNumeric(total), lines,
  };
  return {
    id, tenant_id: quote.tenant_id, customer_id: quote.customer_id, quote_id: quote.id, revision: quote.revision,
    priced_at: quote.priced_at, priced_by: quote.priced_by, valid_until: quote.valid_until, currency_code: quote.currency_code,
    subtotal: quote.subtotal, setup_amount: quote.setup_amount, tax_amount: quote.tax_amount,
    shipping_amount: quote.shipping_amount, note_to_customer: quote.note_to_customer, lines, content_hash: contentHash(content),
    created_at: quote.priced_at,
  };
}

export interface AcceptanceFacts {
  id: string;
  orderId: string;
  acceptedBy: { id: string; role: string };
  ip: string | null;
  userAgent: string | null;
  customerPoNumber: string | null;
}

/** The evidence of a CONVERTED quote's approval, of its current revision, at its decision time. */
export function acceptanceRow(quote: QuoteRow, revision: QuoteRevisionRow, facts: AcceptanceFacts): QuoteAcceptanceRow {
  if (quote.status !== 'CONVERTED' || !quote.decided_at) throw new Error(`quote ${quote.id} was not approved`);
  return {
    id: facts.id, tenant_id: quote.tenant_id, customer_id: quote.customer_id, quote_id: quote.id, order_id: facts.orderId,
    revision: revision.revision, accepted_by: facts.acceptedBy.id, accepted_role: facts.acceptedBy.role, accepted_at: quote.decided_at,
    ip: facts.ip, user_agent: facts.userAgent, mfa_used: false, content_hash: revision.content_hash,
    customer_po_number: facts.customerPoNumber, created_at: quote.decided_at,
  };
}
