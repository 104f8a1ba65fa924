import { beforeAll, describe, expect, test } from 'vitest';
import { createUser, createWorld, PASSWORD, type World } from './support/fixtures.ts';
import { countRows, signIn } from './support/flows.ts';
import { sessionOf, startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let world: World;
let counter = 0;

beforeAll(async () => {
  t = await startTestServer();
  world = await createWorld(t.db.pool);
});

async function freshUser() {
  counter += 1;
  return createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: `s${counter}@alpha.example` });
}

const refresh = (refreshToken: string) => t.call('customerRefreshToken', { refreshToken });

describe('refresh token rotation', () => {
  test('each refresh returns new tokens and retires the old refresh token', async () => {
    const user = await freshUser();
    const first = await signIn(t, user.email, PASSWORD);
    t.clock.advanceMinutes(10);
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(second.body.sessionId).toBe(first.sessionId);
    expect(second.body.user.id).toBe(user.id);
    const stored = await countRows(t, 'select 1 from refresh_tokens where token_hash in ($1, $2)', [first.refreshToken, second.body.refreshToken]);
    expect(stored).toBe(0);
  });

  test('reusing a rotated token revokes the whole family, including the newest token, and is logged', async () => {
    const user = await freshUser();
    const first = await signIn(t, user.email, PASSWORD);
    const second = await refresh(first.refreshToken);
    const stolen = await refresh(first.refreshToken);
    expect(stolen.status).toBe(401);
    expect(stolen.body.extensions.code).toBe('INVALID_REFRESH_TOKEN');
    expect((await refresh(second.body.refreshToken)).body.extensions.code).toBe('INVALID_REFRESH_TOKEN');
    const reasons = await t.db.pool.query('select distinct revoked_reason from refresh_tokens where family_id = $1', [first.sessionId]);
    expect(reasons.rows).toEqual([{ revoked_reason: 'REUSE_DETECTED' }]);
    expect(await countRows(t, "select 1 from customer_activity_log where user_id = $1 and action = 'auth.refresh_token_reused'", [user.id])).toBe(1);
  });

  test('an unknown refresh token is refused', async () => {
    expect((await refresh('x'.repeat(43))).body.extensions.code).toBe('INVALID_REFRESH_TOKEN');
  });

  test('a session ends after 30 minutes without activity', async () => {
    const user = await freshUser();
    const first = await signIn(t, user.email, PASSWORD);
    t.clock.advanceMinutes(31);
    const { status, body } = await refresh(first.refreshToken);
    expect(status).toBe(401);
    expect(body.extensions.code).toBe('SESSION_EXPIRED');
  });

  test('rotation never extends a session past its absolute lifetime of 12 hours', async () => {
    const user = await freshUser();
    let token = (await signIn(t, user.email, PASSWORD)).refreshToken;
    let last: Awaited<ReturnType<typeof refresh>> | undefined;
    for (let step = 1; step <= 35; step += 1) {
      t.clock.advanceMinutes(20);
      last = await refresh(token);
      expect(last.status, `after ${step * 20} minutes`).toBe(200);
      token = last.body.refreshToken;
    }
    // At 11 h 40 min the inactivity timeout (30 min) would pass the 12 h end, so the session's end wins.
    expect(last!.body.refreshTokenExpiresAt).toBe(last!.body.sessionExpiresAt);
    t.clock.advanceMinutes(21);
    expect((await refresh(token)).body.extensions.code).toBe('SESSION_EXPIRED');
  });

  test('a signed-in caller cannot refresh somebody else’s token', async () => {
    const a = await freshUser();
    const b = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.bravoId, email: 'other@bravo.example' });
    const sessionA = await signIn(t, a.email, PASSWORD);
    const sessionB = await signIn(t, b.email, PASSWORD);
    const { body } = await t.call('customerRefreshToken', { refreshToken: sessionB.refreshToken }, sessionOf(sessionA.accessToken));
    expect(body.extensions.code).toBe('INVALID_REFRESH_TOKEN');
    expect((await refresh(sessionB.refreshToken)).status).toBe(200);
  });
});

describe('sessions: list, revoke, sign out', () => {
  test('lists active sessions and ends any one of them', async () => {
    const user = await freshUser();
    const laptop = await signIn(t, user.email, PASSWORD);
    const phone = await signIn(t, user.email, PASSWORD);
    const session = sessionOf(phone.accessToken);
    const listed = await t.call('customerSessions', {}, session, { 'x-forwarded-user-agent': 'Phone/1.0' });
    expect(listed.body.map((s: { id: string }) => s.id).sort()).toEqual([laptop.sessionId, phone.sessionId].sort());
    expect(listed.body[0]).toEqual(expect.objectContaining({ ipAddress: '127.0.0.1', startedAt: expect.any(String), absoluteExpiresAt: expect.any(String) }));
    expect((await t.call('customerRevokeSession', { sessionId: laptop.sessionId }, session)).body).toEqual({ ok: true });
    expect((await refresh(laptop.refreshToken)).body.extensions.code).toBe('INVALID_REFRESH_TOKEN');
    expect((await t.call('customerSessions', {}, session)).body.map((s: { id: string }) => s.id)).toEqual([phone.sessionId]);
  });

  test('another user’s session id is not found and stays active', async () => {
    const mine = await freshUser();
    const theirs = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.bravoId, email: 'victim@bravo.example' });
    const victim = await signIn(t, theirs.email, PASSWORD);
    const attacker = sessionOf((await signIn(t, mine.email, PASSWORD)).accessToken);
    const { status, body } = await t.call('customerRevokeSession', { sessionId: victim.sessionId }, attacker);
    expect(status).toBe(404);
    expect(body.extensions.code).toBe('SESSION_NOT_FOUND');
    expect((await refresh(victim.refreshToken)).status).toBe(200);
  });

  test('logout ends this session; logout with allSessions ends every one', async () => {
    const user = await freshUser();
    const one = await signIn(t, user.email, PASSWORD);
    const two = await signIn(t, user.email, PASSWORD);
    const three = await signIn(t, user.email, PASSWORD);
    expect((await t.call('customerLogout', { refreshToken: one.refreshToken })).body).toEqual({ revokedSessions: 1 });
    expect((await t.call('customerLogout', { refreshToken: one.refreshToken })).body).toEqual({ revokedSessions: 0 });
    expect((await refresh(one.refreshToken)).body.extensions.code).toBe('INVALID_REFRESH_TOKEN');
    expect((await refresh(two.refreshToken)).status).toBe(200);
    const all = await t.call('customerLogout', { refreshToken: three.refreshToken, allSessions: true }, sessionOf(three.accessToken));
    expect(all.body).toEqual({ revokedSessions: 2 });
    expect(await countRows(t, 'select 1 from refresh_tokens where user_id = $1 and revoked_at is null', [user.id])).toBe(0);
  });
});
