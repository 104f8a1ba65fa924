drop table public.notifications;
drop table public.customer_activity_log;
