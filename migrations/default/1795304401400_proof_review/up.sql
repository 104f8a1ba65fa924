-- Proof review: proof files come through the artwork pipeline; decisions keep their evidence; a
-- decision can be withdrawn until the proof is locked; comments are pinned to a page and a point;
-- every step lands in an append-only trail.

insert into public.proof_statuses (value, comment) values
  ('APPROVED_WITH_CHANGES', 'Approved for print once the changes in the comments are made');

insert into public.notification_templates (value, comment) values
  ('PROOF_DECIDED', 'A customer approved a proof or asked for a revision');

-- A proof file is uploaded by staff for one order line; it is not part of the customer's own
-- artwork, and customers see it only through the proof once published.
alter table public.artwork_files
  add column purpose text not null default 'ARTWORK' check (purpose in ('ARTWORK', 'PROOF')),
  add column page_count integer check (page_count > 0),
  -- Proof files get one preview per page (pages/<n>.png beside the original), up to a cap.
  add column page_previews integer not null default 0 check (page_previews >= 0),
  add constraint artwork_files_proof_has_line check (purpose <> 'PROOF' or order_line_id is not null);
create index artwork_files_proof_line_idx on public.artwork_files (order_line_id, created_at desc) where purpose = 'PROOF';

-- The composite keys a proof's own foreign keys point at: its line belongs to its order, and its
-- order to its customer and tenant.
alter table public.sales_order_lines add constraint sales_order_lines_order_id_id_key unique (order_id, id);
alter table public.sales_orders add constraint sales_orders_id_owner_key unique (id, tenant_id, customer_id);

alter table public.proofs
  add column artwork_file_id uuid unique references public.artwork_files (id) on delete restrict,
  add column file_sha256 text check (file_sha256 ~ '^[0-9a-f]{64}$'),
  add column page_count integer check (page_count > 0),
  add column superseded_at timestamptz,
  add column locked_at timestamptz,
  -- What the decision was made on and how the decider had signed in (access tokens carry no MFA
  -- claim: true when the account has a second factor, which every session then passed).
  add column decision_mfa_used boolean,
  add column decision_file_sha256 text check (decision_file_sha256 ~ '^[0-9a-f]{64}$'),
  drop constraint proofs_revision_has_comment,
  add constraint proofs_decision_has_comment check (
    status not in ('REVISION_REQUESTED', 'APPROVED_WITH_CHANGES') or coalesce(length(btrim(decision_comment)), 0) > 0),
  add constraint proofs_pending_has_no_evidence check (
    status <> 'PENDING_REVIEW' or (decision_mfa_used is null and decision_file_sha256 is null)),
  add constraint proofs_line_of_order_fkey foreign key (order_id, order_line_id)
    references public.sales_order_lines (order_id, id) on delete restrict,
  add constraint proofs_order_of_customer_fkey foreign key (order_id, tenant_id, customer_id)
    references public.sales_orders (id, tenant_id, customer_id) on delete restrict,
  add constraint proofs_id_owner_key unique (id, tenant_id, customer_id);

-- Versions published before this migration: each older one was superseded when the next appeared.
update public.proofs p
   set superseded_at = n.published_at
  from public.proofs n
 where n.order_line_id = p.order_line_id and n.version = p.version + 1;

-- One current version per line; the "to review" list and the order page read current versions.
create unique index proofs_current_per_line_key on public.proofs (order_line_id) where superseded_at is null;
create index proofs_customer_current_idx on public.proofs (customer_id, published_at desc)
  where superseded_at is null and status = 'PENDING_REVIEW';
create index proofs_tenant_published_idx on public.proofs (tenant_id, published_at desc);

create table public.proof_comments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  customer_id uuid not null,
  proof_id uuid not null references public.proofs (id) on delete cascade,
  -- Replies point at the thread's first comment; threads are one level deep, as in proofing tools.
  parent_id uuid references public.proof_comments (id) on delete cascade,
  author_id uuid references public.customer_users (id) on delete set null,
  author_role text not null references public.user_roles (value) on update cascade on delete restrict,
  -- The name as written, because customers cannot read staff accounts.
  author_name text not null check (length(author_name) between 1 and 200),
  body text not null check (length(btrim(body)) between 1 and 4000),
  page integer check (page > 0),
  x numeric(6, 5) check (x between 0 and 1),
  y numeric(6, 5) check (y between 0 and 1),
  resolved_at timestamptz,
  resolved_by uuid references public.customer_users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint proof_comments_proof_owner_fkey foreign key (proof_id, tenant_id, customer_id)
    references public.proofs (id, tenant_id, customer_id) on delete cascade,
  constraint proof_comments_proof_id_key unique (proof_id, id),
  constraint proof_comments_parent_fkey foreign key (proof_id, parent_id)
    references public.proof_comments (proof_id, id) on delete cascade,
  constraint proof_comments_thread_has_page check ((parent_id is null) = (page is not null)),
  constraint proof_comments_point_complete check ((x is null) = (y is null) and (x is null or page is not null)),
  constraint proof_comments_only_threads_resolve check (parent_id is null or resolved_at is null),
  constraint proof_comments_resolved_by_someone check ((resolved_at is null) = (resolved_by is null))
);
create index proof_comments_proof_created_idx on public.proof_comments (proof_id, created_at);
create index proof_comments_parent_idx on public.proof_comments (parent_id) where parent_id is not null;
create trigger proof_comments_set_updated_at before update on public.proof_comments
  for each row execute function public.set_updated_at();

create table public.proof_event_kinds (value text primary key, comment text not null);
insert into public.proof_event_kinds (value, comment) values
  ('PUBLISHED', 'Staff published this version'),
  ('VIEWED', 'Someone opened this version for the first time'),
  ('COMMENTED', 'A comment or reply was added'),
  ('COMMENT_RESOLVED', 'A comment thread was marked resolved'),
  ('COMMENT_REOPENED', 'A resolved comment thread was reopened'),
  ('APPROVED', 'Approved for print'),
  ('APPROVED_WITH_CHANGES', 'Approved with changes'),
  ('REVISION_REQUESTED', 'A revision was requested'),
  ('WITHDRAWN', 'A decision was withdrawn'),
  ('SUPERSEDED', 'A newer version was published'),
  ('LOCKED', 'Locked: decisions can no longer be withdrawn');

create table public.proof_events (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  customer_id uuid not null,
  proof_id uuid not null references public.proofs (id) on delete restrict,
  kind text not null references public.proof_event_kinds (value) on update cascade on delete restrict,
  actor_id uuid references public.customer_users (id) on delete set null,
  actor_role text,
  actor_name text check (length(actor_name) between 1 and 200),
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  constraint proof_events_proof_owner_fkey foreign key (proof_id, tenant_id, customer_id)
    references public.proofs (id, tenant_id, customer_id) on delete restrict
);
create index proof_events_proof_idx on public.proof_events (proof_id, id);
-- "Viewed" is the first view per person, so a reload adds nothing.
create unique index proof_events_first_view_key on public.proof_events (proof_id, actor_id) where kind = 'VIEWED';
create trigger proof_events_append_only before update or delete on public.proof_events
  for each row execute function public.refuse_change();
create trigger proof_events_no_truncate before truncate on public.proof_events
  for each statement execute function public.refuse_change();

-- Once an order goes into production its proofs are locked: what was approved is what is printed.
-- A trigger, so the lock holds however the order is moved (console, API, action).
create function public.sales_orders_lock_proofs() returns trigger
language plpgsql as $$
declare
  v_user_id text := public.hasura_session_variable('x-hasura-user-id');
begin
  if new.status not in ('IN_PRODUCTION', 'SHIPPED', 'DELIVERED') or new.status is not distinct from old.status then
    return null;
  end if;
  with locked as (
    update public.proofs set locked_at = now()
     where order_id = new.id and locked_at is null and superseded_at is null
    returning id, tenant_id, customer_id
  )
  insert into public.proof_events (tenant_id, customer_id, proof_id, kind, actor_id, actor_role, details)
  select tenant_id, customer_id, id, 'LOCKED',
         case when v_user_id ~* '^[0-9a-f-]{36}$' then v_user_id::uuid end,
         public.hasura_session_variable('x-hasura-role'),
         jsonb_build_object('reason', 'ORDER_' || new.status)
    from locked;
  return null;
end;
$$;
create trigger sales_orders_lock_proofs after update of status on public.sales_orders
  for each row execute function public.sales_orders_lock_proofs();
