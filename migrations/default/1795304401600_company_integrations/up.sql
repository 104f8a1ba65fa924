-- Company integrations: a company's admin issues API keys for its own systems and registers
-- webhook endpoints that receive its orders' status changes. Keys and secrets are made by the
-- action server; the database keeps a key's hash and a webhook secret sealed under the server's
-- encryption key (the server must sign with it, so a hash would not do).

-- Who issued and who revoked a key; a revoked key stays listed (and in the audit trail) but
-- exchanges for no more tokens.
alter table public.integrator_clients
  add column created_by uuid references public.customer_users (id) on delete set null,
  add column revoked_at timestamptz,
  add column revoked_by uuid references public.customer_users (id) on delete set null,
  add constraint integrator_clients_revoked_inactive check (revoked_at is null or not active);
-- The admin's key list: the company's keys, newest first.
create index integrator_clients_customer_created_idx on public.integrator_clients (customer_id, created_at desc);

create table public.webhook_delivery_statuses (value text primary key, comment text not null);
insert into public.webhook_delivery_statuses (value, comment) values
  ('PENDING', 'Waiting for its first or next attempt'),
  ('DELIVERED', 'The endpoint answered 2xx'),
  ('FAILED', 'Given up: a 4xx answer, the endpoint turned off, or every attempt failed');

create table public.webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_id uuid not null references public.customers (id) on delete restrict,
  url text not null check (url ~ '^https?://' and length(url) <= 2000),
  description text check (length(description) <= 500),
  -- AES-256-GCM under ACTIONS_ENCRYPTION_KEY, context `webhook-endpoint:<id>`; no role may select it.
  secret_sealed text not null,
  active boolean not null default true,
  created_by uuid references public.customer_users (id) on delete set null,
  updated_by uuid references public.customer_users (id) on delete set null,
  secret_rotated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint webhook_endpoints_customer_in_tenant_fkey foreign key (tenant_id, customer_id)
    references public.customers (tenant_id, id) on delete restrict,
  constraint webhook_endpoints_id_owner_key unique (id, tenant_id, customer_id)
);
-- The admin's endpoint list, and the fan-out's "active endpoints of this company".
create index webhook_endpoints_customer_created_idx on public.webhook_endpoints (customer_id, created_at desc);
create index webhook_endpoints_customer_active_idx on public.webhook_endpoints (customer_id) where active;
create index webhook_endpoints_tenant_idx on public.webhook_endpoints (tenant_id);
create trigger webhook_endpoints_set_updated_at before update on public.webhook_endpoints
  for each row execute function public.set_updated_at();

create table public.webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  customer_id uuid not null,
  endpoint_id uuid not null references public.webhook_endpoints (id) on delete restrict,
  -- Sent as X-Portal-Webhook-Id and as the body's id: the order status event's id, so receivers
  -- can drop a repeat; a test event gets its own.
  event_id uuid not null,
  event_type text not null check (event_type in ('order.status_changed', 'webhook.test')),
  order_status_event_id uuid references public.order_status_events (id) on delete restrict,
  -- The exact bytes every attempt sends (the signature covers them), fixed when the row is made.
  body text not null,
  status text not null default 'PENDING' references public.webhook_delivery_statuses (value) on update cascade on delete restrict,
  attempt_count integer not null default 0 check (attempt_count >= 0),
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_response_code integer check (last_response_code between 100 and 599),
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Besides the plain key (the relationship's), the delivery's company is its endpoint's.
  constraint webhook_deliveries_endpoint_of_customer_fkey foreign key (endpoint_id, tenant_id, customer_id)
    references public.webhook_endpoints (id, tenant_id, customer_id) on delete restrict,
  -- A redelivered trigger event (Hasura delivers at least once) finds its row and adds none.
  constraint webhook_deliveries_endpoint_event_key unique (endpoint_id, event_id),
  constraint webhook_deliveries_order_event_matches check ((event_type = 'order.status_changed') = (order_status_event_id is not null)),
  constraint webhook_deliveries_delivered_when check ((status = 'DELIVERED') = (delivered_at is not null)),
  constraint webhook_deliveries_pending_is_due check (status <> 'PENDING' or next_attempt_at is not null)
);
-- The sender's queue: due pending rows, oldest due first.
create index webhook_deliveries_due_idx on public.webhook_deliveries (next_attempt_at) where status = 'PENDING';
-- An endpoint's recent deliveries on the integrations page; the company's and the tenant's logs.
create index webhook_deliveries_endpoint_created_idx on public.webhook_deliveries (endpoint_id, created_at desc);
create index webhook_deliveries_customer_created_idx on public.webhook_deliveries (customer_id, created_at desc);
create index webhook_deliveries_tenant_created_idx on public.webhook_deliveries (tenant_id, created_at desc);
create index webhook_deliveries_order_status_event_idx on public.webhook_deliveries (order_status_event_id);
create trigger webhook_deliveries_set_updated_at before update on public.webhook_deliveries
  for each row execute function public.set_updated_at();
