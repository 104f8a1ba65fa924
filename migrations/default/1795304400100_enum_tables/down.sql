drop table public.notification_templates;
drop table public.notification_statuses;
drop table public.one_time_token_purposes;
drop table public.artwork_file_statuses;
drop table public.proof_statuses;
drop table public.sales_order_statuses;
drop table public.quote_statuses;
drop table public.user_roles;
