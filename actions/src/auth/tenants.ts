import type { Queryable } from '../db/transaction.ts';
import { maybeOne } from '../db/rows.ts';
import { ActionError } from '../errors/action-error.ts';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
}

/** The tenant named by slug (or the configured default). Tenants are public, so an unknown one is said plainly. */
export async function resolveTenant(db: Queryable, slug: string | undefined, defaultSlug: string): Promise<Tenant> {
  const wanted = slug ?? defaultSlug;
  const tenant = await maybeOne<Tenant>(db, 'select id, slug, name from public.tenants where slug = $1', [wanted]);
  if (!tenant) throw new ActionError('UNKNOWN_TENANT', { detail: `tenant ${wanted}` });
  return tenant;
}
