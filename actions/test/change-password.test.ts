import { beforeAll, describe, expect, test } from 'vitest';
import { createUser, createWorld, PASSWORD, type TestUser } from './support/fixtures.ts';
import { lastEmail, signIn } from './support/flows.ts';
import { sessionOf, startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let user: TestUser;
const NEXT = 'Duplex-Saddle-Stitch-41';

beforeAll(async () => {
  t = await startTestServer();
  const world = await createWorld(t.db.pool);
  user = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'cp@alpha.example' });
});

describe('customerChangePassword', () => {
  test('needs the current password; a wrong one counts towards the lockout', async () => {
    const session = sessionOf((await signIn(t, user.email, PASSWORD)).accessToken);
    const { status, body } = await t.call('customerChangePassword', { currentPassword: 'not-it-at-all-1', newPassword: NEXT }, session);
    expect(status).toBe(403);
    expect(body.extensions.code).toBe('CURRENT_PASSWORD_INCORRECT');
    const { rows } = await t.db.pool.query("select hits from rate_limit_buckets where bucket_key like 'fail:%:ip:%'");
    expect(rows.map((row) => row.hits)).toEqual([1]);
  });

  test('refuses a new password built from the account’s own words', async () => {
    const session = sessionOf((await signIn(t, user.email, PASSWORD)).accessToken);
    const { body } = await t.call('customerChangePassword', { currentPassword: PASSWORD, newPassword: 'alpha-example' }, session);
    expect(body.extensions).toEqual({ code: 'WEAK_PASSWORD', reason: 'CONTEXT' });
  });

  test('changes the password, ends every other session, returns a fresh one and emails the user', async () => {
    const other = await signIn(t, user.email, PASSWORD);
    const current = await signIn(t, user.email, PASSWORD);
    const { status, body } = await t.call('customerChangePassword', { currentPassword: PASSWORD, newPassword: NEXT }, sessionOf(current.accessToken));
    expect(status).toBe(200);
    expect(body.user.id).toBe(user.id);
    for (const old of [other, current]) {
      expect((await t.call('customerRefreshToken', { refreshToken: old.refreshToken })).body.extensions.code).toBe('INVALID_REFRESH_TOKEN');
    }
    expect((await t.call('customerRefreshToken', { refreshToken: body.refreshToken })).status).toBe(200);
    expect((await signIn(t, user.email, NEXT)).user.id).toBe(user.id);
    expect((await lastEmail(t, user.email, 'PASSWORD_CHANGED'))?.payload).toMatchObject({ by: 'user' });
    const reasons = await t.db.pool.query('select distinct revoked_reason from refresh_tokens where family_id = $1', [other.sessionId]);
    expect(reasons.rows).toEqual([{ revoked_reason: 'PASSWORD_CHANGED' }]);
  });

  test('anonymous callers are refused', async () => {
    const { status, body } = await t.call('customerChangePassword', { currentPassword: NEXT, newPassword: 'Another-Long-Passphrase-5' });
    expect(status).toBe(403);
    expect(body.extensions.code).toBe('SESSION_INVALID');
  });
});
