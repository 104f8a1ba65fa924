drop table public.quote_lines;
drop table public.quotes;
drop function public.quotes_assign_number();
drop function public.next_document_number(uuid, text, timestamptz);
drop table public.document_number_counters;
drop table public.products;
