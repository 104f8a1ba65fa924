import bcrypt from 'bcrypt';
import type pg from 'pg';
import type { UserRole } from '@portal/common';

/** bcrypt cost of fixture passwords and of the test server (the same, so timings match). */
export const TEST_BCRYPT_COST = 4;
export const TEST_TENANT_SLUG = 'harbour-test';
export const PASSWORD = 'Correct-Horse-Battery-77';

export interface World {
  tenantId: string;
  otherTenantId: string;
  alphaId: string;
  bravoId: string;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  tenantId: string;
  customerId: string | null;
  role: UserRole;
}

async function insertId(pool: pg.Pool, text: string, values: unknown[]): Promise<string> {
  return (await pool.query<{ id: string }>(text, values)).rows[0]!.id;
}

/** Two tenants; in the first, customers ALPHA and BRAVO (the tests' default tenant). */
export async function createWorld(pool: pg.Pool): Promise<World> {
  const tenantId = await insertId(pool, `insert into tenants (slug, name) values ($1, 'Harbour Test Print') returning id`, [TEST_TENANT_SLUG]);
  const otherTenantId = await insertId(pool, `insert into tenants (slug, name) values ('other-printer', 'Other Printer') returning id`, []);
  const customer = (code: string) =>
    insertId(pool, `insert into customers (tenant_id, customer_code, name) values ($1, $2, $3) returning id`, [tenantId, code, `${code} Ltd`]);
  return { tenantId, otherTenantId, alphaId: await customer('ALPHA'), bravoId: await customer('BRAVO') };
}

export interface UserSpec {
  tenantId: string;
  customerId: string | null;
  email: string;
  role?: UserRole;
  password?: string;
  verified?: boolean;
}

export async function createUser(pool: pg.Pool, spec: UserSpec): Promise<TestUser> {
  const role = spec.role ?? (spec.customerId ? 'customer_user' : 'staff');
  const password = spec.password ?? PASSWORD;
  const id = await insertId(
    pool,
    `insert into customer_users (tenant_id, customer_id, role, email, password_hash, first_name, last_name, email_verified_at)
     values ($1, $2, $3, $4, $5, 'Test', 'Person', case when $6 then now() end) returning id`,
    [spec.tenantId, spec.customerId, role, spec.email, await bcrypt.hash(password, TEST_BCRYPT_COST), spec.verified ?? true],
  );
  return { id, email: spec.email, password, tenantId: spec.tenantId, customerId: spec.customerId, role };
}

/** Rows of a table for one user, for asserting side effects. */
export async function rowsOf<T extends object>(pool: pg.Pool, text: string, values: unknown[]): Promise<T[]> {
  return (await pool.query<T>(text, values)).rows;
}
