-- Product catalogue, document-number counters, quotes and their lines.

create table public.products (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  sku text not null check (sku ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
  name text not null check (length(btrim(name)) > 0),
  description text not null default '',
  category text not null check (length(btrim(category)) > 0),
  unit text not null default 'each',
  unit_price numeric(14, 2) check (unit_price >= 0),
  currency_code char(3) not null default 'USD' check (currency_code ~ '^[A-Z]{3}$'),
  min_quantity integer not null default 1 check (min_quantity > 0),
  lead_time_days integer not null default 5 check (lead_time_days >= 0),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint products_tenant_sku_key unique (tenant_id, sku)
);
create index products_tenant_category_idx on public.products (tenant_id, category) where active;
create trigger products_set_updated_at before update on public.products
  for each row execute function public.set_updated_at();

-- Human document numbers (SO-2026-000123) come from a per-tenant, per-year counter. Taking the
-- next number locks that tenant's counter row until commit, so numbers have no gaps.
create table public.document_number_counters (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  prefix text not null check (prefix in ('SO', 'Q')),
  year integer not null check (year between 2000 and 9999),
  last_value integer not null check (last_value >= 0),
  primary key (tenant_id, prefix, year)
);

create function public.next_document_number(p_tenant_id uuid, p_prefix text, p_at timestamptz)
returns text
language plpgsql as $$
declare
  v_year integer := extract(year from p_at at time zone 'UTC')::integer;
  v_value integer;
begin
  insert into public.document_number_counters as c (tenant_id, prefix, year, last_value)
  values (p_tenant_id, p_prefix, v_year, 1)
  on conflict (tenant_id, prefix, year) do update set last_value = c.last_value + 1
  returning c.last_value into v_value;
  return format('%s-%s-%s', p_prefix, v_year, lpad(v_value::text, 6, '0'));
end;
$$;

create table public.quotes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_id uuid not null references public.customers (id) on delete restrict,
  quote_number text not null,
  status text not null default 'DRAFT' references public.quote_statuses (value) on update cascade on delete restrict,
  title text not null check (length(btrim(title)) > 0),
  customer_notes text not null default '',
  internal_notes text,
  currency_code char(3) not null default 'USD' check (currency_code ~ '^[A-Z]{3}$'),
  subtotal numeric(14, 2) check (subtotal >= 0),
  requested_by uuid references public.customer_users (id) on delete set null,
  requested_at timestamptz not null default now(),
  priced_by uuid references public.customer_users (id) on delete set null,
  priced_at timestamptz,
  valid_until date,
  decided_by uuid references public.customer_users (id) on delete set null,
  decided_at timestamptz,
  rejection_reason text,
  converted_order_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint quotes_tenant_number_key unique (tenant_id, quote_number),
  constraint quotes_customer_in_tenant_fkey foreign key (tenant_id, customer_id)
    references public.customers (tenant_id, id) on delete restrict,
  constraint quotes_priced_has_price check (status = 'DRAFT' or (subtotal is not null and priced_at is not null and valid_until is not null)),
  constraint quotes_converted_has_order check ((status = 'CONVERTED') = (converted_order_id is not null)),
  constraint quotes_rejected_has_reason check (status <> 'REJECTED' or coalesce(length(btrim(rejection_reason)), 0) > 0),
  constraint quotes_decided_has_time check (status not in ('CONVERTED', 'REJECTED') or decided_at is not null)
);
create index quotes_customer_requested_idx on public.quotes (customer_id, requested_at desc);
create index quotes_customer_status_idx on public.quotes (customer_id, status, requested_at desc);
create index quotes_tenant_status_idx on public.quotes (tenant_id, status, requested_at desc);

create function public.quotes_assign_number() returns trigger
language plpgsql as $$
begin
  if new.quote_number is null then
    new.quote_number := public.next_document_number(new.tenant_id, 'Q', new.requested_at);
  end if;
  return new;
end;
$$;
create trigger quotes_assign_number before insert on public.quotes
  for each row execute function public.quotes_assign_number();
create trigger quotes_set_updated_at before update on public.quotes
  for each row execute function public.set_updated_at();

create table public.quote_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  quote_id uuid not null references public.quotes (id) on delete cascade,
  line_number integer not null check (line_number > 0),
  product_id uuid references public.products (id) on delete restrict,
  description text not null check (length(btrim(description)) > 0),
  specifications jsonb not null default '{}'::jsonb check (jsonb_typeof(specifications) = 'object'),
  quantity integer not null check (quantity > 0),
  unit_price numeric(14, 2) check (unit_price >= 0),
  line_total numeric(14, 2) generated always as (round(quantity * unit_price, 2)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint quote_lines_quote_line_number_key unique (quote_id, line_number)
);
create index quote_lines_product_id_idx on public.quote_lines (product_id);
create trigger quote_lines_set_updated_at before update on public.quote_lines
  for each row execute function public.set_updated_at();
