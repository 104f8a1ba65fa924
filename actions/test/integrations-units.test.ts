import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { generateApiKey, hashApiKey, splitApiKey } from '../src/auth/api-keys.ts';
import { addressKind } from '../src/integrations/network-address.ts';
import { attemptDelivery, classifyResponse } from '../src/integrations/webhook-attempt.ts';
import { backoffSeconds, nextState } from '../src/integrations/webhook-retry.ts';
import { generateWebhookSecret, signWebhook } from '../src/integrations/webhook-signature.ts';
import { checkWebhookUrl } from '../src/integrations/webhook-url.ts';
import { readActionsConfig } from '../src/config/config.ts';
import { testConfig } from './support/test-server.ts';
import { startWebhookReceiver } from './support/webhook-receiver.ts';

const PRODUCTION = { allowLoopbackHttp: false };
const DEVELOPMENT = { allowLoopbackHttp: true };

describe('checkWebhookUrl', () => {
  test('production takes https:// to public hosts only', () => {
    expect(checkWebhookUrl(' https://erp.example.com/hooks?x=1 ', PRODUCTION)).toEqual({ ok: true, url: 'https://erp.example.com/hooks?x=1' });
    for (const url of [
      'http://erp.example.com/hooks',
      'http://127.0.0.1:8080/hooks',
      'https://localhost/hooks',
      'https://127.0.0.1/hooks',
      'https://[::1]/hooks',
      'https://10.0.0.8/hooks',
      'https://172.20.1.1/hooks',
      'https://192.168.1.10/hooks',
      'https://169.254.169.254/latest',
      'https://[fd00::1]/hooks',
      'https://ops:secret@erp.example.com/hooks',
      'ftp://erp.example.com/hooks',
      'erp.example.com/hooks',
    ]) {
      const checked = checkWebhookUrl(url, PRODUCTION);
      expect(checked.ok, url).toBe(false);
      if (!checked.ok) expect(checked.reason, url).toMatch(/^The webhook address|^Remove the user name/);
    }
  });

  test('development also takes http:// to loopback, and nothing else over http', () => {
    expect(checkWebhookUrl('http://127.0.0.1:4010/hooks', DEVELOPMENT).ok).toBe(true);
    expect(checkWebhookUrl('http://localhost:4010/hooks', DEVELOPMENT).ok).toBe(true);
    expect(checkWebhookUrl('http://[::1]:4010/hooks', DEVELOPMENT).ok).toBe(true);
    expect(checkWebhookUrl('http://erp.example.com/hooks', DEVELOPMENT).ok).toBe(false);
    expect(checkWebhookUrl('http://10.0.0.8/hooks', DEVELOPMENT).ok).toBe(false);
  });
});

describe('where a webhook may connect', () => {
  test('addresses are sorted into loopback, private and public', () => {
    expect(['127.0.0.1', '[::1]', '::1'].map(addressKind)).toEqual(['loopback', 'loopback', 'loopback']);
    expect(['10.2.3.4', '172.31.0.1', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '[fd12::1]', '[fe80::1]', '::ffff:10.0.0.1', '::', '224.0.0.1'].map(addressKind))
      .toEqual(Array(11).fill('private'));
    expect(['93.184.216.34', '172.32.0.1', '[2606:4700::1111]'].map(addressKind)).toEqual(['public', 'public', 'public']);
    expect(addressKind('erp.example.com')).toBeNull();
  });

  test('a name that resolves to loopback, or a loopback address, is refused unless loopback is allowed, and never retried', async () => {
    const receiver = await startWebhookReceiver();
    const port = new URL(receiver.url).port;
    const request = (host: string) => ({ url: `http://${host}:${port}/hooks`, secret: 'whsec_x', eventId: 'e1', body: '{}' });
    const now = new Date();
    for (const host of ['localhost', '127.0.0.1']) {
      expect(await attemptDelivery(request(host), now, { timeoutMs: 5000, allowLoopback: false }), host).toMatchObject({ kind: 'permanent', responseCode: null, error: expect.stringContaining('local or private network') });
    }
    expect(receiver.received).toHaveLength(0);
    expect(await attemptDelivery(request('localhost'), now, { timeoutMs: 5000, allowLoopback: true })).toEqual({ kind: 'delivered', responseCode: 200 });
    expect(receiver.received).toHaveLength(1);
  });
});

describe('signatures and secrets', () => {
  test('v1 is the hex HMAC-SHA256 of "<timestamp>.<body>" under the whole secret', () => {
    const secret = 'whsec_test';
    const body = '{"id":"e1","type":"webhook.test"}';
    const expected = createHmac('sha256', secret).update(`1767225600.${body}`).digest('hex');
    expect(signWebhook(secret, 1767225600, body)).toBe(`v1=${expected}`);
    expect(signWebhook(secret, 1767225601, body)).not.toBe(`v1=${expected}`);
    expect(signWebhook('whsec_other', 1767225600, body)).not.toBe(`v1=${expected}`);
  });

  test('the verification recipe in actions/README.md accepts our signature and refuses a wrong secret or an old timestamp', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const recipe = /```js\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(recipe).toContain('verifyPortalWebhook');
    const file = join(await mkdtemp(join(tmpdir(), 'webhook-recipe-')), 'verify.mjs');
    await writeFile(file, recipe!);
    const { verifyPortalWebhook } = (await import(pathToFileURL(file).href)) as { verifyPortalWebhook: (...args: unknown[]) => boolean };
    const body = '{"id":"e1","type":"webhook.test"}';
    const headers = (timestamp: number, secret = 'whsec_readme') => ({ 'x-portal-webhook-timestamp': String(timestamp), 'x-portal-webhook-signature': signWebhook(secret, timestamp, body) });
    expect(verifyPortalWebhook('whsec_readme', headers(1767225600), body, 1767225660)).toBe(true);
    expect(verifyPortalWebhook('whsec_readme', headers(1767225600, 'whsec_other'), body, 1767225660)).toBe(false);
    expect(verifyPortalWebhook('whsec_readme', headers(1767225600), `${body} `, 1767225660)).toBe(false);
    expect(verifyPortalWebhook('whsec_readme', headers(1767225600), body, 1767225600 + 301)).toBe(false);
  });

  test('new secrets and API keys are random and in their documented forms', () => {
    expect(generateWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(generateWebhookSecret());
    const { apiKey, prefix } = generateApiKey();
    expect(prefix).toMatch(/^pk_[0-9a-f]{16}$/);
    expect(splitApiKey(apiKey).prefix).toBe(prefix);
    expect(hashApiKey(apiKey)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('retries', () => {
  const policy = { maxAttempts: 4, retryBaseSeconds: 60, retryMaxSeconds: 200 };
  const now = new Date('2026-12-01T10:00:00Z');

  test('2xx delivers; 429 and 5xx retry; redirects and other 4xx are permanent', () => {
    expect(classifyResponse(204).kind).toBe('delivered');
    for (const status of [429, 500, 502, 503]) expect(classifyResponse(status).kind, String(status)).toBe('retry');
    for (const status of [301, 302, 400, 401, 404, 410, 422]) expect(classifyResponse(status).kind, String(status)).toBe('permanent');
  });

  test('the wait doubles from the base up to the cap, and the last attempt fails the delivery', () => {
    expect([1, 2, 3, 4].map((n) => backoffSeconds(n, policy))).toEqual([60, 120, 200, 200]);
    const busy = classifyResponse(503);
    expect(nextState(busy, 1, policy, now)).toMatchObject({ status: 'PENDING', nextAttemptAt: new Date('2026-12-01T10:01:00Z') });
    expect(nextState(busy, 4, policy, now)).toMatchObject({ status: 'FAILED', nextAttemptAt: null, error: expect.stringContaining('Gave up after 4 attempts') });
    expect(nextState(classifyResponse(404), 1, policy, now)).toMatchObject({ status: 'FAILED' });
    expect(nextState(classifyResponse(200), 3, policy, now)).toEqual({ status: 'DELIVERED', nextAttemptAt: null, error: null });
  });
});

describe('webhook settings', () => {
  test('have working defaults, loopback http outside production only', () => {
    expect(testConfig().webhooks).toEqual({ maxAttempts: 8, retryBaseSeconds: 60, retryMaxSeconds: 21600, timeoutMs: 10_000, batchSize: 25, allowLoopbackHttp: true });
    expect(testConfig({ WEBHOOK_ALLOW_LOOPBACK_HTTP: 'false', WEBHOOK_MAX_ATTEMPTS: '3' }).webhooks).toMatchObject({ allowLoopbackHttp: false, maxAttempts: 3 });
  });

  test('production turns loopback http off and refuses it being turned on', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://portal:secret@db.internal:5432/portal',
      ACTION_SECRET: 'a-production-action-secret-of-enough-length',
      HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: 'a-production-jwt-key-of-at-least-32-chars' }),
      ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      SENDGRID_API_KEY: 'SG.a-production-key',
      PORTAL_PUBLIC_URL: 'https://portal.printer.example/',
    };
    expect(readActionsConfig(production).webhooks.allowLoopbackHttp).toBe(false);
    expect(() => readActionsConfig({ ...production, WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true' })).toThrow(/WEBHOOK_ALLOW_LOOPBACK_HTTP must be false in production/);
  });

  test('name the variable when a value is out of range', () => {
    expect(() => testConfig({ WEBHOOK_MAX_ATTEMPTS: '0' })).toThrow(/WEBHOOK_MAX_ATTEMPTS/);
    expect(() => testConfig({ WEBHOOK_TIMEOUT_SECONDS: '90' })).toThrow(/WEBHOOK_TIMEOUT_SECONDS/);
    expect(() => testConfig({ WEBHOOK_ALLOW_LOOPBACK_HTTP: 'maybe' })).toThrow(/WEBHOOK_ALLOW_LOOPBACK_HTTP/);
  });
});
