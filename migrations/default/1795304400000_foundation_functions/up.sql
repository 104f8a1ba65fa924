-- Shared trigger functions used by every later migration.

create function public.set_updated_at() returns trigger
language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
comment on function public.set_updated_at() is 'Keeps updated_at current on every UPDATE.';

create function public.refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'table %.% is append-only: % is not allowed', tg_table_schema, tg_table_name, tg_op
    using errcode = 'insufficient_privilege';
end;
$$;
comment on function public.refuse_change() is 'Guard for append-only tables: refuses UPDATE, DELETE and TRUNCATE.';

-- Hasura sets hasura.user (JSON of the session variables) for every mutation transaction;
-- triggers read who acted from it. Outside Hasura (seed, migrations) it is absent and this is null.
create function public.hasura_session_variable(name text) returns text
language sql stable as $$
  select nullif(current_setting('hasura.user', true), '')::json ->> lower(name);
$$;
comment on function public.hasura_session_variable(text) is 'One session variable of the Hasura request that runs this transaction, or null.';
