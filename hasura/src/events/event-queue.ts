import type pg from 'pg';
import { sql } from '../sql/index.ts';
import { run, type InvocationRecord, type RetryDecision } from '../delivery/index.ts';

/** What the capture function stored: Hasura's `event` object. */
export interface StoredEvent {
  op: 'INSERT' | 'UPDATE' | 'DELETE' | 'MANUAL';
  data: { old: Record<string, unknown> | null; new: Record<string, unknown> | null };
  session_variables: Record<string, string> | null;
  trace_context?: unknown;
}

/** A row of `hdb_catalog.event_log` locked for delivery. */
export interface QueuedEvent {
  id: string;
  schema_name: string;
  table_name: string;
  trigger_name: string;
  payload: StoredEvent;
  tries: number;
  created_at: Date;
}

/** A lock older than this belongs to an engine that died mid-delivery (Hasura's value). */
const STALE_LOCK_MS = 30 * 60 * 1000;

/**
 * Locks and returns up to `limit` events due at `now` for the given triggers, oldest first.
 * `for update skip locked` lets several engines poll the same database without sharing an event.
 */
export async function lockDueEvents(pool: pg.Pool, triggerNames: string[], now: Date, limit: number): Promise<QueuedEvent[]> {
  const staleBefore = new Date(now.getTime() - STALE_LOCK_MS);
  return run<QueuedEvent>(pool, sql`update hdb_catalog.event_log set locked = ${sql.value(now)}
    where id in (
      select l.id from hdb_catalog.event_log l
      where l.delivered = false and l.error = false and l.archived = false
        and (l.locked is null or l.locked < ${sql.value(staleBefore)})
        and (l.next_retry_at is null or l.next_retry_at <= ${sql.value(now)})
        and l.trigger_name = any(${sql.value(triggerNames)}::text[])
      order by l.locked nulls first, l.next_retry_at nulls first, l.created_at
      limit ${sql.value(limit)}
      for update skip locked)
    returning id, schema_name, table_name, trigger_name, payload, tries, created_at`);
}

/** Delivered, or failed and then retried later or given up: logs the attempt and unlocks, atomically. */
export async function recordAttempt(pool: pg.Pool, event: QueuedEvent, record: InvocationRecord, result: 'delivered' | RetryDecision): Promise<void> {
  const delivered = result === 'delivered';
  const failed = !delivered && result.kind === 'error';
  const retryAt = !delivered && result.kind === 'retry' ? result.at : null;
  await run(pool, sql`with invocation as (
      insert into hdb_catalog.event_invocation_logs (event_id, trigger_name, status, request, response)
      values (${sql.value(event.id)}, ${sql.value(event.trigger_name)}, ${sql.value(record.status)},
        ${sql.value(JSON.stringify(record.request))}::json, ${sql.value(JSON.stringify(record.response))}::json))
    update hdb_catalog.event_log
    set tries = tries + 1, locked = null, delivered = ${sql.value(delivered)}, error = ${sql.value(failed)},
      next_retry_at = ${sql.value(retryAt)}::timestamptz
    where id = ${sql.value(event.id)}`);
}

/** Gives events back unattempted (stopping, or their trigger vanished), to be fetched again from `retryAt`. */
export async function unlockEvents(pool: pg.Pool, ids: string[], retryAt: Date | null): Promise<void> {
  if (ids.length === 0) return;
  await run(pool, sql`update hdb_catalog.event_log
    set locked = null, next_retry_at = coalesce(${sql.value(retryAt)}::timestamptz, next_retry_at)
    where id = any(${sql.value(ids)}::text[]) and locked is not null`);
}
