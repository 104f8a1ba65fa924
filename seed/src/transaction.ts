import type pg from 'pg';
import { inTransaction } from '@portal/common/postgres';

/** Serialises seed runs against one database: a second run waits, then finds the data there. */
const SEED_LOCK_KEY = 'print-portal-seed';

/** Runs `work` in one transaction holding the seed lock; rolls back on any error. */
export async function inSeedTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  return inTransaction(client, async () => {
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [SEED_LOCK_KEY]);
    return work();
  });
}

/**
 * Runs `work` with the order-status triggers off, inside the caller's transaction. The history
 * trigger stamps each event with now(); seeded histories need past times, so the seed writes the
 * events itself, with the notifications those moves once sent (the notify trigger would queue
 * them again, as news). `alter table` locks the tables until commit; a rollback re-enables them.
 */
export async function withoutStatusTrigger<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('alter table public.sales_orders disable trigger sales_orders_record_status');
  await client.query('alter table public.order_status_events disable trigger order_status_events_notify');
  const result = await work();
  await client.query('alter table public.order_status_events enable trigger order_status_events_notify');
  await client.query('alter table public.sales_orders enable trigger sales_orders_record_status');
  return result;
}

/**
 * Points each order made from a converted quote back at its quote. Quotes and orders reference
 * each other with non-deferrable foreign keys, so one side has to be filled in after both exist.
 */
export async function linkConvertedQuotes(client: pg.ClientBase, tenantId: string): Promise<number> {
  const result = await client.query(
    `update public.sales_orders o set quote_id = q.id
       from public.quotes q
      where q.tenant_id = $1 and q.converted_order_id = o.id and o.quote_id is null`,
    [tenantId],
  );
  return result.rowCount ?? 0;
}
