-- Company accounts: a self-registration waits for the company's administrator unless its address
-- is at one of the company's verified domains; administrators invite people with a role; a company
-- can require two-factor authentication; failed sign-ins are counted per account and client (in
-- rate_limit_buckets), so the per-account lock columns go; known devices let the real person in.

create table public.user_approval_statuses (value text primary key, comment text not null);
insert into public.user_approval_statuses (value, comment) values
  ('PENDING', 'Registered and waiting for a company administrator'),
  ('INVITED', 'Invited by a company administrator; the invitation is not accepted yet'),
  ('APPROVED', 'May sign in and is listed to the company'),
  ('REFUSED', 'A company administrator refused the registration');

alter table public.customer_users
  add column approval_status text not null default 'APPROVED'
    references public.user_approval_statuses (value) on update cascade on delete restrict,
  add column approved_at timestamptz,
  add column approved_by uuid references public.customer_users (id) on delete set null,
  add column invited_by uuid references public.customer_users (id) on delete set null,
  add constraint customer_users_staff_always_approved check (role <> 'staff' or approval_status = 'APPROVED'),
  drop column failed_login_count,
  drop column locked_until;
update public.customer_users set approved_at = created_at;
-- The administrators' list of people waiting, per company.
create index customer_users_customer_approval_idx on public.customer_users (customer_id, approval_status);

insert into public.one_time_token_purposes (value, comment) values
  ('INVITATION', 'Accepts an invitation: sets the name and password; valid 7 days');

insert into public.notification_templates (value, comment) values
  ('INVITATION', 'A company administrator invited you to the portal'),
  ('REGISTRATION_PENDING', 'Someone registered for your company and waits for approval'),
  ('ACCOUNT_APPROVED', 'Your registration was approved'),
  ('SIGN_IN_ATTACK', 'Many failed sign-ins to your account');

alter table public.customers
  -- Users without a second factor are sent to set one up after signing in and can do nothing else.
  add column require_mfa boolean not null default false;

-- Addresses at these domains are approved once confirmed. A domain belongs to one company of a
-- printer; an administrator may add only the domain of their own confirmed address.
create table public.customer_email_domains (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  customer_id uuid not null references public.customers (id) on delete cascade,
  domain text not null check (domain = lower(domain) and domain ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$'),
  added_by uuid references public.customer_users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint customer_email_domains_tenant_domain_key unique (tenant_id, domain),
  constraint customer_email_domains_customer_in_tenant_fkey foreign key (tenant_id, customer_id)
    references public.customers (tenant_id, id) on delete cascade
);
create index customer_email_domains_customer_idx on public.customer_email_domains (customer_id);

-- A browser where the person signed in before (a long-lived cookie holds the raw token): failed
-- attempts elsewhere do not lock them out of it.
create table public.known_devices (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.customer_users (id) on delete cascade,
  token_hash text not null unique,
  user_agent text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at timestamptz not null,
  constraint known_devices_expiry_after_creation check (expires_at > created_at)
);
create index known_devices_user_idx on public.known_devices (user_id);

-- A company administrator ends a colleague's sessions, or deactivates or refuses them.
alter table public.refresh_tokens
  drop constraint refresh_tokens_revoked_reason_check,
  add constraint refresh_tokens_revoked_reason_check check (revoked_reason in (
    'LOGOUT', 'LOGOUT_ALL', 'REUSE_DETECTED', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'SESSION_REVOKED', 'MFA_CHANGED',
    'ENDED_BY_ADMIN', 'DEACTIVATED'));
