drop table public.integrator_clients;
drop table public.customer_users;
drop table public.customers;
drop table public.tenants;
