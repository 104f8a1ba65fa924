import { beforeAll, describe, expect, test } from 'vitest';
import { totpCodeAt } from '../src/auth/totp.ts';
import { createUser, createWorld, PASSWORD, type World } from './support/fixtures.ts';
import { countRows, lastEmail, signIn } from './support/flows.ts';
import { sessionOf, startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let world: World;
const NEXT = 'Quiet-Offset-Lithograph-8';

beforeAll(async () => {
  t = await startTestServer();
  world = await createWorld(t.db.pool);
});

const requestReset = (email: string) => t.call('customerRequestPasswordReset', { email });
const resetWith = (token: string | null, newPassword = NEXT) => t.call('customerResetPassword', { token, newPassword });

describe('password reset', () => {
  test('known and unknown addresses get the same answer; only the known one gets an email', async () => {
    const user = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'r1@alpha.example' });
    const known = await requestReset(user.email);
    const unknown = await requestReset('nobody@alpha.example');
    expect(known).toEqual({ status: 200, body: { accepted: true } });
    expect(unknown).toEqual(known);
    expect((await lastEmail(t, user.email, 'PASSWORD_RESET'))?.token).toEqual(expect.any(String));
    expect(await countRows(t, "select 1 from notifications where recipient_email = 'nobody@alpha.example'", [])).toBe(0);
  });

  test('a valid link sets the password, ends every session, forgets this address’s failed attempts, and works once', async () => {
    const user = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'r2@alpha.example' });
    const old = await signIn(t, user.email, PASSWORD);
    for (let attempt = 0; attempt < 5; attempt += 1) await t.call('customerLogin', { email: user.email, password: 'wrong-password-9' });
    await requestReset(user.email);
    const { token } = (await lastEmail(t, user.email, 'PASSWORD_RESET'))!;
    expect(await resetWith(token)).toEqual({ status: 200, body: { ok: true } });
    expect((await t.call('customerRefreshToken', { refreshToken: old.refreshToken })).body.extensions.code).toBe('INVALID_REFRESH_TOKEN');
    expect((await signIn(t, user.email, NEXT)).user.id).toBe(user.id);
    expect((await t.call('customerLogin', { email: user.email, password: PASSWORD })).body.extensions.code).toBe('INVALID_CREDENTIALS');
    expect((await resetWith(token, 'Another-Fresh-Password-3')).body.extensions.code).toBe('TOKEN_ALREADY_USED');
    expect((await lastEmail(t, user.email, 'PASSWORD_CHANGED'))?.payload).toMatchObject({ by: 'reset' });
    const reasons = await t.db.pool.query('select distinct revoked_reason from refresh_tokens where family_id = $1', [old.sessionId]);
    expect(reasons.rows).toEqual([{ revoked_reason: 'PASSWORD_RESET' }]);
  });

  test('an expired link is refused and changes nothing; an unknown one is invalid', async () => {
    const user = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'r3@alpha.example' });
    await requestReset(user.email);
    const { token } = (await lastEmail(t, user.email, 'PASSWORD_RESET'))!;
    t.clock.advanceMinutes(61);
    expect((await resetWith(token)).body.extensions.code).toBe('TOKEN_EXPIRED');
    expect((await resetWith('z'.repeat(43))).body.extensions.code).toBe('INVALID_TOKEN');
    expect((await signIn(t, user.email, PASSWORD)).user.id).toBe(user.id);
  });

  test('a newer link replaces an older one; a weak password keeps the link usable', async () => {
    const user = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'r4@alpha.example' });
    await requestReset(user.email);
    const older = (await lastEmail(t, user.email, 'PASSWORD_RESET'))!;
    t.clock.advanceSeconds(1);
    await requestReset(user.email);
    const newer = (await lastEmail(t, user.email, 'PASSWORD_RESET'))!;
    expect((await resetWith(older.token)).body.extensions.code).toBe('TOKEN_ALREADY_USED');
    expect((await resetWith(newer.token, 'qwertyuiop')).body.extensions).toEqual({ code: 'WEAK_PASSWORD', reason: 'COMMON' });
    expect((await resetWith(newer.token, user.email)).body.extensions).toEqual({ code: 'WEAK_PASSWORD', reason: 'CONTEXT' });
    expect((await resetWith(newer.token)).body).toEqual({ ok: true });
  });

  test('a reset never bypasses MFA, and voids a second-factor ticket issued before it', async () => {
    const user = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'r5@alpha.example' });
    const session = sessionOf((await signIn(t, user.email, PASSWORD)).accessToken);
    const { secret } = (await t.call('customerEnrollMFA', { currentPassword: PASSWORD }, session)).body;
    expect((await t.call('customerVerifyMFA', { code: totpCodeAt(secret, t.clock.now()) }, session)).status).toBe(200);
    const before = (await t.call('customerLogin', { email: user.email, password: PASSWORD })).body.mfaTicket;
    await requestReset(user.email);
    expect((await resetWith((await lastEmail(t, user.email, 'PASSWORD_RESET'))!.token)).status).toBe(200);
    const login = await t.call('customerLogin', { email: user.email, password: NEXT });
    expect(login.body).toMatchObject({ status: 'MFA_REQUIRED', session: null });
    t.clock.advanceSeconds(30);
    const stale = await t.call('customerLoginMfa', { mfaTicket: before, code: totpCodeAt(secret, t.clock.now()) });
    expect(stale.body.extensions.code).toBe('MFA_TICKET_INVALID');
    const fresh = await t.call('customerLoginMfa', { mfaTicket: login.body.mfaTicket, code: totpCodeAt(secret, t.clock.now()) });
    expect(fresh.body.user.id).toBe(user.id);
  });
});
