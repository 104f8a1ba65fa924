import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';

/** The signed-in person as the portal shows them (the `CustomerProfile` output type). */
export interface CustomerProfile {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: string;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  customerId: string | null;
  customerCode: string | null;
  customerName: string | null;
  preferredLanguage: string;
  timezone: string;
  emailVerified: boolean;
  mfaEnabled: boolean;
}

export async function loadProfile(db: Queryable, userId: string): Promise<CustomerProfile> {
  const profile = await maybeOne<CustomerProfile>(
    db,
    `select u.id, u.email, u.first_name as "firstName", u.last_name as "lastName", u.role,
            t.id as "tenantId", t.slug as "tenantSlug", t.name as "tenantName",
            c.id as "customerId", c.customer_code as "customerCode", c.name as "customerName",
            u.preferred_language as "preferredLanguage", u.timezone,
            u.email_verified_at is not null as "emailVerified", u.mfa_enabled as "mfaEnabled"
       from public.customer_users u
       join public.tenants t on t.id = u.tenant_id
       left join public.customers c on c.id = u.customer_id
      where u.id = $1`,
    [userId],
  );
  if (!profile) throw new Error(`no user ${userId}`);
  return profile;
}
