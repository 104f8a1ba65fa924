import { all, maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import type { Recipient } from '../notifications/outbox.ts';

const RECIPIENT = 'select id, tenant_id, customer_id, email, first_name, preferred_language from public.customer_users';

/** The tenant's active staff: who hears about customers' requests and decisions. */
export function tenantStaff(db: Queryable, tenantId: string): Promise<Recipient[]> {
  return all<Recipient>(db, `${RECIPIENT} where tenant_id = $1 and role = 'staff' and active order by email`, [tenantId]);
}

/**
 * The person who requested a quote, if still active and not opted out of "quote priced" emails
 * (`notification_preferences.quote_priced`, on unless set to false).
 */
export function quoteRequester(db: Queryable, userId: string | null): Promise<Recipient | undefined> {
  if (userId === null) return Promise.resolve(undefined);
  return maybeOne<Recipient>(
    db,
    `${RECIPIENT} where id = $1 and active and coalesce(notification_preferences ->> 'quote_priced', 'true') <> 'false'`,
    [userId],
  );
}
