drop trigger order_status_events_notify on public.order_status_events;
drop function public.order_status_events_notify();
drop index public.notifications_tenant_failed_idx;
alter table public.notifications drop constraint notifications_sent_has_subject;
delete from public.notifications where subject is null;
alter table public.notifications alter column subject set not null;
delete from public.notifications where template = 'ORDER_SHIPPED' or status = 'SKIPPED';
delete from public.notification_templates where value = 'ORDER_SHIPPED';
delete from public.notification_statuses where value = 'SKIPPED';
