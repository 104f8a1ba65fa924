drop table public.proofs;
drop table public.artwork_files;
