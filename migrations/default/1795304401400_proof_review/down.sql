drop trigger sales_orders_lock_proofs on public.sales_orders;
drop function public.sales_orders_lock_proofs();
drop table public.proof_events;
drop table public.proof_event_kinds;
drop table public.proof_comments;
drop index public.proofs_tenant_published_idx;
drop index public.proofs_customer_current_idx;
drop index public.proofs_current_per_line_key;
alter table public.proofs
  drop constraint proofs_id_owner_key,
  drop constraint proofs_order_of_customer_fkey,
  drop constraint proofs_line_of_order_fkey,
  drop constraint proofs_pending_has_no_evidence,
  drop constraint proofs_decision_has_comment,
  drop column decision_file_sha256,
  drop column decision_mfa_used,
  drop column locked_at,
  drop column superseded_at,
  drop column page_count,
  drop column file_sha256,
  drop column artwork_file_id;
update public.proofs set status = 'APPROVED' where status = 'APPROVED_WITH_CHANGES';
alter table public.proofs add constraint proofs_revision_has_comment
  check (status <> 'REVISION_REQUESTED' or coalesce(length(btrim(decision_comment)), 0) > 0);
alter table public.sales_orders drop constraint sales_orders_id_owner_key;
alter table public.sales_order_lines drop constraint sales_order_lines_order_id_id_key;
drop index public.artwork_files_proof_line_idx;
delete from public.artwork_files where purpose = 'PROOF';
alter table public.artwork_files
  drop constraint artwork_files_proof_has_line,
  drop column page_previews,
  drop column page_count,
  drop column purpose;
delete from public.notification_templates where value = 'PROOF_DECIDED';
delete from public.proof_statuses where value = 'APPROVED_WITH_CHANGES';
