import type { Queryable } from '../db/transaction.ts';
import type { NextState } from './webhook-retry.ts';

/** A delivery taken for an attempt, with what the attempt needs from its endpoint. */
export interface ClaimedDelivery {
  id: string;
  endpoint_id: string;
  event_id: string;
  body: string;
  attempt_count: number;
  url: string;
  secret_sealed: string;
}

const CLAIMED_COLUMNS = 'd.id, d.endpoint_id, d.event_id, d.body, d.attempt_count, w.url, w.secret_sealed';

/**
 * Pending deliveries of endpoints turned off since they were queued end FAILED without an attempt:
 * the admin turned the endpoint off, so nothing more is sent to it.
 */
export async function failDeliveriesOfInactiveEndpoints(db: Queryable, now: Date): Promise<number> {
  const result = await db.query(
    `update public.webhook_deliveries d
        set status = 'FAILED', next_attempt_at = null, last_error = 'The endpoint was turned off before this was sent.', updated_at = $1
       from public.webhook_endpoints w
      where w.id = d.endpoint_id and not w.active and d.status = 'PENDING' and d.next_attempt_at <= $1`,
    [now],
  );
  return result.rowCount ?? 0;
}

/**
 * Takes up to `limit` due deliveries for an attempt: counts the attempt and moves the next one to
 * `leaseUntil`, so another run (or a crash mid-send) cannot send twice at once; if this run dies,
 * the row is due again when the lease ends. `skip locked` lets parallel runs share the queue.
 */
export async function claimDueDeliveries(db: Queryable, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
  const result = await db.query<ClaimedDelivery>(
    `with due as (
       select d.id from public.webhook_deliveries d
        where d.status = 'PENDING' and d.next_attempt_at <= $1
        order by d.next_attempt_at
        limit $3
        for update skip locked)
     update public.webhook_deliveries d
        set attempt_count = d.attempt_count + 1, last_attempt_at = $1, next_attempt_at = $2
       from due, public.webhook_endpoints w
      where d.id = due.id and w.id = d.endpoint_id and w.active
     returning ${CLAIMED_COLUMNS}`,
    [now, leaseUntil, limit],
  );
  return result.rows;
}

/** Writes an attempt's result onto its delivery (only while it is still PENDING: a result lands once). */
export async function recordAttempt(db: Queryable, deliveryId: string, state: NextState, responseCode: number | null, now: Date): Promise<void> {
  await db.query(
    `update public.webhook_deliveries
        set status = $2, next_attempt_at = $3, last_response_code = $4, last_error = $5,
            delivered_at = case when $2 = 'DELIVERED' then $6::timestamptz end, updated_at = $6
      where id = $1 and status = 'PENDING'`,
    [deliveryId, state.status, state.nextAttemptAt, responseCode, state.error, now],
  );
}
