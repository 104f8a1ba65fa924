/**
 * The event-trigger catalog in the source database's `hdb_catalog`. `event_log` and
 * `event_invocation_logs` have Hasura v2's columns (timestamps are `timestamptz` here, so they
 * never depend on a session's time zone) and `insert_event_log` its signature, so the data reads
 * as it would under real Hasura. What Hasura keeps in its metadata (which columns fire and are
 * sent) lives in `dev_event_trigger_ops`, read by one generic capture function: no SQL is
 * generated per trigger beyond `create trigger`, whose only variable parts are identifiers.
 *
 * Static DDL only, safe to run repeatedly; callers serialise it with an advisory lock.
 */
export const EVENT_CATALOG_SQL = `
create schema if not exists hdb_catalog;

create table if not exists hdb_catalog.event_log (
  id text primary key default gen_random_uuid()::text,
  schema_name text not null,
  table_name text not null,
  trigger_name text not null,
  payload jsonb not null,
  delivered boolean not null default false,
  error boolean not null default false,
  tries integer not null default 0,
  created_at timestamptz not null default now(),
  locked timestamptz,
  next_retry_at timestamptz,
  archived boolean not null default false
);
create index if not exists event_log_trigger_name_idx on hdb_catalog.event_log (trigger_name);
create index if not exists event_log_fetch_events
  on hdb_catalog.event_log (locked nulls first, next_retry_at nulls first, created_at)
  where delivered = false and error = false and archived = false;

create table if not exists hdb_catalog.event_invocation_logs (
  id text primary key default gen_random_uuid()::text,
  trigger_name text,
  event_id text,
  status integer,
  request json,
  response json,
  created_at timestamptz not null default now()
);
create index if not exists event_invocation_logs_event_id_idx on hdb_catalog.event_invocation_logs (event_id);

create table if not exists hdb_catalog.dev_event_trigger_ops (
  sql_trigger_name text primary key,
  trigger_name text not null,
  op text not null check (op in ('INSERT', 'UPDATE', 'DELETE')),
  schema_name text not null,
  table_name text not null,
  listen_columns text[],
  payload_columns text[]
);
comment on table hdb_catalog.dev_event_trigger_ops is
  'Portal dev engine: per SQL trigger, the columns whose change fires it (null: all) and the columns sent (null: all).';

create or replace function hdb_catalog.insert_event_log(schema_name text, table_name text, trigger_name text, op text, row_data json)
returns text language plpgsql as $body$
declare
  new_id text := gen_random_uuid()::text;
begin
  insert into hdb_catalog.event_log (id, schema_name, table_name, trigger_name, payload)
  values (new_id, $1, $2, $3, jsonb_build_object(
    'op', $4,
    'data', $5,
    'session_variables', nullif(current_setting('hasura.user', true), '')::jsonb,
    'trace_context', nullif(current_setting('hasura.tracecontext', true), '')::jsonb));
  return new_id;
end
$body$;

create or replace function hdb_catalog.dev_pick_columns(row_data jsonb, columns text[])
returns jsonb language sql immutable as $body$
  select case
    when $1 is null or $2 is null then $1
    else coalesce((select jsonb_object_agg(e.key, e.value) from jsonb_each($1) as e where e.key = any($2)), '{}'::jsonb)
  end
$body$;

create or replace function hdb_catalog.dev_columns_changed(old_row jsonb, new_row jsonb, columns text[])
returns boolean language sql immutable as $body$
  select case
    when $3 is null then $1 is distinct from $2
    else exists (select 1 from unnest($3) as c(name) where ($1 -> c.name) is distinct from ($2 -> c.name))
  end
$body$;

create or replace function hdb_catalog.dev_capture_event()
returns trigger language plpgsql as $body$
declare
  spec hdb_catalog.dev_event_trigger_ops;
  old_row jsonb;
  new_row jsonb;
begin
  select * into spec from hdb_catalog.dev_event_trigger_ops o where o.sql_trigger_name = tg_name;
  if not found then
    raise warning 'no event trigger configuration for SQL trigger %; change not captured', tg_name;
    return null;
  end if;
  if tg_op <> 'INSERT' then old_row := to_jsonb(old); end if;
  if tg_op <> 'DELETE' then new_row := to_jsonb(new); end if;
  if tg_op = 'UPDATE' and not hdb_catalog.dev_columns_changed(old_row, new_row, spec.listen_columns) then
    return null;
  end if;
  perform hdb_catalog.insert_event_log(spec.schema_name, spec.table_name, spec.trigger_name, tg_op,
    json_build_object(
      'old', hdb_catalog.dev_pick_columns(old_row, spec.payload_columns),
      'new', hdb_catalog.dev_pick_columns(new_row, spec.payload_columns)));
  return null;
end
$body$;
`;
