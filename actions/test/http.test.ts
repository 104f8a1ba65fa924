import { beforeAll, describe, expect, test } from 'vitest';
import { DEV_ACTION_SECRET } from '../src/config/dev-defaults.ts';
import { handlerPath } from '../src/http/define-action.ts';
import { ACTION_SECRET_HEADER } from '../src/http/install-caller-check.ts';
import { startActionServer } from '../src/server.ts';
import { createWorld } from './support/fixtures.ts';
import { startTestServer, testConfig, type TestServer } from './support/test-server.ts';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

const payload = JSON.stringify({ action: { name: 'customerMe' }, input: {}, session_variables: { 'x-hasura-role': 'anonymous' } });

describe('the HTTP surface Hasura talks to', () => {
  test('health checks need no secret; readiness reaches the database', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${t.url}/readyz`)).json()).toEqual({ status: 'ok', database: 'ok' });
  });

  test('a call without the shared secret, or with a wrong one, is refused before any handler', async () => {
    const attempts: Record<string, string>[] = [{}, { [ACTION_SECRET_HEADER]: `${DEV_ACTION_SECRET}x` }, { [ACTION_SECRET_HEADER]: '' }];
    for (const headers of attempts) {
      const response = await post('/customer-me', payload, headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        message: 'Only the GraphQL engine may call the action server.',
        extensions: { code: 'UNAUTHORIZED_CALLER' },
      });
    }
  });

  test('malformed JSON, a non-Hasura body and a mismatched action name are BAD_REQUEST', async () => {
    const secret = { [ACTION_SECRET_HEADER]: DEV_ACTION_SECRET };
    for (const body of ['{"action":', '{"hello":"world"}', JSON.stringify({ action: { name: 'customerLogin' }, input: {} })]) {
      const response = await post('/customer-me', body, secret);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { extensions: { code: string } }).extensions.code).toBe('BAD_REQUEST');
    }
  });

  test('a NUL character in any text input is refused as invalid input naming the field, never a 500', async () => {
    await createWorld(t.db.pool);
    const calls: Array<[string, Record<string, unknown>, string]> = [
      ['customerLogin', { email: 'a\u0000@alpha.example', password: 'Some-Password-1' }, 'email'],
      ['customerRequestPasswordReset', { email: 'nul\u0000@alpha.example' }, 'email'],
      ['customerResendVerificationEmail', { email: 'nul@alpha.example\u0000' }, 'email'],
      ['customerRegister', { customerCode: 'ALPHA', email: 'new@alpha.example', password: 'Walrus-Copper-Lantern-7', firstName: 'Ada\u0000', lastName: 'L' }, 'firstName'],
    ];
    for (const [action, input, field] of calls) {
      const { status, body } = await t.call(action, input);
      expect(status, action).toBe(400);
      expect(body.extensions, action).toMatchObject({ code: 'VALIDATION_FAILED', fields: [field] });
      expect(JSON.stringify(body), action).not.toContain('\\u0000');
    }
  });

  test('an unknown path is NOT_FOUND in the same shape', async () => {
    const response = await post('/no-such-action', payload, { [ACTION_SECRET_HEADER]: DEV_ACTION_SECRET });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'There is no such action.', extensions: { code: 'NOT_FOUND' } });
  });

  test('handler paths are the kebab-case action names', () => {
    expect(handlerPath('customerEnrollMFA')).toBe('customer-enroll-mfa');
    expect(handlerPath('customerLoginMfa')).toBe('customer-login-mfa');
    expect(handlerPath('integratorToken')).toBe('integrator-token');
  });
});

describe('startActionServer', () => {
  test('opens its own pool from DATABASE_URL when none is given, and closes it', async () => {
    const server = await startActionServer(testConfig({ DATABASE_URL: t.db.url }));
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    await server.close();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
