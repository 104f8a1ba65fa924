drop table public.order_status_events;
drop table public.sales_order_lines;
drop index public.quotes_converted_order_id_idx;
alter table public.quotes drop constraint quotes_converted_order_id_fkey;
drop table public.sales_orders;
drop function public.sales_orders_record_status();
drop function public.sales_orders_assign_number();
