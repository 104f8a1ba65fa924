import type { Queryable } from '../db/transaction.ts';
import { utcDay } from './quote-rules.ts';

/**
 * Moves every PRICED quote whose `valid_until` day has passed to EXPIRED and writes one activity row
 * per quote, in one statement (a busy day can expire thousands; the audit rows have no person, the
 * job acts). A quote being approved at the same moment holds its row lock: this waits, then skips it
 * because it is no longer PRICED. Returns how many expired.
 */
export async function expireQuotes(tx: Queryable, now: Date): Promise<number> {
  const { rowCount } = await tx.query(
    `with expired as (
       update public.quotes set status = 'EXPIRED'
        where status = 'PRICED' and valid_until < $1::date
        returning id, tenant_id, customer_id, quote_number, revision, valid_until
     )
     insert into public.customer_activity_log (tenant_id, customer_id, actor_role, action, entity_type, entity_id, details, created_at)
     select tenant_id, customer_id, 'system', 'quote.expired', 'quotes', id,
            jsonb_build_object('quote_number', quote_number, 'revision', revision, 'valid_until', valid_until), $2
       from expired`,
    [utcDay(now), now],
  );
  return rowCount ?? 0;
}
