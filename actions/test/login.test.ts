import { beforeAll, describe, expect, test } from 'vitest';
import { createUser, createWorld, PASSWORD, type TestUser, type World } from './support/fixtures.ts';
import { countRows, signIn } from './support/flows.ts';
import { claimsOf, startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let world: World;
let user: TestUser;

beforeAll(async () => {
  t = await startTestServer();
  world = await createWorld(t.db.pool);
  user = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'lena@alpha.example' });
});

describe('customerLogin', () => {
  test('signs in with email and password and returns tokens and the profile', async () => {
    const session = await signIn(t, 'Lena@Alpha.example ', PASSWORD);
    expect(session.user).toMatchObject({ id: user.id, email: user.email, customerCode: 'ALPHA', tenantSlug: 'harbour-test', mfaEnabled: false });
    expect(claimsOf(session.accessToken)['x-hasura-user-id']).toBe(user.id);
    const signIns = await countRows(t, "select 1 from customer_activity_log where user_id = $1 and action = 'auth.sign_in'", [user.id]);
    expect(signIns).toBe(1);
  });

  test('a wrong password and an unknown email get byte-identical answers', async () => {
    const wrong = await t.call('customerLogin', { email: user.email, password: 'not-the-password-1' });
    const unknown = await t.call('customerLogin', { email: 'nobody@alpha.example', password: 'not-the-password-1' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ message: 'The email address or password is incorrect.', extensions: { code: 'INVALID_CREDENTIALS' } });
    expect(unknown).toEqual(wrong);
  });

  test('an unknown tenant is named plainly (tenants are public)', async () => {
    const { status, body } = await t.call('customerLogin', { tenant: 'no-such-printer', email: user.email, password: PASSWORD });
    expect(status).toBe(400);
    expect(body.extensions.code).toBe('UNKNOWN_TENANT');
  });

  test('the same address in another tenant is another account', async () => {
    const { body } = await t.call('customerLogin', { tenant: 'other-printer', email: user.email, password: PASSWORD });
    expect(body.extensions.code).toBe('INVALID_CREDENTIALS');
  });

  test('an unverified email cannot sign in, even with the right password', async () => {
    const pending = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'new@alpha.example', verified: false });
    const right = await t.call('customerLogin', { email: pending.email, password: PASSWORD });
    expect(right.status).toBe(403);
    expect(right.body.extensions.code).toBe('EMAIL_NOT_VERIFIED');
    const wrong = await t.call('customerLogin', { email: pending.email, password: 'not-the-password-1' });
    expect(wrong.body.extensions.code).toBe('INVALID_CREDENTIALS');
  });

  test('an inactive account or company answers like a wrong password', async () => {
    const inactive = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.bravoId, email: 'gone@bravo.example' });
    await t.db.pool.query('update customer_users set active = false where id = $1', [inactive.id]);
    const { body } = await t.call('customerLogin', { email: inactive.email, password: PASSWORD });
    expect(body.extensions.code).toBe('INVALID_CREDENTIALS');
  });

  test('bad input is VALIDATION_FAILED naming the field, never echoing the password', async () => {
    const { status, body } = await t.call('customerLogin', { email: 'not-an-email', password: 'secret-value-123' });
    expect(status).toBe(400);
    expect(body.extensions).toEqual({ code: 'VALIDATION_FAILED', fields: ['email'] });
    expect(JSON.stringify(body)).not.toContain('secret-value-123');
  });
});
