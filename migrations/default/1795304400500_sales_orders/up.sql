-- Sales orders, their lines, and the status history written by a trigger.

create table public.sales_orders (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_id uuid not null references public.customers (id) on delete restrict,
  order_number text not null,
  status text not null default 'CONFIRMED' references public.sales_order_statuses (value) on update cascade on delete restrict,
  -- At most one order per quote, even when two approvers click at once.
  quote_id uuid unique references public.quotes (id) on delete restrict,
  reorder_of_id uuid references public.sales_orders (id) on delete set null,
  placed_by uuid references public.customer_users (id) on delete set null,
  placed_at timestamptz not null default now(),
  customer_po_number text check (length(customer_po_number) <= 64),
  currency_code char(3) not null default 'USD' check (currency_code ~ '^[A-Z]{3}$'),
  subtotal numeric(14, 2) not null default 0 check (subtotal >= 0),
  tax_amount numeric(14, 2) not null default 0 check (tax_amount >= 0),
  shipping_amount numeric(14, 2) not null default 0 check (shipping_amount >= 0),
  total_amount numeric(14, 2) generated always as (subtotal + tax_amount + shipping_amount) stored,
  requested_delivery_date date,
  shipping_address jsonb not null default '{}'::jsonb check (jsonb_typeof(shipping_address) = 'object'),
  carrier text,
  tracking_number text,
  shipped_at timestamptz,
  delivered_at timestamptz,
  internal_notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint sales_orders_tenant_number_key unique (tenant_id, order_number),
  constraint sales_orders_customer_in_tenant_fkey foreign key (tenant_id, customer_id)
    references public.customers (tenant_id, id) on delete restrict
);
create index sales_orders_customer_placed_idx on public.sales_orders (customer_id, placed_at desc);
create index sales_orders_customer_status_idx on public.sales_orders (customer_id, status, placed_at desc);
create index sales_orders_tenant_status_idx on public.sales_orders (tenant_id, status, placed_at desc);
create index sales_orders_tenant_placed_idx on public.sales_orders (tenant_id, placed_at desc);
create index sales_orders_customer_po_idx on public.sales_orders (customer_id, customer_po_number);

alter table public.quotes add constraint quotes_converted_order_id_fkey
  foreign key (converted_order_id) references public.sales_orders (id) on delete restrict;
create index quotes_converted_order_id_idx on public.quotes (converted_order_id);

create function public.sales_orders_assign_number() returns trigger
language plpgsql as $$
begin
  if new.order_number is null then
    new.order_number := public.next_document_number(new.tenant_id, 'SO', new.placed_at);
  end if;
  return new;
end;
$$;
create trigger sales_orders_assign_number before insert on public.sales_orders
  for each row execute function public.sales_orders_assign_number();
create trigger sales_orders_set_updated_at before update on public.sales_orders
  for each row execute function public.set_updated_at();

create table public.sales_order_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  order_id uuid not null references public.sales_orders (id) on delete cascade,
  line_number integer not null check (line_number > 0),
  product_id uuid references public.products (id) on delete restrict,
  quote_line_id uuid references public.quote_lines (id) on delete set null,
  description text not null check (length(btrim(description)) > 0),
  specifications jsonb not null default '{}'::jsonb check (jsonb_typeof(specifications) = 'object'),
  quantity integer not null check (quantity > 0),
  unit_price numeric(14, 2) not null check (unit_price >= 0),
  line_total numeric(14, 2) generated always as (round(quantity * unit_price, 2)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint sales_order_lines_order_line_number_key unique (order_id, line_number)
);
create index sales_order_lines_product_id_idx on public.sales_order_lines (product_id);
create trigger sales_order_lines_set_updated_at before update on public.sales_order_lines
  for each row execute function public.set_updated_at();

-- Append-only: integrators stream it with event_number as the cursor.
create table public.order_status_events (
  id uuid primary key default gen_random_uuid(),
  event_number bigint generated always as identity unique,
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_id uuid not null references public.customers (id) on delete restrict,
  order_id uuid not null references public.sales_orders (id) on delete restrict,
  from_status text references public.sales_order_statuses (value) on update cascade on delete restrict,
  to_status text not null references public.sales_order_statuses (value) on update cascade on delete restrict,
  changed_by_user_id uuid,
  changed_by_role text,
  created_at timestamptz not null default now(),
  constraint order_status_events_status_changes check (from_status is distinct from to_status)
);
create index order_status_events_order_idx on public.order_status_events (order_id, created_at);
create index order_status_events_customer_idx on public.order_status_events (customer_id, event_number);
create index order_status_events_tenant_idx on public.order_status_events (tenant_id, event_number);

create function public.sales_orders_record_status() returns trigger
language plpgsql as $$
declare
  v_user_id text := public.hasura_session_variable('x-hasura-user-id');
begin
  if tg_op = 'UPDATE' and new.status is not distinct from old.status then
    return null;
  end if;
  insert into public.order_status_events
    (tenant_id, customer_id, order_id, from_status, to_status, changed_by_user_id, changed_by_role, created_at)
  values (
    new.tenant_id, new.customer_id, new.id,
    case when tg_op = 'UPDATE' then old.status end, new.status,
    case when v_user_id ~* '^[0-9a-f-]{36}$' then v_user_id::uuid end,
    public.hasura_session_variable('x-hasura-role'),
    case when tg_op = 'INSERT' then new.placed_at else now() end
  );
  return null;
end;
$$;
create trigger sales_orders_record_status after insert or update of status on public.sales_orders
  for each row execute function public.sales_orders_record_status();

create trigger order_status_events_append_only before update or delete on public.order_status_events
  for each row execute function public.refuse_change();
create trigger order_status_events_no_truncate before truncate on public.order_status_events
  for each statement execute function public.refuse_change();
