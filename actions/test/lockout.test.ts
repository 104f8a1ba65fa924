import { beforeAll, describe, expect, test } from 'vitest';
import { createUser, createWorld, PASSWORD, type World } from './support/fixtures.ts';
import { countRows } from './support/flows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/**
 * Probe finding 2: five wrong passwords from anywhere locked a real user out for 30 minutes.
 * Failures now count per account and source; small numbers keep the tests short.
 */
let t: TestServer;
let world: World;

beforeAll(async () => {
  t = await startTestServer({
    env: {
      AUTH_SLOW_DOWN_AFTER: '2',
      AUTH_SLOW_DOWN_SECONDS: '10',
      AUTH_LOCKOUT_THRESHOLD: '4',
      AUTH_ATTACK_THRESHOLD: '8',
      ACTIONS_TRUSTED_PROXIES: '127.0.0.1, ::1',
    },
  });
  world = await createWorld(t.db.pool);
});

const from = (ip: string) => ({ 'x-forwarded-for': ip });
const login = (email: string, password: string, ip: string, deviceToken?: string) =>
  t.call('customerLogin', { email, password, ...(deviceToken ? { deviceToken } : {}) }, undefined, from(ip));
const codeOf = async (answer: Promise<{ body: any }>) => {
  const { body } = await answer;
  return body.extensions?.code ?? body.status;
};

/** Fails from one address until it is locked out, waiting out each slow-down; returns every answer's code. */
async function lockOut(email: string, ip: string): Promise<string[]> {
  const codes: string[] = [];
  for (const waitAfter of [0, 10, 20, 40]) {
    codes.push(await codeOf(login(email, 'wrong-password-42', ip)));
    t.clock.advanceSeconds(waitAfter);
  }
  return codes;
}

describe('failed sign-ins per account and source', () => {
  test('slows one address down before it locks it out; the answers tell how long to wait', async () => {
    const victim = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'slow@alpha.example' });
    expect(await codeOf(login(victim.email, 'wrong-password-42', '198.51.100.1'))).toBe('INVALID_CREDENTIALS');
    expect(await codeOf(login(victim.email, 'wrong-password-42', '198.51.100.1'))).toBe('INVALID_CREDENTIALS');
    const slowed = await login(victim.email, PASSWORD, '198.51.100.1');
    expect(slowed.status).toBe(429);
    expect(slowed.body.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 10 });
    t.clock.advanceSeconds(10);
    expect(await codeOf(login(victim.email, 'wrong-password-42', '198.51.100.1'))).toBe('INVALID_CREDENTIALS');
    expect((await login(victim.email, PASSWORD, '198.51.100.1')).body.extensions.retryAfterSeconds).toBe(20);
    t.clock.advanceSeconds(20);
    expect(await codeOf(login(victim.email, 'wrong-password-42', '198.51.100.1'))).toBe('INVALID_CREDENTIALS');
    const locked = await login(victim.email, PASSWORD, '198.51.100.1');
    expect(locked.status).toBe(423);
    expect(locked.body.extensions).toEqual({ code: 'ACCOUNT_LOCKED', retryAfterSeconds: 30 * 60 });
  });

  test('the address that failed is locked out, the real user at another address is not', async () => {
    const victim = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'target@alpha.example' });
    expect(await lockOut(victim.email, '198.51.100.2')).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS']);
    expect(await codeOf(login(victim.email, PASSWORD, '198.51.100.2'))).toBe('ACCOUNT_LOCKED');
    expect(await codeOf(login(victim.email, PASSWORD, '203.0.113.10'))).toBe('SIGNED_IN');
    t.clock.advanceMinutes(30);
    expect(await codeOf(login(victim.email, PASSWORD, '198.51.100.2'))).toBe('SIGNED_IN');
  });

  test('an address that has no account is slowed and locked exactly alike, so the answers reveal nothing', async () => {
    const real = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'alike@alpha.example' });
    const known = [...(await lockOut(real.email, '198.51.100.3')), await codeOf(login(real.email, 'wrong-password-42', '198.51.100.3'))];
    const unknown = [...(await lockOut('ghost@alpha.example', '198.51.100.3')), await codeOf(login('ghost@alpha.example', 'wrong-password-42', '198.51.100.3'))];
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toBe('ACCOUNT_LOCKED');
  });

  test('an attack from many addresses: the owner is emailed once, unknown browsers without MFA wait, a known device still signs in', async () => {
    const victim = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'besieged@alpha.example' });
    const first = await login(victim.email, PASSWORD, '203.0.113.20');
    const deviceToken = first.body.session.deviceToken as string;
    expect(deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (let i = 1; i <= 8; i += 1) expect(await codeOf(login(victim.email, 'wrong-password-42', `198.51.100.${100 + i}`))).toBe('INVALID_CREDENTIALS');
    expect(await codeOf(login(victim.email, 'wrong-password-42', '198.51.100.109'))).toBe('ACCOUNT_LOCKED');
    expect(await countRows(t, "select 1 from notifications where user_id = $1 and template = 'SIGN_IN_ATTACK'", [victim.id])).toBe(1);
    expect(await codeOf(login(victim.email, PASSWORD, '192.0.2.77'))).toBe('ACCOUNT_LOCKED');
    const again = await login(victim.email, PASSWORD, '192.0.2.77', deviceToken);
    expect(again.body.status).toBe('SIGNED_IN');
    expect(again.body.session.deviceToken).toBeNull();
    expect(await codeOf(login(victim.email, PASSWORD, '192.0.2.77', 'another-browsers-made-up-token'))).toBe('ACCOUNT_LOCKED');
  });

  test('under attack, an account with a second factor still gets to the second step from a new browser', async () => {
    const careful = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'careful@alpha.example' });
    await t.db.pool.query("update customer_users set mfa_enabled = true, mfa_secret_encrypted = 'sealed' where id = $1", [careful.id]);
    for (let i = 1; i <= 8; i += 1) await login(careful.email, 'wrong-password-42', `198.51.100.${200 + i}`);
    expect(await codeOf(login(careful.email, PASSWORD, '192.0.2.88'))).toBe('MFA_REQUIRED');
  });

  test('a known device that fails is slowed down on its own, not through the address', async () => {
    const user = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'device@alpha.example' });
    const deviceToken = (await login(user.email, PASSWORD, '203.0.113.30')).body.session.deviceToken as string;
    for (let i = 0; i < 2; i += 1) await login(user.email, 'wrong-password-42', '203.0.113.30', deviceToken);
    expect(await codeOf(login(user.email, PASSWORD, '203.0.113.30', deviceToken))).toBe('RATE_LIMITED');
    expect(await codeOf(login(user.email, PASSWORD, '203.0.113.30'))).toBe('SIGNED_IN');
  });

  test('a sign-in from a new browser is emailed to the owner, one from a known device or the very first is not', async () => {
    const user = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'watchful@alpha.example' });
    const mails = () => countRows(t, "select 1 from notifications where user_id = $1 and template = 'NEW_DEVICE_SIGN_IN'", [user.id]);
    const deviceToken = (await login(user.email, PASSWORD, '203.0.113.40')).body.session.deviceToken as string;
    expect(await mails()).toBe(0);
    await login(user.email, PASSWORD, '203.0.113.40', deviceToken);
    expect(await mails()).toBe(0);
    await login(user.email, PASSWORD, '192.0.2.41');
    expect(await mails()).toBe(1);
    const [mail] = (await t.db.pool.query("select payload from notifications where user_id = $1 and template = 'NEW_DEVICE_SIGN_IN'", [user.id])).rows;
    expect(mail.payload).toMatchObject({ ip_address: '192.0.2.41' });
  });
});
