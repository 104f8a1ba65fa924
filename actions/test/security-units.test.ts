import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import bcrypt from 'bcrypt';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { hashBackupCode, isBackupCodeShaped, newBackupCodes, normalizeBackupCode } from '../src/auth/backup-codes.ts';
import { isBreachedOnline } from '../src/auth/breach-check.ts';
import { waitSeconds } from '../src/auth/lockout.ts';
import { bcryptInput, PasswordHasher } from '../src/auth/password-hashing.ts';
import { contextWords, offlinePasswordProblem } from '../src/auth/password-policy.ts';
import { matchTotpStep, newTotpSecret, totpCodeAt } from '../src/auth/totp.ts';
import { trustedProxyList } from '../src/config/trusted-proxies.ts';
import { SecretBox } from '../src/crypto/encryption.ts';
import { clientAddress } from '../src/http/client-info.ts';
import { databaseRefusal } from '../src/errors/database-error.ts';
import { createLogger } from '../src/logger.ts';

describe('password policy', () => {
  test('length is counted in characters: 8 to 128', () => {
    expect(offlinePasswordProblem('aB3$xY9', [])).toBe('TOO_SHORT');
    expect(offlinePasswordProblem('纸张油墨印刷机器', [])).toBe(null);
    expect(offlinePasswordProblem('z'.repeat(128), [])).toBe(null);
    expect(offlinePasswordProblem('z'.repeat(129), [])).toBe('TOO_LONG');
  });

  test('common passwords are refused whatever their case', () => {
    for (const common of ['password1', 'Iloveyou1', 'QWERTYUIOP', '1qaz2wsx']) expect(offlinePasswordProblem(common, [])).toBe('COMMON');
  });

  test('the account’s own words may not make up most of the password', () => {
    const words = contextWords(['grace@meridian.example', 'Grace', 'Holloway', 'MERIDIAN']);
    expect(offlinePasswordProblem('Meridian2026!', words)).toBe('CONTEXT');
    expect(offlinePasswordProblem('holloway!!', words)).toBe('CONTEXT');
    expect(offlinePasswordProblem('walrus meridian copper lantern', words)).toBe(null);
    expect(offlinePasswordProblem('grace@meridian.example', words)).toBe('CONTEXT');
    expect(offlinePasswordProblem('Grace.Meridian.Example!', words)).toBe('CONTEXT');
  });

  test('an unknown account still costs one bcrypt comparison at the configured cost (no timing oracle)', async () => {
    const hasher = new PasswordHasher(5);
    const compare = vi.spyOn(bcrypt, 'compare');
    try {
      expect(await hasher.verify('Any-Password-123', undefined)).toBe(false);
      expect(compare).toHaveBeenCalledTimes(1);
      expect(bcrypt.getRounds(compare.mock.calls[0]![1] as string)).toBe(5);
    } finally {
      compare.mockRestore();
    }
  });

  test('bcrypt sees every byte: long passwords are pre-hashed, short ones go in unchanged', () => {
    expect(bcryptInput('PrintDemo-2026!')).toBe('PrintDemo-2026!');
    const long = 'é'.repeat(40);
    expect(bcryptInput(long)).toHaveLength(44);
    expect(bcryptInput(long)).not.toBe(bcryptInput(`${'é'.repeat(39)}e`));
  });
});

describe('breached-password check (k-anonymity)', () => {
  const seen: string[] = [];
  const range = createServer((req, res) => {
    seen.push(req.url ?? '');
    const sha1 = createHash('sha1').update('Tr0ub4dor&3-unique').digest('hex').toUpperCase();
    res.end(`${sha1.slice(5)}:42\r\n0000000000000000000000000000000000A:0\r\n`);
  });
  const logger = createLogger('silent');
  afterAll(() => new Promise<void>((resolve) => range.close(() => resolve())));

  test('sends only a 5-character prefix and finds the suffix in the answer', async () => {
    await new Promise<void>((resolve) => range.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(range.address() as AddressInfo).port}/range`;
    expect(await isBreachedOnline('Tr0ub4dor&3-unique', url, fetch, logger)).toBe(true);
    expect(await isBreachedOnline('a-password-nobody-has-used-91', url, fetch, logger)).toBe(false);
    expect(seen.every((path) => /^\/range\/[0-9A-F]{5}$/.test(path))).toBe(true);
  });

  test('an unreachable service does not block the password (the offline list still applies)', async () => {
    expect(await isBreachedOnline('anything-at-all-123', 'http://127.0.0.1:1/range', fetch, logger)).toBe(false);
  });
});

describe('secrets at rest', () => {
  const box = new SecretBox(Buffer.alloc(32, 1));

  test('AES-256-GCM round-trips and refuses another context, another key or a tampered value', () => {
    const sealed = box.encrypt('JBSWY3DPEHPK3PXP', 'mfa-secret:u1');
    expect(sealed).toMatch(/^v1\./);
    expect(box.decrypt(sealed, 'mfa-secret:u1')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => box.decrypt(sealed, 'mfa-secret:u2')).toThrow();
    expect(() => new SecretBox(Buffer.alloc(32, 2)).decrypt(sealed, 'mfa-secret:u1')).toThrow();
    // One character inside the last part, never the final one (whose low bits base64 may ignore).
    const at = sealed.length - 5;
    const tampered = `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(at + 1)}`;
    expect(tampered).not.toBe(sealed);
    expect(() => box.decrypt(tampered, 'mfa-secret:u1')).toThrow();
  });

  test('backup codes: ten distinct, forgiving to type, stored keyed-hashed', () => {
    const codes = newBackupCodes();
    expect(new Set(codes).size).toBe(10);
    expect(codes.every((code) => /^[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(code))).toBe(true);
    expect(normalizeBackupCode(' abcd0-o1il2 ')).toBe('ABCD001112');
    expect(isBackupCodeShaped('123456')).toBe(false);
    const key = Buffer.alloc(32, 3);
    expect(hashBackupCode(key, codes[0]!)).toBe(hashBackupCode(key, codes[0]!.toLowerCase().replace('-', ' ')));
    expect(hashBackupCode(key, codes[0]!)).not.toBe(hashBackupCode(Buffer.alloc(32, 4), codes[0]!));
  });

  test('TOTP accepts one step of drift either way and names the step used', () => {
    const { secret } = newTotpSecret('Portal', 'a@b.example');
    const at = new Date('2026-01-01T00:00:15Z');
    const step = Math.floor(at.getTime() / 30000);
    expect(matchTotpStep(secret, totpCodeAt(secret, at), at)).toBe(step);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 30000)), at)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 90000)), at)).toBe(null);
  });
});

describe('slow-down and lock-out arithmetic', () => {
  const policy = { slowDownAfter: 3, slowDownSeconds: 15, threshold: 10, seconds: 1800, attackThreshold: 30 };
  const last = new Date('2026-01-01T12:00:00Z');
  const at = (seconds: number) => new Date(last.getTime() + seconds * 1000);

  test('the first failures cost nothing; from the third each try waits twice as long as the last', () => {
    expect(waitSeconds({ hits: 2, last }, policy, last)).toBe(0);
    expect(waitSeconds({ hits: 3, last }, policy, last)).toBe(15);
    expect(waitSeconds({ hits: 4, last }, policy, at(10))).toBe(20);
    expect(waitSeconds({ hits: 9, last }, policy, last)).toBe(15 * 64);
    expect(waitSeconds({ hits: 4, last }, policy, at(30))).toBe(0);
  });

  test('at the threshold the source waits out the whole lock-out', () => {
    expect(waitSeconds({ hits: 10, last }, policy, at(60))).toBe(1800 - 60);
    expect(waitSeconds({ hits: 10, last }, policy, at(1800))).toBe(0);
  });
});

describe('client address through trusted proxies', () => {
  const trusted = trustedProxyList('127.0.0.1, 10.0.0.0/8, ::1');

  test('with no trusted proxy the TCP peer is the client, whatever the header says', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', trustedProxyList(''))).toBe('203.0.113.9');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.1', trustedProxyList(''))).toBe('127.0.0.1');
  });

  test('read from the right: each trusted hop vouches for the entry left of it, and no further', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.7, 10.1.2.3', trusted)).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', 'forged, 203.0.113.5, 198.51.100.7', trusted)).toBe('198.51.100.7');
    expect(clientAddress('203.0.113.5', '198.51.100.7', trusted)).toBe('203.0.113.5');
    expect(clientAddress('::1', '2001:db8::7', trusted)).toBe('2001:db8::7');
  });

  test('a garbled entry stops the walk at the last address a trusted hop stated', () => {
    expect(clientAddress('127.0.0.1', 'not-an-address', trusted)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '198.51.100.7, <script>, 10.0.0.2', trusted)).toBe('10.0.0.2');
  });

  test('a setting that is not an address or CIDR range is refused', () => {
    expect(() => trustedProxyList('10.0.0.0/33')).toThrow(/prefix/);
    expect(() => trustedProxyList('proxy.internal')).toThrow(/not an IP address/);
  });
});

describe('database refusals', () => {
  test('a duplicate or a rejected value becomes a code and words, the constraint only in the log detail', () => {
    const duplicate = databaseRefusal(Object.assign(new Error('duplicate key value violates unique constraint "customer_users_tenant_email_key"'), { code: '23505', constraint: 'customer_users_tenant_email_key' }));
    expect(duplicate?.toResponseBody()).toEqual({ message: expect.stringMatching(/^This conflicts/), extensions: { code: 'CONFLICT' } });
    expect(duplicate?.detail).toBe('database 23505 on customer_users_tenant_email_key');
    const check = databaseRefusal(Object.assign(new Error('violates check constraint "customer_users_staff_has_no_customer"'), { code: '23514' }));
    expect(check?.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(check?.toResponseBody())).not.toContain('constraint');
    expect(databaseRefusal(Object.assign(new Error('value too long'), { code: '22001' }))?.code).toBe('VALIDATION_FAILED');
  });

  test('anything else stays an internal error', () => {
    expect(databaseRefusal(Object.assign(new Error('relation does not exist'), { code: '42P01' }))).toBeNull();
    expect(databaseRefusal(new Error('plain'))).toBeNull();
  });
});
