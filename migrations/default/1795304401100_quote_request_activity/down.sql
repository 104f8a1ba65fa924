drop trigger quotes_log_request on public.quotes;
drop function public.quotes_log_request();
