import { Writable } from 'node:stream';
import { beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { startActionServer } from '../src/server.ts';
import { createTestDatabase } from '@portal/test-support';
import { createUser, createWorld, PASSWORD } from './support/fixtures.ts';
import { testConfig } from './support/test-server.ts';
import { DEV_ACTION_SECRET } from '../src/config/dev-defaults.ts';
import { ACTION_SECRET_HEADER } from '../src/http/install-caller-check.ts';

let lines = '';
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines += chunk.toString();
    done();
  },
});

let url: string;
let email: string;

beforeAll(async () => {
  const db = await createTestDatabase();
  const world = await createWorld(db.pool);
  email = (await createUser(db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'logs@alpha.example' })).email;
  const server = await startActionServer(testConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'debug' }), { pool: db.pool, logger: createLogger('debug', sink) });
  url = server.url;
  return () => server.close();
});

async function call(action: string, path: string, input: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${url}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ACTION_SECRET_HEADER]: DEV_ACTION_SECRET, authorization: 'Bearer client-jwt-value', cookie: 'session=cookie-value' },
    body: JSON.stringify({ action: { name: action }, input, session_variables: { 'x-hasura-role': 'anonymous' } }),
  });
  return response.json();
}

describe('request logs', () => {
  test('record each request and refusal without passwords, tokens, or forwarded credentials', async () => {
    const session = (await call('customerLogin', 'customer-login', { email, password: PASSWORD })).session;
    await call('customerLogin', 'customer-login', { email, password: 'Wrong-Password-Typed' });
    await call('customerRefreshToken', 'customer-refresh-token', { refreshToken: session.refreshToken });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toContain('"path":"/customer-login"');
    expect(lines).toContain('"code":"INVALID_CREDENTIALS"');
    for (const secret of [PASSWORD, 'Wrong-Password-Typed', session.refreshToken, session.accessToken, 'client-jwt-value', 'cookie-value', DEV_ACTION_SECRET]) {
      expect(lines).not.toContain(secret);
    }
  });
});
