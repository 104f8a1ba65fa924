drop function public.hasura_session_variable(text);
drop function public.refuse_change();
drop function public.set_updated_at();
