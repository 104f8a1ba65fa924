import type pg from 'pg';
import { sql } from '../sql/index.ts';
import { run, withCatalogTransaction } from '../delivery/index.ts';
import { CRON_CATALOG_SQL } from './cron-catalog-sql.ts';
import type { ResolvedCronTrigger } from './cron-config.ts';

/** Hasura keeps this many untried runs of each cron trigger stored ahead. */
const UPCOMING_EVENTS = 100;

/**
 * Applies a metadata version to the stored cron events: creates the catalog when missing and, as
 * Hasura does when a cron trigger is dropped or its schedule changes, deletes its future runs that
 * were never tried (they are generated again from the new schedule).
 */
export async function syncCronEvents(pool: pg.Pool, triggers: ResolvedCronTrigger[], keep: ReadonlySet<string>, now: Date): Promise<void> {
  await withCatalogTransaction(pool, async (client) => {
    await client.query(CRON_CATALOG_SQL);
    const future = await run<{ trigger_name: string; scheduled_time: Date }>(client, sql`select trigger_name, scheduled_time
      from hdb_catalog.hdb_cron_events where status = 'scheduled' and tries = 0 and scheduled_time > ${sql.value(now)}`);
    const byName = new Map(triggers.map((trigger) => [trigger.name, trigger]));
    const stale = new Set<string>();
    for (const event of future) {
      if (keep.has(event.trigger_name)) continue;
      const trigger = byName.get(event.trigger_name);
      if (!trigger || !trigger.schedule.includes(event.scheduled_time)) stale.add(event.trigger_name);
    }
    if (stale.size === 0) return;
    await run(client, sql`delete from hdb_catalog.hdb_cron_events
      where status = 'scheduled' and tries = 0 and scheduled_time > ${sql.value(now)}
        and trigger_name = any(${sql.value([...stale])}::text[])`);
  });
}

/**
 * Keeps a buffer of future runs for each trigger, as Hasura's generator does: when fewer than 100
 * untried runs are stored, the next 100 after the latest stored one (or after `now`) are added.
 * The unique index makes concurrent generators harmless.
 */
export async function generateCronEvents(pool: pg.Pool, triggers: ResolvedCronTrigger[], now: Date): Promise<void> {
  const names = triggers.map((trigger) => trigger.name);
  const stats = await run<{ trigger_name: string; upcoming: number; latest: Date }>(pool, sql`select trigger_name,
      count(*)::int as upcoming, max(scheduled_time) as latest
    from hdb_catalog.hdb_cron_events
    where status = 'scheduled' and tries = 0 and trigger_name = any(${sql.value(names)}::text[])
    group by trigger_name`);
  const byName = new Map(stats.map((row) => [row.trigger_name, row]));
  for (const trigger of triggers) {
    const stored = byName.get(trigger.name);
    if (stored && stored.upcoming >= UPCOMING_EVENTS) continue;
    const times = trigger.schedule.timesAfter(stored?.latest ?? now, UPCOMING_EVENTS).map((time) => time.toISOString());
    await run(pool, sql`insert into hdb_catalog.hdb_cron_events (trigger_name, scheduled_time)
      select ${sql.value(trigger.name)}, unnest(${sql.value(times)}::timestamptz[])
      on conflict do nothing`);
  }
}

/** Runs left `locked` by an engine that stopped mid-delivery go back to `scheduled`, as Hasura does at start-up. */
export async function unlockAllCronEvents(pool: pg.Pool): Promise<void> {
  await run(pool, sql`update hdb_catalog.hdb_cron_events set status = 'scheduled' where status = 'locked'`);
}
