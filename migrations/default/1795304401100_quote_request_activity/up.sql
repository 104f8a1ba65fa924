-- A quote request made through Hasura's insert permission (the customer's request form) is
-- audited by the database in the same transaction, as every other change is. Requests the action
-- server creates (a reorder that needs prices) run without Hasura's session and are logged by the
-- action itself, so they are not logged twice.
create function public.quotes_log_request() returns trigger
language plpgsql as $$
declare
  v_role text := public.hasura_session_variable('x-hasura-role');
  v_user_id text := public.hasura_session_variable('x-hasura-user-id');
begin
  if v_role is null then
    return null;
  end if;
  insert into public.customer_activity_log (tenant_id, customer_id, user_id, actor_role, action, entity_type, entity_id, details)
  values (
    new.tenant_id, new.customer_id,
    case when v_user_id ~* '^[0-9a-f-]{36}$' then v_user_id::uuid end,
    v_role, 'quote.requested', 'quotes', new.id,
    jsonb_build_object('quote_number', new.quote_number, 'title', new.title)
  );
  return null;
end;
$$;
create trigger quotes_log_request after insert on public.quotes
  for each row execute function public.quotes_log_request();
