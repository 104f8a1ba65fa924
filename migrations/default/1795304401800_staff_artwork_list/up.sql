-- The staff artwork list filters the tenant's customer files by status, newest first.
create index artwork_files_tenant_status_created_idx on public.artwork_files (tenant_id, status, created_at desc) where purpose = 'ARTWORK';
