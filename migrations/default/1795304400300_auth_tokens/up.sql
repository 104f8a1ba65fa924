-- Secrets of the sign-in flows. Only hashes are stored; the action server owns these tables and
-- no Hasura role except admin may read them.

create table public.refresh_tokens (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  user_id uuid not null references public.customer_users (id) on delete cascade,
  -- Every rotation of one sign-in shares a family; reusing a rotated token revokes the family.
  family_id uuid not null,
  token_hash text not null unique,
  session_started_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at timestamptz not null,
  absolute_expires_at timestamptz not null,
  rotated_at timestamptz,
  replaced_by_id uuid references public.refresh_tokens (id) on delete set null,
  revoked_at timestamptz,
  revoked_reason text check (revoked_reason in ('LOGOUT', 'LOGOUT_ALL', 'REUSE_DETECTED', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'SESSION_REVOKED', 'MFA_CHANGED')),
  ip_address inet,
  user_agent text,
  constraint refresh_tokens_expiry_after_creation check (expires_at > created_at and absolute_expires_at >= expires_at),
  constraint refresh_tokens_revocation_has_reason check ((revoked_at is null) = (revoked_reason is null))
);
create index refresh_tokens_user_id_idx on public.refresh_tokens (user_id) where revoked_at is null;
create index refresh_tokens_family_id_idx on public.refresh_tokens (family_id);

create table public.one_time_tokens (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  user_id uuid not null references public.customer_users (id) on delete cascade,
  purpose text not null references public.one_time_token_purposes (value) on update cascade on delete restrict,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  constraint one_time_tokens_expiry_after_creation check (expires_at > created_at)
);
create index one_time_tokens_user_purpose_idx on public.one_time_tokens (user_id, purpose) where used_at is null;

create table public.mfa_backup_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.customer_users (id) on delete cascade,
  code_hash text not null,
  created_at timestamptz not null default now(),
  used_at timestamptz
);
create index mfa_backup_codes_user_id_idx on public.mfa_backup_codes (user_id) where used_at is null;

-- Per-IP and per-account throttling shared by every action-server process.
create table public.rate_limit_buckets (
  bucket_key text primary key,
  window_started_at timestamptz not null,
  hits integer not null check (hits >= 0)
);
