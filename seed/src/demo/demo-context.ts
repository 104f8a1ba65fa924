import { idsFor, tenantIdFor } from '../ids.ts';
import { randomFor, type Random } from '../prng.ts';
import { DEMO_TENANT, demoAccount, type DemoAccount } from '../demo-accounts.ts';
import type { CustomerRow, ProductRow, UserRow } from '../tables.ts';
import type { UserRole } from '@portal/common';

/** What every part of the demo seed needs: the tenant, stable ids, the clock, and earlier rows. */
export interface DemoContext {
  tenantId: string;
  id: (kind: string, key: string | number) => string;
  now: Date;
  random: (kind: string, index: number) => Random;
  customers: ReadonlyMap<string, CustomerRow>;
  users: ReadonlyMap<string, UserRow>;
  products: readonly ProductRow[];
}

export function demoContext(now: Date): DemoContext {
  const tenantId = tenantIdFor(DEMO_TENANT.slug);
  return {
    tenantId,
    id: idsFor(tenantId),
    now,
    random: (kind, index) => randomFor('demo', kind, index),
    customers: new Map(),
    users: new Map(),
    products: [],
  };
}

export function customerOf(ctx: DemoContext, code: string): CustomerRow {
  const customer = ctx.customers.get(code);
  if (!customer) throw new Error(`demo customer ${code} is not seeded`);
  return customer;
}

/** The seeded user row of the demo account with this role (and company). */
export function userOf(ctx: DemoContext, role: UserRole, company?: string): UserRow {
  const account: DemoAccount = demoAccount(role, company);
  const user = ctx.users.get(account.email);
  if (!user) throw new Error(`demo user ${account.email} is not seeded`);
  return user;
}
