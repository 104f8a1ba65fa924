import { beforeAll, describe, expect, test } from 'vitest';
import { pruneBuckets } from '../src/auth/rate-limit.ts';
import { createTestDatabase, type TestDatabase } from '@portal/test-support';
import { createWorld } from './support/fixtures.ts';
import { TestClock } from './support/test-clock.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

let db: TestDatabase;
let clock: TestClock;
let first: TestServer;
let second: TestServer;
let proxied: TestServer;

beforeAll(async () => {
  db = await createTestDatabase();
  clock = new TestClock();
  await createWorld(db.pool);
  // Failed sign-ins of one account slow down on their own (lockout.test.ts); here only the per-address limit counts.
  const env = { AUTH_RATE_LIMIT_SIGN_IN: '4', AUTH_RATE_LIMIT_EMAIL: '3', AUTH_RATE_LIMIT_PER_ADDRESS: '2', AUTH_SLOW_DOWN_AFTER: '50', AUTH_LOCKOUT_THRESHOLD: '100' };
  first = await startTestServer({ db, clock, env });
  second = await startTestServer({ db, clock, env });
  proxied = await startTestServer({ db, clock, env: { ...env, ACTIONS_TRUSTED_PROXIES: '127.0.0.1, ::1' } });
});

const login = (t: TestServer, headers: Record<string, string> = {}) =>
  t.call('customerLogin', { email: 'nobody@alpha.example', password: 'whatever-123' }, undefined, headers);

describe('per-IP throttling stored in PostgreSQL', () => {
  test('the limit is shared by several action-server processes and resets with the window', async () => {
    const servers = [first, second, first, second];
    for (const t of servers) expect((await login(t)).body.extensions.code).toBe('INVALID_CREDENTIALS');
    const limited = await login(second);
    expect(limited.status).toBe(429);
    expect(limited.body.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 15 * 60 });
    clock.advanceMinutes(15);
    expect((await login(first)).body.extensions.code).toBe('INVALID_CREDENTIALS');
  });

  test('X-Forwarded-For is ignored unless proxies are trusted; then each client has its own bucket', async () => {
    clock.advanceMinutes(15);
    for (let i = 0; i < 4; i += 1) await login(first, { 'x-forwarded-for': `198.51.100.${i}` });
    expect((await login(first, { 'x-forwarded-for': '198.51.100.99' })).status).toBe(429);
    for (let i = 0; i < 4; i += 1) expect((await login(proxied, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(401);
    expect((await login(proxied, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
    expect((await login(proxied, { 'x-forwarded-for': 'spoofed, 203.0.113.8' })).status).toBe(401);
  });

  test('mail-sending actions are limited per address too, whether or not the address has an account', async () => {
    clock.advanceMinutes(15);
    const reset = (email: string, ip: string) => proxied.call('customerRequestPasswordReset', { email }, undefined, { 'x-forwarded-for': ip });
    expect((await reset('target@alpha.example', '192.0.2.1')).status).toBe(200);
    expect((await reset('target@alpha.example', '192.0.2.2')).status).toBe(200);
    expect((await reset('target@alpha.example', '192.0.2.3')).body.extensions.code).toBe('RATE_LIMITED');
    const { rows } = await db.pool.query("select bucket_key from rate_limit_buckets where bucket_key like 'rate:email:address:%'");
    expect(rows.every((row) => !row.bucket_key.includes('target'))).toBe(true);
  });

  test('old counters are pruned', async () => {
    clock.advanceMinutes(24 * 60 + 1);
    expect(await pruneBuckets(db.pool, new Date(clock.now().getTime() - 24 * 3600 * 1000))).toBeGreaterThan(0);
  });
});
