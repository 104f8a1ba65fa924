drop index public.quotes_quote_number_trgm_idx;
drop index public.quotes_title_trgm_idx;
drop index public.products_sku_trgm_idx;
drop index public.products_name_trgm_idx;
drop extension pg_trgm;

drop table public.quote_acceptances;
drop table public.quote_revisions;

alter table public.sales_orders
  drop column total_amount,
  drop column setup_amount,
  add column total_amount numeric(14, 2) generated always as (subtotal + tax_amount + shipping_amount) stored;

drop index public.quotes_valid_until_status_idx;
drop index public.quotes_changes_requested_by_idx;
alter table public.quotes
  drop constraint quotes_id_owner_key,
  drop constraint quotes_needed_by_after_request,
  drop constraint quotes_changes_requested_has_notes,
  drop constraint quotes_priced_has_revision,
  drop column changes_requested_at,
  drop column changes_requested_by,
  drop column change_request_notes,
  drop column customer_po_number,
  drop column needed_by,
  drop column note_to_customer,
  drop column total_amount,
  drop column shipping_amount,
  drop column tax_amount,
  drop column setup_amount,
  drop column revision;

drop trigger customers_log_approval_limit on public.customers;
drop function public.customers_log_approval_limit();
alter table public.customers drop column approval_limit;

-- Fails while rows still use them, rather than deleting anyone's data.
delete from public.notification_templates
 where value in ('QUOTE_REQUESTED', 'QUOTE_APPROVED', 'QUOTE_REJECTED', 'QUOTE_CHANGES_REQUESTED', 'ORDER_PLACED');
delete from public.quote_statuses where value = 'CHANGES_REQUESTED';
