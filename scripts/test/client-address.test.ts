import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '@portal/dev-db';
import { createTestDatabase, DEMO_TEMPLATE } from '@portal/test-support';
import { readScriptConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { startServices, type RunningServices } from '../start/stack.ts';

/**
 * Probe finding 1: every caller shared one throttle bucket, the engine's address. Linux routes all
 * of 127.0.0.0/8 to loopback, so binding the client side to 127.0.0.2 or 127.0.0.3 gives two real
 * client addresses against the stack `npm start` runs.
 */
const SIGN_IN_LIMIT = 3;
let services: RunningServices;

interface Answer {
  status: number;
  body: string;
}

function post(url: string, from: string, body: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', localAddress: from, headers: { 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const LOGIN = 'mutation ($email: String!, $password: String!) { customerLogin(email: $email, password: $password) { status } }';

/** The engine's error code for one wrong sign-in from `from`. */
async function engineSignIn(from: string, headers: Record<string, string> = {}): Promise<string> {
  const body = JSON.stringify({ query: LOGIN, variables: { email: 'nobody@nowhere.example', password: 'wrong-password-1' } });
  const answer = await post(`${services.engineUrl}/v1/graphql`, from, body, { 'content-type': 'application/json', ...headers });
  return JSON.parse(answer.body).errors[0].extensions.code as string;
}

/** The HTTP status of one wrong sign-in through the web's sign-in form from `from`. */
async function webSignIn(from: string): Promise<number> {
  const form = new URLSearchParams({ email: 'nobody@nowhere.example', password: 'wrong-password-1' }).toString();
  const answer = await post(`${services.webUrl}/sign-in`, from, form, {
    'content-type': 'application/x-www-form-urlencoded',
    origin: services.webUrl,
    accept: 'application/json',
    'x-sveltekit-action': 'true',
  });
  return JSON.parse(answer.body).status as number;
}

describe('throttling per client address, end to end under npm start', () => {
  beforeAll(async () => {
    process.env.AUTH_RATE_LIMIT_SIGN_IN = String(SIGN_IN_LIMIT);
    const db = await createTestDatabase(DEMO_TEMPLATE);
    const config = readScriptConfig({
      PORTAL_DATA_DIR: mkdtempSync(join(tmpdir(), 'portal-client-address-')),
      PORTAL_ENGINE_PORT: String(await freePort()),
      PORTAL_ACTIONS_PORT: String(await freePort()),
      PORTAL_WEB_PORT: String(await freePort()),
      PORTAL_MAILBOX_PORT: '0',
      PORTAL_STORAGE_PORT: String(await freePort()),
      BCRYPT_COST: '4',
      LOG_LEVEL: 'silent',
    });
    services = await startServices(config, { url: db.url, created: false, embedded: false, stop: async () => {} }, createLogger('silent'));
  });
  afterAll(() => services?.stop());

  test('through the engine: one address used up does not block another, and a forged X-Forwarded-For does not help', async () => {
    for (let i = 0; i < SIGN_IN_LIMIT; i += 1) expect(await engineSignIn('127.0.0.2')).toBe('INVALID_CREDENTIALS');
    expect(await engineSignIn('127.0.0.2')).toBe('RATE_LIMITED');
    expect(await engineSignIn('127.0.0.2', { 'x-forwarded-for': '198.51.100.23' })).toBe('RATE_LIMITED');
    expect(await engineSignIn('127.0.0.3')).toBe('INVALID_CREDENTIALS');
  });

  test('through the web: the browser address reaches the action server, so each browser has its own bucket', async () => {
    for (let i = 0; i < SIGN_IN_LIMIT; i += 1) expect(await webSignIn('127.0.0.4')).toBe(401);
    expect(await webSignIn('127.0.0.4')).toBe(429);
    expect(await webSignIn('127.0.0.5')).toBe(401);
  });
});
