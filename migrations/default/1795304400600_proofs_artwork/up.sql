-- Uploaded artwork and the proofs staff publish for approval.

create table public.artwork_files (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_id uuid not null references public.customers (id) on delete restrict,
  uploaded_by uuid references public.customer_users (id) on delete set null,
  quote_id uuid references public.quotes (id) on delete set null,
  order_id uuid references public.sales_orders (id) on delete set null,
  order_line_id uuid references public.sales_order_lines (id) on delete set null,
  file_name text not null check (length(file_name) between 1 and 255 and file_name !~ '[/\\]'),
  content_type text not null check (content_type in (
    'application/pdf', 'application/postscript', 'application/illustrator', 'image/vnd.adobe.photoshop',
    'image/tiff', 'image/png', 'image/jpeg')),
  declared_size_bytes bigint not null check (declared_size_bytes between 1 and 52428800),
  actual_size_bytes bigint check (actual_size_bytes between 1 and 52428800),
  sha256 text check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  status text not null default 'PENDING_UPLOAD' references public.artwork_file_statuses (value) on update cascade on delete restrict,
  scan_result text,
  uploaded_at timestamptz,
  scanned_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint artwork_files_customer_in_tenant_fkey foreign key (tenant_id, customer_id)
    references public.customers (tenant_id, id) on delete restrict,
  constraint artwork_files_stored_has_size check (status in ('PENDING_UPLOAD', 'REJECTED') or (actual_size_bytes is not null and sha256 is not null and uploaded_at is not null)),
  constraint artwork_files_scanned_has_time check (status not in ('CLEAN', 'INFECTED') or scanned_at is not null)
);
create index artwork_files_customer_created_idx on public.artwork_files (customer_id, created_at desc);
create index artwork_files_order_id_idx on public.artwork_files (order_id);
create index artwork_files_quote_id_idx on public.artwork_files (quote_id);
create index artwork_files_order_line_id_idx on public.artwork_files (order_line_id);
create index artwork_files_status_idx on public.artwork_files (status) where status in ('UPLOADED', 'SCANNING');
create trigger artwork_files_set_updated_at before update on public.artwork_files
  for each row execute function public.set_updated_at();

create table public.proofs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_id uuid not null references public.customers (id) on delete restrict,
  order_id uuid not null references public.sales_orders (id) on delete restrict,
  order_line_id uuid not null references public.sales_order_lines (id) on delete restrict,
  version integer not null check (version > 0),
  status text not null default 'PENDING_REVIEW' references public.proof_statuses (value) on update cascade on delete restrict,
  storage_key text not null,
  file_name text not null,
  staff_notes text not null default '',
  published_by uuid references public.customer_users (id) on delete set null,
  published_at timestamptz not null default now(),
  decision_by uuid references public.customer_users (id) on delete set null,
  decided_at timestamptz,
  decision_comment text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint proofs_order_line_version_key unique (order_line_id, version),
  constraint proofs_customer_in_tenant_fkey foreign key (tenant_id, customer_id)
    references public.customers (tenant_id, id) on delete restrict,
  constraint proofs_decision_complete check ((status = 'PENDING_REVIEW') = (decided_at is null) and (decided_at is null or decision_by is not null)),
  constraint proofs_revision_has_comment check (status <> 'REVISION_REQUESTED' or coalesce(length(btrim(decision_comment)), 0) > 0)
);
create index proofs_customer_status_idx on public.proofs (customer_id, status, published_at desc);
create index proofs_order_id_idx on public.proofs (order_id);
create trigger proofs_set_updated_at before update on public.proofs
  for each row execute function public.set_updated_at();
