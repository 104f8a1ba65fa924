import type { QuoteStatus } from '@portal/common';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import type { RevisionLine } from './quote-evidence.ts';

/** A quote as the decisions need it. Money as decimal strings, dates as `YYYY-MM-DD`. */
export interface QuoteRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  quote_number: string;
  status: QuoteStatus;
  title: string;
  currency_code: string;
  revision: number;
  subtotal: string | null;
  total_amount: string | null;
  valid_until: string | null;
  requested_by: string | null;
  customer_po_number: string | null;
  needed_by: string | null;
  converted_order_id: string | null;
}

const SELECT_QUOTE = `
  select id, tenant_id, customer_id, quote_number, status, title, currency_code, revision, subtotal::text,
         total_amount::text, valid_until::text, requested_by, customer_po_number, needed_by::text, converted_order_id
    from public.quotes`;

/** Whose quotes a caller may touch: staff their tenant's, customers their company's. */
export type QuoteScope = { tenantId: string } | { customerId: string };

/**
 * The quote, locked until the transaction ends, if it is in the caller's scope; undefined otherwise
 * (another company's quote is indistinguishable from none, and is not locked). Everything that
 * changes a quote takes this lock first, so concurrent decisions run one after the other and the
 * second sees what the first did.
 */
export function lockQuote(tx: Queryable, quoteId: string, scope: QuoteScope): Promise<QuoteRow | undefined> {
  const [column, value] = 'tenantId' in scope ? ['tenant_id', scope.tenantId] : ['customer_id', scope.customerId];
  return maybeOne<QuoteRow>(tx, `${SELECT_QUOTE} where id = $1 and ${column} = $2 for update`, [quoteId, value]);
}

/** A stored revision, money as decimal strings. */
export interface RevisionRow {
  id: string;
  revision: number;
  currency_code: string;
  valid_until: string;
  subtotal: string;
  setup_amount: string;
  tax_amount: string;
  shipping_amount: string;
  total_amount: string;
  lines: RevisionLine[];
  content_hash: string;
}

export function findRevision(db: Queryable, quoteId: string, revision: number): Promise<RevisionRow | undefined> {
  return maybeOne<RevisionRow>(
    db,
    `select id, revision, currency_code, valid_until::text, subtotal::text, setup_amount::text, tax_amount::text,
            shipping_amount::text, total_amount::text, lines, content_hash
       from public.quote_revisions where quote_id = $1 and revision = $2`,
    [quoteId, revision],
  );
}
