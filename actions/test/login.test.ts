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

describe('lockout', () => {
  test('5 wrong passwords lock the account for 30 minutes with the same answer; it unlocks after the window', async () => {
    const victim = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'locked@alpha.example' });
    const wrong = () => t.call('customerLogin', { email: victim.email, password: 'wrong-password-42' });
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await wrong()).body.extensions.code).toBe('INVALID_CREDENTIALS');
    const [state] = (await t.db.pool.query('select failed_login_count, locked_until from customer_users where id = $1', [victim.id])).rows;
    expect(state.failed_login_count).toBe(5);
    expect(state.locked_until.getTime() - t.clock.now().getTime()).toBe(30 * 60 * 1000);

    const whileLocked = await t.call('customerLogin', { email: victim.email, password: PASSWORD });
    expect(whileLocked).toEqual(await wrong());

    t.clock.advanceMinutes(29);
    expect((await t.call('customerLogin', { email: victim.email, password: PASSWORD })).body.extensions?.code).toBe('INVALID_CREDENTIALS');
    t.clock.advanceMinutes(2);
    const session = await signIn(t, victim.email, PASSWORD);
    expect(session.user.id).toBe(victim.id);
    const [after] = (await t.db.pool.query('select failed_login_count, locked_until from customer_users where id = $1', [victim.id])).rows;
    expect(after).toEqual({ failed_login_count: 0, locked_until: null });
  });

  test('after a lock runs out, the count starts again', async () => {
    const victim = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'again@alpha.example' });
    for (let attempt = 1; attempt <= 5; attempt += 1) await t.call('customerLogin', { email: victim.email, password: 'wrong-password-42' });
    t.clock.advanceMinutes(31);
    await t.call('customerLogin', { email: victim.email, password: 'wrong-password-42' });
    const [state] = (await t.db.pool.query('select failed_login_count, locked_until from customer_users where id = $1', [victim.id])).rows;
    expect(state).toEqual({ failed_login_count: 1, locked_until: null });
  });
});
