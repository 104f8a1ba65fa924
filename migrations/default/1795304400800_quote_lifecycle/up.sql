-- The quote's life after the request: staff price it in revisions that are kept, the customer
-- approves one (with the evidence of who, when and what), rejects it, or asks for changes; a cron
-- job expires it. Plus the company's approval limit, setup charges on orders, and indexed search
-- of the catalogue and of quotes.

insert into public.quote_statuses (value, comment) values
  ('CHANGES_REQUESTED', 'The customer asked for changes; staff answer with a new revision');

insert into public.notification_templates (value, comment) values
  ('QUOTE_REQUESTED', 'A customer asked for a quote'),
  ('QUOTE_APPROVED', 'A customer approved a quote; its sales order exists'),
  ('QUOTE_REJECTED', 'A customer rejected a quote'),
  ('QUOTE_CHANGES_REQUESTED', 'A customer asked for changes to a priced quote'),
  ('ORDER_PLACED', 'A customer placed an order');

-- Above the limit only a customer_admin may approve; null means no limit.
alter table public.customers add column approval_limit numeric(14, 2) check (approval_limit >= 0);

-- A change of the limit is audited by the database, whoever makes it (the customer_admin through
-- Hasura's update permission, or staff through SQL), in the same transaction.
create function public.customers_log_approval_limit() returns trigger
language plpgsql as $$
declare
  v_user_id text := public.hasura_session_variable('x-hasura-user-id');
begin
  insert into public.customer_activity_log (tenant_id, customer_id, user_id, actor_role, action, entity_type, entity_id, details)
  values (
    new.tenant_id, new.id,
    case when v_user_id ~* '^[0-9a-f-]{36}$' then v_user_id::uuid end,
    public.hasura_session_variable('x-hasura-role'),
    'customer.approval_limit_changed', 'customers', new.id,
    jsonb_build_object('from', old.approval_limit, 'to', new.approval_limit)
  );
  return null;
end;
$$;
create trigger customers_log_approval_limit after update of approval_limit on public.customers
  for each row when (old.approval_limit is distinct from new.approval_limit)
  execute function public.customers_log_approval_limit();

alter table public.quotes
  add column revision integer not null default 0 check (revision >= 0),
  add column setup_amount numeric(14, 2) not null default 0 check (setup_amount >= 0),
  add column tax_amount numeric(14, 2) not null default 0 check (tax_amount >= 0),
  add column shipping_amount numeric(14, 2) not null default 0 check (shipping_amount >= 0),
  add column total_amount numeric(14, 2) generated always as (subtotal + setup_amount + tax_amount + shipping_amount) stored,
  add column note_to_customer text check (length(note_to_customer) <= 4000),
  add column needed_by date,
  add column customer_po_number text check (length(customer_po_number) <= 64),
  add column change_request_notes text check (length(change_request_notes) <= 2000),
  add column changes_requested_by uuid references public.customer_users (id) on delete set null,
  add column changes_requested_at timestamptz,
  add constraint quotes_priced_has_revision check (status = 'DRAFT' or revision > 0),
  add constraint quotes_changes_requested_has_notes check (
    status <> 'CHANGES_REQUESTED' or (coalesce(length(btrim(change_request_notes)), 0) > 0 and changes_requested_at is not null)),
  add constraint quotes_needed_by_after_request check (needed_by is null or needed_by >= (requested_at at time zone 'UTC')::date),
  -- Target of the revisions' and acceptances' foreign keys, which keep them in their quote's company.
  add constraint quotes_id_owner_key unique (id, tenant_id, customer_id);
create index quotes_changes_requested_by_idx on public.quotes (changes_requested_by);
-- The expiry job's filter: priced quotes by date, across tenants. Date first: an index led by
-- status, or partial on PRICED, is so small that the planner would prefer it to the customer's and
-- the tenant's status indexes for the dashboards' counts.
create index quotes_valid_until_status_idx on public.quotes (valid_until, status);

-- Orders made from a quote carry its setup charge; the total includes it.
alter table public.sales_orders
  add column setup_amount numeric(14, 2) not null default 0 check (setup_amount >= 0),
  drop column total_amount,
  add column total_amount numeric(14, 2) generated always as (subtotal + setup_amount + tax_amount + shipping_amount) stored;

-- Each pricing is a revision: the lines and totals as staff priced them, never changed afterwards,
-- so what a customer approved stays readable however the quote moves on.
create table public.quote_revisions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_id uuid not null references public.customers (id) on delete restrict,
  quote_id uuid not null references public.quotes (id) on delete restrict,
  revision integer not null check (revision > 0),
  priced_at timestamptz not null,
  priced_by uuid references public.customer_users (id) on delete set null,
  valid_until date not null,
  currency_code char(3) not null check (currency_code ~ '^[A-Z]{3}$'),
  subtotal numeric(14, 2) not null check (subtotal >= 0),
  setup_amount numeric(14, 2) not null default 0 check (setup_amount >= 0),
  tax_amount numeric(14, 2) not null default 0 check (tax_amount >= 0),
  shipping_amount numeric(14, 2) not null default 0 check (shipping_amount >= 0),
  total_amount numeric(14, 2) generated always as (subtotal + setup_amount + tax_amount + shipping_amount) stored,
  note_to_customer text check (length(note_to_customer) <= 4000),
  -- [{line_id, line_number, product_id, sku, description, specifications, quantity, unit_price, line_total}]
  lines jsonb not null check (jsonb_typeof(lines) = 'array' and jsonb_array_length(lines) > 0),
  -- SHA-256 (hex) of the canonical JSON of the priced lines and totals (@portal/actions/quote-evidence).
  content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  constraint quote_revisions_quote_revision_key unique (quote_id, revision),
  constraint quote_revisions_quote_owner_fkey foreign key (quote_id, tenant_id, customer_id)
    references public.quotes (id, tenant_id, customer_id) on delete restrict,
  constraint quote_revisions_customer_in_tenant_fkey foreign key (tenant_id, customer_id)
    references public.customers (tenant_id, id) on delete restrict
);
create index quote_revisions_customer_priced_idx on public.quote_revisions (customer_id, priced_at desc);
create index quote_revisions_priced_by_idx on public.quote_revisions (priced_by);
create trigger quote_revisions_append_only before update or delete on public.quote_revisions
  for each row execute function public.refuse_change();
create trigger quote_revisions_no_truncate before truncate on public.quote_revisions
  for each statement execute function public.refuse_change();

-- The customer's acceptance of one revision: who, when, from where, with which second factor, and
-- the hash of exactly what they accepted. One per quote and per order; append-only.
create table public.quote_acceptances (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_id uuid not null references public.customers (id) on delete restrict,
  quote_id uuid not null unique references public.quotes (id) on delete restrict,
  order_id uuid not null unique references public.sales_orders (id) on delete restrict,
  revision integer not null check (revision > 0),
  accepted_by uuid not null references public.customer_users (id) on delete restrict,
  accepted_role text not null references public.user_roles (value) on update cascade on delete restrict,
  accepted_at timestamptz not null,
  ip inet,
  user_agent text check (length(user_agent) <= 512),
  -- Whether the approver's account had a second factor on, which every one of its sessions then
  -- passed at sign-in (access tokens carry no MFA claim; see the action server's README).
  mfa_used boolean not null,
  content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
  customer_po_number text check (length(customer_po_number) <= 64),
  created_at timestamptz not null default now(),
  constraint quote_acceptances_revision_fkey foreign key (quote_id, revision)
    references public.quote_revisions (quote_id, revision) on delete restrict,
  constraint quote_acceptances_quote_owner_fkey foreign key (quote_id, tenant_id, customer_id)
    references public.quotes (id, tenant_id, customer_id) on delete restrict,
  constraint quote_acceptances_customer_in_tenant_fkey foreign key (tenant_id, customer_id)
    references public.customers (tenant_id, id) on delete restrict
);
create index quote_acceptances_customer_accepted_idx on public.quote_acceptances (customer_id, accepted_at desc);
create index quote_acceptances_accepted_by_idx on public.quote_acceptances (accepted_by);
create trigger quote_acceptances_append_only before update or delete on public.quote_acceptances
  for each row execute function public.refuse_change();
create trigger quote_acceptances_no_truncate before truncate on public.quote_acceptances
  for each statement execute function public.refuse_change();

-- Case-insensitive search (`_ilike '%…%'`) of the catalogue by name or SKU and of quotes by title
-- or number: trigram indexes serve ILIKE with a leading wildcard. pg_trgm ships with PostgreSQL
-- (embedded-postgres and the postgres image both carry it) and is a trusted extension.
create extension if not exists pg_trgm;
create index products_name_trgm_idx on public.products using gin (name gin_trgm_ops);
create index products_sku_trgm_idx on public.products using gin (sku gin_trgm_ops);
create index quotes_title_trgm_idx on public.quotes using gin (title gin_trgm_ops);
create index quotes_quote_number_trgm_idx on public.quotes using gin (quote_number gin_trgm_ops);
