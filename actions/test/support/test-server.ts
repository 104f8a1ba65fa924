import jwt from 'jsonwebtoken';
import { afterAll, expect } from 'vitest';
import { HASURA_CLAIMS_NAMESPACE, type HasuraClaims } from '@portal/common';
import { readActionsConfig, type ActionsConfig } from '../../src/config/config.ts';
import { DEV_ACTION_SECRET, DEV_JWT_SECRET } from '../../src/config/dev-defaults.ts';
import { handlerPath } from '../../src/http/define-action.ts';
import { ACTION_SECRET_HEADER } from '../../src/http/install-caller-check.ts';
import { createLogger } from '../../src/logger.ts';
import { startActionServer, type RunningActionServer } from '../../src/server.ts';
import { createTestDatabase, type TestDatabase } from '@portal/test-support';
import { TEST_BCRYPT_COST, TEST_TENANT_SLUG } from './fixtures.ts';
import { outputProblems } from './hasura-output.ts';
import { TestClock } from './test-clock.ts';

export type Session = Record<string, string>;
export const ANONYMOUS: Session = { 'x-hasura-role': 'anonymous' };

export interface ActionResponse {
  status: number;
  body: any;
}

export interface TestServer {
  url: string;
  db: TestDatabase;
  clock: TestClock;
  config: ActionsConfig;
  server: RunningActionServer;
  /** POSTs Hasura's action payload, as the engine would, with the shared secret. */
  call(action: string, input: Record<string, unknown>, session?: Session, headers?: Record<string, string>): Promise<ActionResponse>;
}

export function testConfig(env: Record<string, string> = {}): ActionsConfig {
  return readActionsConfig({
    NODE_ENV: 'test',
    PORTAL_ACTIONS_PORT: '0',
    BCRYPT_COST: String(TEST_BCRYPT_COST),
    LOG_LEVEL: 'silent',
    PORTAL_DEFAULT_TENANT: TEST_TENANT_SLUG,
    ...env,
  });
}

/** A real action server on a loopback port over a fresh database cloned from the migrated template. */
export async function startTestServer(options: { env?: Record<string, string>; db?: TestDatabase; clock?: TestClock } = {}): Promise<TestServer> {
  const db = options.db ?? (await createTestDatabase());
  const clock = options.clock ?? new TestClock();
  const config = testConfig({ DATABASE_URL: db.url, ...options.env });
  const server = await startActionServer(config, { pool: db.pool, clock, logger: createLogger('silent') });
  afterAll(() => server.close());
  const call: TestServer['call'] = async (action, input, session = ANONYMOUS, headers = {}) => {
    const response = await fetch(`${server.url}/${handlerPath(action)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ACTION_SECRET_HEADER]: DEV_ACTION_SECRET, ...headers },
      body: JSON.stringify({ action: { name: action }, input, session_variables: session, request_query: `mutation { ${action} }` }),
    });
    const body = await response.json();
    // Every successful answer must be one the engine accepts for the action's output type.
    if (response.ok) expect(outputProblems(action, body), `${action} output`).toEqual([]);
    return { status: response.status, body };
  };
  return { url: server.url, db, clock, config, server, call };
}

/** Verifies an access token as Hasura would (same secret) and returns its Hasura claims. */
export function claimsOf(accessToken: string): HasuraClaims {
  const key = (JSON.parse(DEV_JWT_SECRET) as { key: string }).key;
  const payload = jwt.verify(accessToken, key, { algorithms: ['HS256'] }) as Record<string, unknown>;
  return payload[HASURA_CLAIMS_NAMESPACE] as HasuraClaims;
}

/** The session variables Hasura would forward for a request carrying this token (default role). */
export function sessionOf(accessToken: string): Session {
  const claims = claimsOf(accessToken);
  const session: Session = { 'x-hasura-role': claims['x-hasura-default-role'] };
  for (const [key, value] of Object.entries(claims)) if (typeof value === 'string' && key !== 'x-hasura-default-role') session[key] = value;
  return session;
}
