drop index public.sales_orders_tenant_po_idx;
