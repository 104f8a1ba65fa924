/**
 * Cron events in `hdb_catalog`, with the columns of Hasura v2's `hdb_cron_events` and
 * `hdb_cron_event_invocation_logs`. One difference: the unique index on (trigger, scheduled time)
 * covers every status, not only `scheduled`, so a scheduled run is stored at most once ever and a
 * restart can never create it again. Static DDL, safe to run repeatedly under the catalog lock.
 */
export const CRON_CATALOG_SQL = `
create schema if not exists hdb_catalog;

create table if not exists hdb_catalog.hdb_cron_events (
  id text primary key default gen_random_uuid()::text,
  trigger_name text not null,
  scheduled_time timestamptz not null,
  status text not null default 'scheduled',
  tries integer not null default 0,
  created_at timestamptz default now(),
  next_retry_at timestamptz,
  constraint valid_status check (status in ('scheduled', 'locked', 'delivered', 'error', 'dead'))
);
create index if not exists hdb_cron_event_status on hdb_catalog.hdb_cron_events (status);
create unique index if not exists hdb_cron_events_unique_scheduled on hdb_catalog.hdb_cron_events (trigger_name, scheduled_time);

create table if not exists hdb_catalog.hdb_cron_event_invocation_logs (
  id text primary key default gen_random_uuid()::text,
  event_id text references hdb_catalog.hdb_cron_events (id) on update cascade on delete cascade,
  status integer,
  request json,
  response json,
  created_at timestamptz default now()
);
create index if not exists hdb_cron_event_invocation_event_id on hdb_catalog.hdb_cron_event_invocation_logs (event_id);
`;
