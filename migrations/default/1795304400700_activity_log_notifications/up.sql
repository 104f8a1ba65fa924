-- Audit trail and the email outbox.

create table public.customer_activity_log (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_id uuid references public.customers (id) on delete restrict,
  user_id uuid references public.customer_users (id) on delete restrict,
  actor_role text,
  action text not null check (action ~ '^[a-z]+(\.[a-z_]+)+$'),
  entity_type text,
  entity_id uuid,
  ip_address inet,
  user_agent text,
  details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object'),
  created_at timestamptz not null default now()
);
create index customer_activity_log_customer_created_idx on public.customer_activity_log (customer_id, created_at desc);
create index customer_activity_log_tenant_created_idx on public.customer_activity_log (tenant_id, created_at desc);
create index customer_activity_log_user_created_idx on public.customer_activity_log (user_id, created_at desc);

create trigger customer_activity_log_append_only before update or delete on public.customer_activity_log
  for each row execute function public.refuse_change();
create trigger customer_activity_log_no_truncate before truncate on public.customer_activity_log
  for each statement execute function public.refuse_change();

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_id uuid references public.customers (id) on delete restrict,
  user_id uuid references public.customer_users (id) on delete cascade,
  template text not null references public.notification_templates (value) on update cascade on delete restrict,
  recipient_email text not null check (recipient_email ~ '^[^@\s]+@[^@\s]+$'),
  subject text not null,
  payload jsonb not null default '{}'::jsonb check (jsonb_typeof(payload) = 'object'),
  status text not null default 'PENDING' references public.notification_statuses (value) on update cascade on delete restrict,
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  provider_message_id text,
  read_at timestamptz,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint notifications_sent_has_time check ((status = 'SENT') = (sent_at is not null))
);
create index notifications_user_created_idx on public.notifications (user_id, created_at desc);
create index notifications_status_created_idx on public.notifications (status, created_at) where status = 'PENDING';
create trigger notifications_set_updated_at before update on public.notifications
  for each row execute function public.set_updated_at();
