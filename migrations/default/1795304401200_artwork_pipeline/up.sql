-- The artwork pipeline: upload, confirm, virus scan, previews and the preflight report.

insert into public.artwork_file_statuses (value, comment) values
  ('UNSCANNED', 'Stored and checked, but no virus scanner is configured: never shown as clean');

insert into public.notification_templates (value, comment) values
  ('ARTWORK_INFECTED', 'The virus scanner found a threat in an uploaded file');

create table public.artwork_preflight_results (value text primary key, comment text not null);
insert into public.artwork_preflight_results (value, comment) values
  ('PASS', 'Ready for print'),
  ('WARNING', 'Printable, but check the findings'),
  ('FAIL', 'Needs a new file');

-- The upload limit is a setting (ARTWORK_MAX_UPLOAD_MB), so the table keeps only a sanity bound;
-- an oversize upload is recorded with its real size when it is rejected.
alter table public.artwork_files
  drop constraint artwork_files_declared_size_bytes_check,
  drop constraint artwork_files_actual_size_bytes_check,
  drop constraint artwork_files_stored_has_size,
  add constraint artwork_files_declared_size_bytes_check check (declared_size_bytes between 1 and 2147483648),
  add constraint artwork_files_actual_size_bytes_check check (actual_size_bytes >= 0),
  add column rejection_reason text check (length(rejection_reason) between 1 and 500),
  add column preview_key text,
  add column thumbnail_key text,
  add column no_preview_reason text check (length(no_preview_reason) between 1 and 500),
  add column preflight_result text references public.artwork_preflight_results (value) on update cascade on delete restrict,
  add column preflight_report jsonb,
  -- Customers never read storage keys; this says whether a thumbnail can be asked for.
  add column has_preview boolean generated always as (thumbnail_key is not null) stored,
  add constraint artwork_files_stored_has_size check (
    status in ('PENDING_UPLOAD', 'REJECTED') or (actual_size_bytes is not null and sha256 is not null and uploaded_at is not null)),
  add constraint artwork_files_rejected_has_reason check (status <> 'REJECTED' or rejection_reason is not null),
  add constraint artwork_files_preview_only_when_clean check (status = 'CLEAN' or (preview_key is null and thumbnail_key is null));

-- Staff list the tenant's files newest first; order and quote pages list theirs (order_id, quote_id
-- indexes exist).
create index artwork_files_tenant_created_idx on public.artwork_files (tenant_id, created_at desc);
