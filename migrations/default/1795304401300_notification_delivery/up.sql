-- Email that leaves: the sender (an event trigger on inserts into notifications) renders and sends
-- each row once. Rows a database trigger writes carry no subject; the sender renders every
-- message, so it fills the subject in when it sends.

insert into public.notification_statuses (value, comment) values
  ('SKIPPED', 'Not sent: the recipient turned this kind of email off');
insert into public.notification_templates (value, comment) values
  ('ORDER_SHIPPED', 'An order was shipped, with the carrier''s tracking link');

alter table public.notifications alter column subject drop not null;
alter table public.notifications add constraint notifications_sent_has_subject check (status <> 'SENT' or subject is not null);
-- Staff look at the emails that could not be delivered.
create index notifications_tenant_failed_idx on public.notifications (tenant_id, created_at desc) where status = 'FAILED';

-- An order's move is told to the person who placed it (or, for orders staff entered, the company's
-- admins) in the same transaction as the move, so no status change goes unmentioned.
create function public.order_status_events_notify() returns trigger
language plpgsql as $$
declare
  v_order public.sales_orders%rowtype;
begin
  select * into v_order from public.sales_orders where id = new.order_id;
  insert into public.notifications (tenant_id, customer_id, user_id, template, recipient_email, payload, created_at, updated_at)
  select new.tenant_id, new.customer_id, u.id,
         case when new.to_status = 'SHIPPED' then 'ORDER_SHIPPED' else 'ORDER_STATUS_CHANGED' end,
         u.email,
         jsonb_build_object(
           'first_name', u.first_name,
           'order_id', v_order.id,
           'order_number', v_order.order_number,
           'from_status', new.from_status,
           'to_status', new.to_status,
           'carrier', v_order.carrier,
           'tracking_number', v_order.tracking_number),
         new.created_at, new.created_at
    from public.customer_users u
   where u.customer_id = new.customer_id
     and u.active
     and (u.id = v_order.placed_by
          or (v_order.placed_by is null and u.role = 'customer_admin'));
  return null;
end;
$$;
create trigger order_status_events_notify after insert on public.order_status_events
  for each row when (new.from_status is not null)
  execute function public.order_status_events_notify();
