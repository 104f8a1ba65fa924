-- Tenants (printers), their customer companies, and the people who sign in.

create table public.tenants (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (length(btrim(name)) > 0),
  default_currency_code char(3) not null default 'USD' check (default_currency_code ~ '^[A-Z]{3}$'),
  support_email text check (support_email ~ '^[^@\s]+@[^@\s]+$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger tenants_set_updated_at before update on public.tenants
  for each row execute function public.set_updated_at();

create table public.customers (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_code text not null check (customer_code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  name text not null check (length(btrim(name)) > 0),
  billing_email text check (billing_email ~ '^[^@\s]+@[^@\s]+$'),
  phone text,
  currency_code char(3) not null default 'USD' check (currency_code ~ '^[A-Z]{3}$'),
  credit_limit numeric(14, 2) check (credit_limit >= 0),
  active boolean not null default true,
  internal_notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint customers_tenant_code_key unique (tenant_id, customer_code),
  -- Target of composite foreign keys that keep child rows inside their customer's tenant.
  constraint customers_tenant_id_id_key unique (tenant_id, id)
);
create trigger customers_set_updated_at before update on public.customers
  for each row execute function public.set_updated_at();

-- Customer staff and the printer's staff share one table so sign-in, MFA and sessions have one
-- code path; staff rows have no customer.
create table public.customer_users (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_id uuid references public.customers (id) on delete restrict,
  role text not null references public.user_roles (value) on update cascade on delete restrict,
  email text not null check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  email_verified_at timestamptz,
  password_hash text not null,
  first_name text not null default '',
  last_name text not null default '',
  phone text,
  job_title text,
  preferred_language text not null default 'en-US' check (preferred_language in ('en-US', 'zh-CN')),
  timezone text not null default 'UTC' check (length(timezone) between 1 and 64),
  notification_preferences jsonb not null default '{"order_status": true, "quote_priced": true, "proof_ready": true}'::jsonb
    check (jsonb_typeof(notification_preferences) = 'object'),
  failed_login_count integer not null default 0 check (failed_login_count >= 0),
  locked_until timestamptz,
  last_login_at timestamptz,
  mfa_enabled boolean not null default false,
  mfa_secret_encrypted text,
  mfa_pending_secret_encrypted text,
  mfa_enabled_at timestamptz,
  password_changed_at timestamptz not null default now(),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint customer_users_tenant_email_key unique (tenant_id, email),
  constraint customer_users_customer_in_tenant_fkey foreign key (tenant_id, customer_id)
    references public.customers (tenant_id, id) on delete restrict,
  constraint customer_users_staff_has_no_customer check ((role = 'staff') = (customer_id is null)),
  constraint customer_users_mfa_enabled_has_secret check (not mfa_enabled or mfa_secret_encrypted is not null)
);
create index customer_users_customer_id_idx on public.customer_users (customer_id);
create index customer_users_role_idx on public.customer_users (role);
create trigger customer_users_set_updated_at before update on public.customer_users
  for each row execute function public.set_updated_at();

-- Machine clients: an API key is exchanged for a short-lived integrator JWT.
create table public.integrator_clients (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_id uuid references public.customers (id) on delete restrict,
  name text not null check (length(btrim(name)) > 0),
  key_prefix text not null unique check (key_prefix ~ '^[A-Za-z0-9_]{8,32}$'),
  key_hash text not null,
  active boolean not null default true,
  last_used_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint integrator_clients_customer_in_tenant_fkey foreign key (tenant_id, customer_id)
    references public.customers (tenant_id, id) on delete restrict
);
create index integrator_clients_tenant_id_idx on public.integrator_clients (tenant_id);
create index integrator_clients_customer_id_idx on public.integrator_clients (customer_id);
create trigger integrator_clients_set_updated_at before update on public.integrator_clients
  for each row execute function public.set_updated_at();
