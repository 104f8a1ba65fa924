drop table public.order_status_events;
drop function public.sales_orders_record_status();
drop table public.sales_order_lines;
alter table public.quotes drop constraint quotes_converted_order_id_fkey;
drop index public.quotes_converted_order_id_idx;
drop table public.sales_orders;
drop function public.sales_orders_assign_number();
