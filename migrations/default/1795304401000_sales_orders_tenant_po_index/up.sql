-- Staff search the whole tenant's orders by PO number; the (customer_id, customer_po_number)
-- index serves only a search inside one customer. Orders without a PO number are never searched
-- by it, so they stay out of the index.
create index sales_orders_tenant_po_idx on public.sales_orders (tenant_id, customer_po_number)
  where customer_po_number is not null;
