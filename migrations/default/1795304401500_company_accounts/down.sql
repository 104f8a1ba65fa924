update public.refresh_tokens set revoked_reason = 'SESSION_REVOKED' where revoked_reason in ('ENDED_BY_ADMIN', 'DEACTIVATED');
alter table public.refresh_tokens
  drop constraint refresh_tokens_revoked_reason_check,
  add constraint refresh_tokens_revoked_reason_check check (revoked_reason in (
    'LOGOUT', 'LOGOUT_ALL', 'REUSE_DETECTED', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'SESSION_REVOKED', 'MFA_CHANGED'));
drop table public.known_devices;
drop table public.customer_email_domains;
alter table public.customers drop column require_mfa;
delete from public.notifications where template in ('INVITATION', 'REGISTRATION_PENDING', 'ACCOUNT_APPROVED', 'SIGN_IN_ATTACK');
delete from public.notification_templates where value in ('INVITATION', 'REGISTRATION_PENDING', 'ACCOUNT_APPROVED', 'SIGN_IN_ATTACK');
delete from public.one_time_tokens where purpose = 'INVITATION';
delete from public.one_time_token_purposes where value = 'INVITATION';
-- Invited and refused people never had an account before this migration.
delete from public.customer_users where approval_status in ('INVITED', 'REFUSED');
drop index public.customer_users_customer_approval_idx;
alter table public.customer_users
  add column failed_login_count integer not null default 0 check (failed_login_count >= 0),
  add column locked_until timestamptz,
  drop constraint customer_users_staff_always_approved,
  drop column invited_by,
  drop column approved_by,
  drop column approved_at,
  drop column approval_status;
drop table public.user_approval_statuses;
