import bcrypt from 'bcrypt';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_TENANT, isSeeded } from '@portal/seed';
import { createTestDatabase, DEMO_TEMPLATE } from '../src/index.ts';

const db = await createTestDatabase(DEMO_TEMPLATE);

describe('the demo template database', () => {
  it('holds the demo tenant, so later tests can clone demo data', async () => {
    const client = await db.pool.connect();
    try {
      expect(await isSeeded(client)).toBe(true);
      const { rows } = await client.query<{ email: string; password_hash: string }>(
        `select u.email, u.password_hash from customer_users u join tenants t on t.id = u.tenant_id
          where t.slug = $1 order by u.email`,
        [DEMO_TENANT.slug],
      );
      expect(rows.map((r) => r.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
      const admin = DEMO_ACCOUNTS.find((a) => a.role === 'customer_admin')!;
      const hash = rows.find((r) => r.email === admin.email)!.password_hash;
      expect(await bcrypt.compare(admin.password, hash)).toBe(true);
    } finally {
      client.release();
    }
  });
});
