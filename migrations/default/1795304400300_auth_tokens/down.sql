drop table public.rate_limit_buckets;
drop table public.mfa_backup_codes;
drop table public.one_time_tokens;
drop table public.refresh_tokens;
