import { beforeAll, describe, expect, test } from 'vitest';
import { createWorld, type World } from './support/fixtures.ts';
import { countRows, lastEmail, signIn } from './support/flows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let world: World;
const NEW_PASSWORD = 'Lilac-Printing-Press-19';

beforeAll(async () => {
  t = await startTestServer();
  world = await createWorld(t.db.pool);
  // alpha.example is ALPHA's verified domain, so these registrations sign in once confirmed;
  // waiting for an administrator is company-accounts-engine.test.ts's subject.
  await t.db.pool.query("insert into customer_email_domains (tenant_id, customer_id, domain) values ($1, $2, 'alpha.example')", [world.tenantId, world.alphaId]);
});

const register = (email: string, extra: Record<string, unknown> = {}) =>
  t.call('customerRegister', { customerCode: 'alpha', email, password: NEW_PASSWORD, firstName: 'Ada', lastName: 'Lovelace', ...extra });

describe('customerRegister → customerVerifyEmail → sign in', () => {
  test('creates an unverified customer_user and queues a confirmation email whose token is sealed at rest', async () => {
    const { status, body } = await register('Ada@Alpha.example', { preferredLanguage: 'zh-CN' });
    expect(status).toBe(200);
    expect(body).toEqual({ accepted: true });
    const [user] = (await t.db.pool.query('select id, role, customer_id, email_verified_at, preferred_language from customer_users where email = $1', ['ada@alpha.example'])).rows;
    expect(user).toMatchObject({ role: 'customer_user', customer_id: world.alphaId, email_verified_at: null, preferred_language: 'zh-CN' });
    const email = await lastEmail(t, 'ada@alpha.example', 'EMAIL_VERIFICATION');
    expect(email?.subject).toBe('请确认您的电子邮件地址');
    expect(email?.token).toMatch(/^[\w-]{43}$/);
    const [stored] = (await t.db.pool.query('select payload::text as payload from notifications where id = $1', [email!.id])).rows;
    expect(stored.payload).not.toContain(email!.token);
    expect(await countRows(t, 'select 1 from one_time_tokens where token_hash = $1', [email!.token])).toBe(0);
    expect((await t.call('customerLogin', { email: 'ada@alpha.example', password: NEW_PASSWORD })).body.extensions.code).toBe('EMAIL_NOT_VERIFIED');
  });

  test('the link confirms the address once; then sign-in works', async () => {
    const { token } = (await lastEmail(t, 'ada@alpha.example', 'EMAIL_VERIFICATION'))!;
    expect((await t.call('customerVerifyEmail', { token })).body).toEqual({ ok: true, approvalPending: false });
    expect((await t.call('customerVerifyEmail', { token })).body.extensions.code).toBe('TOKEN_ALREADY_USED');
    expect((await t.call('customerVerifyEmail', { token: 'y'.repeat(43) })).body.extensions.code).toBe('INVALID_TOKEN');
    const session = await signIn(t, 'ada@alpha.example', NEW_PASSWORD);
    expect(session.user).toMatchObject({ emailVerified: true, customerCode: 'ALPHA', role: 'customer_user' });
  });

  test('an expired confirmation link is refused; a new one can be requested', async () => {
    await register('late@alpha.example');
    const { token } = (await lastEmail(t, 'late@alpha.example', 'EMAIL_VERIFICATION'))!;
    t.clock.advanceMinutes(24 * 60 + 1);
    expect((await t.call('customerVerifyEmail', { token })).body.extensions.code).toBe('TOKEN_EXPIRED');
    expect((await t.call('customerResendVerificationEmail', { email: 'late@alpha.example' })).body).toEqual({ accepted: true });
    const fresh = (await lastEmail(t, 'late@alpha.example', 'EMAIL_VERIFICATION'))!;
    expect(fresh.token).not.toBe(token);
    expect((await t.call('customerVerifyEmail', { token: fresh.token })).body).toEqual({ ok: true, approvalPending: false });
  });

  test('answers are identical for a new address, a taken address and an unknown customer code', async () => {
    const fresh = await register('brand-new@alpha.example');
    const taken = await register('ada@alpha.example');
    const unknownCode = await register('someone@alpha.example', { customerCode: 'NOPE' });
    expect(taken).toEqual(fresh);
    expect(unknownCode).toEqual(fresh);
    expect(await countRows(t, "select 1 from customer_users where email = 'someone@alpha.example'", [])).toBe(0);
    expect(await countRows(t, "select 1 from notifications where recipient_email = 'ada@alpha.example' and template = 'EMAIL_VERIFICATION'", [])).toBe(1);
    const verified = await signIn(t, 'ada@alpha.example', NEW_PASSWORD);
    expect(verified.user.id).toBeDefined();
  });

  test('registering an unconfirmed address again: the newest registration wins and the older link dies', async () => {
    await register('twice@alpha.example', { password: 'Attacker-Chosen-Pass-1' });
    const older = (await lastEmail(t, 'twice@alpha.example', 'EMAIL_VERIFICATION'))!;
    t.clock.advanceSeconds(1);
    await register('twice@alpha.example', { customerCode: 'BRAVO' });
    const newer = (await lastEmail(t, 'twice@alpha.example', 'EMAIL_VERIFICATION'))!;
    expect((await t.call('customerVerifyEmail', { token: older.token })).body.extensions.code).toBe('TOKEN_ALREADY_USED');
    // BRAVO has no verified domain: the registration now waits for BRAVO's administrator.
    expect((await t.call('customerVerifyEmail', { token: newer.token })).body).toEqual({ ok: true, approvalPending: true });
    expect((await t.call('customerLogin', { email: 'twice@alpha.example', password: NEW_PASSWORD })).body.extensions.code).toBe('ACCOUNT_PENDING_APPROVAL');
    const [row] = (await t.db.pool.query('select customer_id from customer_users where email = $1', ['twice@alpha.example'])).rows;
    expect(row.customer_id).toBe(world.bravoId);
  });

  test('weak passwords are refused with a reason and no account is created', async () => {
    const cases: [string, string][] = [
      ['short1!', 'TOO_SHORT'],
      ['x'.repeat(129), 'TOO_LONG'],
      ['password123', 'COMMON'],
      ['Lovelace2026!', 'CONTEXT'],
    ];
    for (const [password, reason] of cases) {
      const { status, body } = await register('weak@alpha.example', { password });
      expect(status).toBe(400);
      expect(body.extensions).toEqual({ code: 'WEAK_PASSWORD', reason });
      expect(body.message.length).toBeGreaterThan(10);
    }
    expect(await countRows(t, "select 1 from customer_users where email = 'weak@alpha.example'", [])).toBe(0);
  });

  test('64 characters of any script are accepted, and bytes past bcrypt’s 72 still count', async () => {
    const long = '印刷'.repeat(32);
    expect((await register('long@alpha.example', { password: long })).status).toBe(200);
    const { token } = (await lastEmail(t, 'long@alpha.example', 'EMAIL_VERIFICATION'))!;
    await t.call('customerVerifyEmail', { token });
    expect((await signIn(t, 'long@alpha.example', long)).user.email).toBe('long@alpha.example');
    const samePrefix = `${'印刷'.repeat(31)}印X`;
    expect((await t.call('customerLogin', { email: 'long@alpha.example', password: samePrefix })).body.extensions.code).toBe('INVALID_CREDENTIALS');
  });
});
