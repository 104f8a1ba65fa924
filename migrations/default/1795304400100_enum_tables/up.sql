-- Hasura enum tables: one text primary key plus a comment, so GraphQL gets real enums.
-- The values mirror common/src/statuses.ts (a test keeps them equal).

create table public.user_roles (value text primary key, comment text not null);
insert into public.user_roles (value, comment) values
  ('customer_user', 'Customer staff: follows orders, requests quotes, uploads artwork'),
  ('customer_approver', 'Customer staff who may also approve quotes and proofs'),
  ('customer_admin', 'Customer staff who may also manage the company''s users'),
  ('staff', 'The printer''s staff');

create table public.quote_statuses (value text primary key, comment text not null);
insert into public.quote_statuses (value, comment) values
  ('DRAFT', 'Requested by the customer, waiting for a price'),
  ('PRICED', 'Priced by staff, waiting for the customer''s decision'),
  ('CONVERTED', 'Approved by the customer and turned into a sales order'),
  ('REJECTED', 'Rejected by the customer'),
  ('EXPIRED', 'Not decided before valid_until');

create table public.sales_order_statuses (value text primary key, comment text not null);
insert into public.sales_order_statuses (value, comment) values
  ('CONFIRMED', 'Order received and confirmed'),
  ('IN_PRODUCTION', 'Being printed'),
  ('SHIPPED', 'Handed to the carrier'),
  ('DELIVERED', 'Delivered to the customer'),
  ('ON_HOLD', 'Paused, waiting for something'),
  ('CANCELLED', 'Cancelled');

create table public.proof_statuses (value text primary key, comment text not null);
insert into public.proof_statuses (value, comment) values
  ('PENDING_REVIEW', 'Published by staff, waiting for the customer'),
  ('APPROVED', 'Approved for print'),
  ('REVISION_REQUESTED', 'The customer asked for changes');

create table public.artwork_file_statuses (value text primary key, comment text not null);
insert into public.artwork_file_statuses (value, comment) values
  ('PENDING_UPLOAD', 'Upload URL issued, file not yet confirmed'),
  ('UPLOADED', 'Stored and checked, waiting for the virus scan'),
  ('SCANNING', 'Being scanned'),
  ('CLEAN', 'Scanned, no threat found'),
  ('INFECTED', 'The virus scanner found a threat'),
  ('REJECTED', 'Size or file type did not match what was declared');

create table public.one_time_token_purposes (value text primary key, comment text not null);
insert into public.one_time_token_purposes (value, comment) values
  ('EMAIL_VERIFICATION', 'Confirms an email address; valid 24 hours'),
  ('PASSWORD_RESET', 'Sets a new password; valid 1 hour');

create table public.notification_statuses (value text primary key, comment text not null);
insert into public.notification_statuses (value, comment) values
  ('PENDING', 'Waiting to be sent'),
  ('SENT', 'Accepted by the mail provider'),
  ('FAILED', 'Gave up after retries');

create table public.notification_templates (value text primary key, comment text not null);
insert into public.notification_templates (value, comment) values
  ('EMAIL_VERIFICATION', 'Confirm your email address'),
  ('PASSWORD_RESET', 'Reset your password'),
  ('PASSWORD_CHANGED', 'Your password was changed'),
  ('MFA_CHANGED', 'Two-factor authentication was turned on or off'),
  ('QUOTE_PRICED', 'A quote is ready for your decision'),
  ('ORDER_STATUS_CHANGED', 'An order moved to a new status'),
  ('PROOF_READY', 'A proof is waiting for your review');
