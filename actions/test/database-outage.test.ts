import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { survivePoolDisconnects } from '@portal/common/postgres';
import { createTestDatabase, startDatabaseOutage, type DatabaseOutage } from '@portal/test-support';
import { createUser, createWorld, PASSWORD, type TestUser } from './support/fixtures.ts';
import { countRows } from './support/flows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let outage: DatabaseOutage;
let user: TestUser;
let relayedPool: pg.Pool;

beforeAll(async () => {
  const db = await createTestDatabase();
  const world = await createWorld(db.pool);
  user = await createUser(db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'outage@alpha.example' });
  outage = await startDatabaseOutage(db.url);
  relayedPool = survivePoolDisconnects(new pg.Pool({ connectionString: outage.url, max: 4 }), () => undefined);
  t = await startTestServer({ db: { ...db, pool: relayedPool } });
});
afterAll(async () => {
  await relayedPool?.end();
  await outage?.close();
});

const signIn = () => t.call('customerLogin', { email: user.email, password: PASSWORD });

describe('the action server while its database is away', () => {
  test('a sign-in answers the generic internal error (which the engine turns into Hasura\'s "internal error"), with no driver text', async () => {
    expect((await signIn()).status).toBe(200);
    await outage.cut();
    try {
      const answer = await signIn();
      expect(answer).toEqual({ status: 500, body: { message: 'Something went wrong on our side.', extensions: { code: 'INTERNAL' } } });
    } finally {
      await outage.restore();
    }
  });

  test('the next sign-in after the database is back succeeds, and the one of the outage left no half-done write', async () => {
    expect((await signIn()).status).toBe(200);
    // Two sign-ins succeeded (before and after); the one in the outage recorded nothing.
    expect(await countRows(t, "select 1 from customer_activity_log where user_id = $1 and action = 'auth.sign_in'", [user.id])).toBe(2);
  });
});
