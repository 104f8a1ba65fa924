import type pg from 'pg';
import { sql } from '../sql/index.ts';
import { run, type InvocationRecord, type RetryDecision } from '../delivery/index.ts';

/** A row of `hdb_catalog.hdb_cron_events` locked for delivery. */
export interface QueuedCronEvent {
  id: string;
  trigger_name: string;
  scheduled_time: Date;
  tries: number;
}

/**
 * Locks (`status = 'locked'`) and returns up to `limit` runs due at `now`: scheduled and not yet
 * tried at their scheduled time, or retried at their `next_retry_at`. Oldest first.
 */
export async function lockDueCronEvents(pool: pg.Pool, triggerNames: string[], now: Date, limit: number): Promise<QueuedCronEvent[]> {
  const rows = await run<QueuedCronEvent>(pool, sql`update hdb_catalog.hdb_cron_events set status = 'locked'
    where id in (
      select e.id from hdb_catalog.hdb_cron_events e
      where e.status = 'scheduled' and e.trigger_name = any(${sql.value(triggerNames)}::text[])
        and coalesce(e.next_retry_at, e.scheduled_time) <= ${sql.value(now)}
      order by e.scheduled_time
      limit ${sql.value(limit)}
      for update skip locked)
    returning id, trigger_name, scheduled_time, tries`);
  return rows.sort((a, b) => a.scheduled_time.getTime() - b.scheduled_time.getTime());
}

/** Logs an attempt and moves the run on: `delivered`, back to `scheduled` for a retry, or `error`. */
export async function recordCronAttempt(pool: pg.Pool, event: QueuedCronEvent, record: InvocationRecord, result: 'delivered' | RetryDecision): Promise<void> {
  const status = result === 'delivered' ? 'delivered' : result.kind === 'retry' ? 'scheduled' : 'error';
  const retryAt = result !== 'delivered' && result.kind === 'retry' ? result.at : null;
  await run(pool, sql`with invocation as (
      insert into hdb_catalog.hdb_cron_event_invocation_logs (event_id, status, request, response)
      values (${sql.value(event.id)}, ${sql.value(record.status)},
        ${sql.value(JSON.stringify(record.request))}::json, ${sql.value(JSON.stringify(record.response))}::json))
    update hdb_catalog.hdb_cron_events
    set tries = tries + 1, status = ${sql.value(status)}, next_retry_at = ${sql.value(retryAt)}::timestamptz
    where id = ${sql.value(event.id)}`);
}

/** `dead` (later than its tolerance) or back to `scheduled` without an attempt (stopping). */
export async function setCronEventStatus(pool: pg.Pool, ids: string[], status: 'dead' | 'scheduled'): Promise<void> {
  if (ids.length === 0) return;
  await run(pool, sql`update hdb_catalog.hdb_cron_events set status = ${sql.value(status)}
    where id = any(${sql.value(ids)}::text[]) and status = 'locked'`);
}
