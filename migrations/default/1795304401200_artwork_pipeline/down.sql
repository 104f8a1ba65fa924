drop index public.artwork_files_tenant_created_idx;
delete from public.artwork_files where status = 'UNSCANNED';
alter table public.artwork_files
  drop constraint artwork_files_preview_only_when_clean,
  drop constraint artwork_files_rejected_has_reason,
  drop constraint artwork_files_stored_has_size,
  drop column has_preview,
  drop column preflight_report,
  drop column preflight_result,
  drop column no_preview_reason,
  drop column thumbnail_key,
  drop column preview_key,
  drop column rejection_reason,
  drop constraint artwork_files_actual_size_bytes_check,
  drop constraint artwork_files_declared_size_bytes_check;
delete from public.artwork_files where declared_size_bytes > 52428800 or actual_size_bytes > 52428800 or actual_size_bytes < 1;
alter table public.artwork_files
  add constraint artwork_files_declared_size_bytes_check check (declared_size_bytes between 1 and 52428800),
  add constraint artwork_files_actual_size_bytes_check check (actual_size_bytes between 1 and 52428800),
  add constraint artwork_files_stored_has_size check (
    status in ('PENDING_UPLOAD', 'REJECTED') or (actual_size_bytes is not null and sha256 is not null and uploaded_at is not null));
drop table public.artwork_preflight_results;
delete from public.notifications where template = 'ARTWORK_INFECTED';
delete from public.notification_templates where value = 'ARTWORK_INFECTED';
delete from public.artwork_file_statuses where value = 'UNSCANNED';
