import { beforeAll, describe, expect, test } from 'vitest';
import { totpCodeAt } from '../src/auth/totp.ts';
import { createUser, createWorld, PASSWORD, type TestUser } from './support/fixtures.ts';
import { countRows, lastEmail, signIn } from './support/flows.ts';
import { sessionOf, startTestServer, type Session, type TestServer } from './support/test-server.ts';

let t: TestServer;
let user: TestUser;
let session: Session;
let secret: string;
let backupCodes: string[];

beforeAll(async () => {
  t = await startTestServer();
  const world = await createWorld(t.db.pool);
  user = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'mfa@alpha.example' });
  session = sessionOf((await signIn(t, user.email, PASSWORD)).accessToken);
});

const code = () => totpCodeAt(secret, t.clock.now());
const login = (extra: Record<string, unknown> = {}) => t.call('customerLogin', { email: user.email, password: PASSWORD, ...extra });

describe('MFA: enroll → verify → sign in with a code → backup code once → disable', () => {
  test('enrolling needs the current password', async () => {
    const { status, body } = await t.call('customerEnrollMFA', { currentPassword: 'wrong-password-1' }, session);
    expect(status).toBe(403);
    expect(body.extensions.code).toBe('CURRENT_PASSWORD_INCORRECT');
  });

  test('enrolling returns the secret, an otpauth URL, a QR code and ten backup codes; MFA stays off', async () => {
    const { status, body } = await t.call('customerEnrollMFA', { currentPassword: PASSWORD }, session);
    expect(status).toBe(200);
    ({ secret, backupCodes } = body);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Harbour%20Test%20Print:mfa%40alpha\.example\?secret=/);
    expect(body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);
    const [row] = (await t.db.pool.query('select mfa_enabled, mfa_pending_secret_encrypted from customer_users where id = $1', [user.id])).rows;
    expect(row.mfa_enabled).toBe(false);
    expect(row.mfa_pending_secret_encrypted).not.toContain(secret);
    const stored = (await t.db.pool.query('select code_hash from mfa_backup_codes where user_id = $1', [user.id])).rows.map((r) => r.code_hash);
    expect(stored).toHaveLength(10);
    expect(stored.some((hash: string) => backupCodes.some((plain) => hash.includes(plain.replace('-', ''))))).toBe(false);
    expect((await login()).body.status).toBe('SIGNED_IN');
  });

  test('a wrong code does not turn MFA on; the right one does, ends other sessions and emails the user', async () => {
    expect((await t.call('customerVerifyMFA', { code: '000000' }, session)).body.extensions.code).toBe('INVALID_MFA_CODE');
    const { status, body } = await t.call('customerVerifyMFA', { code: code() }, session);
    expect(status).toBe(200);
    expect(body.user.mfaEnabled).toBe(true);
    expect(await countRows(t, 'select 1 from refresh_tokens where user_id = $1 and revoked_at is null and rotated_at is null', [user.id])).toBe(1);
    expect((await lastEmail(t, user.email, 'MFA_CHANGED'))?.payload).toMatchObject({ enabled: true });
    session = sessionOf(body.accessToken);
  });

  test('sign-in now asks for the second factor and accepts a TOTP code with the ticket', async () => {
    t.clock.advanceSeconds(60);
    const first = await login();
    expect(first.body).toMatchObject({ status: 'MFA_REQUIRED', session: null });
    expect(first.body.mfaTicket).toEqual(expect.any(String));
    const wrong = await t.call('customerLoginMfa', { mfaTicket: first.body.mfaTicket, code: '123456' });
    expect(wrong.body.extensions.code).toBe('INVALID_MFA_CODE');
    const right = await t.call('customerLoginMfa', { mfaTicket: first.body.mfaTicket, code: code() });
    expect(right.status).toBe(200);
    expect(right.body.user.id).toBe(user.id);
    const again = await t.call('customerLoginMfa', { mfaTicket: first.body.mfaTicket, code: code() });
    expect(again.body.extensions.code).toBe('MFA_TICKET_INVALID');
  });

  test('a TOTP code works once; the code can also come with the password', async () => {
    const used = code();
    expect((await login({ mfaCode: used })).body.extensions.code).toBe('MFA_CODE_ALREADY_USED');
    expect((await login({ mfaCode: '000000' })).body.extensions.code).toBe('INVALID_MFA_CODE');
    t.clock.advanceSeconds(60);
    expect((await login({ mfaCode: code() })).body.status).toBe('SIGNED_IN');
  });

  test('a backup code works once', async () => {
    const backup = backupCodes[0]!.toLowerCase();
    const first = await login();
    expect((await t.call('customerLoginMfa', { mfaTicket: first.body.mfaTicket, code: backup })).status).toBe(200);
    const second = await login();
    expect((await t.call('customerLoginMfa', { mfaTicket: second.body.mfaTicket, code: backup })).body.extensions.code).toBe('INVALID_MFA_CODE');
    const { rows } = await t.db.pool.query("select details from customer_activity_log where user_id = $1 and details->>'mfa' = 'backup_code'", [user.id]);
    expect(rows.map((row) => row.details.backup_codes_left)).toEqual([9]);
  });

  test('an expired ticket is refused', async () => {
    const { body } = await login();
    t.clock.advanceMinutes(6);
    expect((await t.call('customerLoginMfa', { mfaTicket: body.mfaTicket, code: code() })).body.extensions.code).toBe('MFA_TICKET_INVALID');
  });

  test('wrong codes slow the ticket holder down like wrong passwords, and say how long to wait', async () => {
    expect((await login({ mfaCode: code() })).body.status).toBe('SIGNED_IN');
    const { body } = await login();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect((await t.call('customerLoginMfa', { mfaTicket: body.mfaTicket, code: '111111' })).body.extensions.code).toBe('INVALID_MFA_CODE');
    }
    const slowed = await t.call('customerLoginMfa', { mfaTicket: body.mfaTicket, code: code() });
    expect(slowed.body.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 15 });
    expect((await login()).body.extensions.code).toBe('RATE_LIMITED');
    // Past the wait, and into the next TOTP step (the current one was spent signing in above).
    t.clock.advanceSeconds(30);
    expect((await t.call('customerLoginMfa', { mfaTicket: body.mfaTicket, code: code() })).status).toBe(200);
    t.clock.advanceSeconds(30);
  });

  test('disabling needs the current password, then sign-in needs no code', async () => {
    session = sessionOf((await t.call('customerLoginMfa', { mfaTicket: (await login()).body.mfaTicket, code: code() })).body.accessToken);
    expect((await t.call('customerDisableMFA', { currentPassword: 'wrong-password-1' }, session)).body.extensions.code).toBe('CURRENT_PASSWORD_INCORRECT');
    const { status, body } = await t.call('customerDisableMFA', { currentPassword: PASSWORD }, session);
    expect(status).toBe(200);
    expect(body.user.mfaEnabled).toBe(false);
    expect(await countRows(t, 'select 1 from mfa_backup_codes where user_id = $1', [user.id])).toBe(0);
    expect((await login()).body.status).toBe('SIGNED_IN');
    expect((await t.call('customerDisableMFA', { currentPassword: PASSWORD }, sessionOf(body.accessToken))).body.extensions.code).toBe('MFA_NOT_ENABLED');
  });
});
