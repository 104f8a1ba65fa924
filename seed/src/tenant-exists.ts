import type pg from 'pg';

/** True when a tenant with this slug exists; false as well when the schema is not migrated yet. */
export async function tenantExists(client: pg.ClientBase, slug: string): Promise<boolean> {
  const table = await client.query<{ found: boolean }>(`select to_regclass('public.tenants') is not null as found`);
  if (table.rows[0]?.found !== true) return false;
  const tenant = await client.query('select 1 from public.tenants where slug = $1', [slug]);
  return tenant.rowCount === 1;
}
