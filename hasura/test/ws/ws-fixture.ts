import type { TestDatabase } from '@portal/test-support';
import { demoDatabase, startTestServer, type TestServer } from '../http/server-fixture.ts';

export const ADMIN_SECRET = 'test-admin-secret-websocket';
export const KEY = { alg: 'HS256' as const, secret: 'a-test-only-hmac-secret-for-websockets-32+' };
export const ADMIN = { 'x-hasura-admin-secret': ADMIN_SECRET };

/**
 * The engine over a fresh demo database with JWT mode, and short poll intervals and init
 * timeout so tests do not idle (no test asserts on timing).
 */
export async function startWsServer(): Promise<{ db: TestDatabase; engine: TestServer }> {
  const db = await demoDatabase();
  const engine = await startTestServer(db, {
    HASURA_GRAPHQL_ADMIN_SECRET: ADMIN_SECRET,
    HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: KEY.secret }),
    HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL: '100',
    HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_REFETCH_INTERVAL: '100',
    HASURA_GRAPHQL_WEBSOCKET_CONNECTION_INIT_TIMEOUT: '2',
  });
  return { db, engine };
}

/** Admin-secret headers acting as `role` with these session variables. */
export const actingAs = (role: string, session: Record<string, string>) => ({ ...ADMIN, 'x-hasura-role': role, ...session });
